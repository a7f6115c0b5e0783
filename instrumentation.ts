// Starts the in-process scheduler when the Node.js server boots (not during `next build`,
// not in the edge runtime). BROADSHEET_SCHEDULER=off disables it, e.g. for a read-only replica.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.BROADSHEET_SCHEDULER === 'off') return;
  const { startScheduler } = await import('./lib/articles/scheduler');
  startScheduler();
}
