// Runs when the Node.js server boots (not during `next build`, not in the edge runtime):
// stamps requests with their socket address for lib/client-ip (Next exposes none), and starts
// the in-process scheduler. BROADSHEET_SCHEDULER=off disables the scheduler, e.g. for a read-only replica.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { installPeerAddressHeader } = await import('./lib/client-ip');
  installPeerAddressHeader();
  if (process.env.BROADSHEET_SCHEDULER === 'off') return;
  const { startScheduler } = await import('./lib/articles/scheduler');
  startScheduler();
}
