// Runs when the Node.js server boots (not during `next build`, not in the edge runtime):
// stamps requests with their socket address for lib/client-ip (Next exposes none), registers the
// database's readiness check (/readyz, scripts/server.mjs), refuses to run a production site with
// active demo accounts, and starts the in-process workers: the article scheduler, the webhook
// delivery worker and the job runner. All keep their state in the database, so a restart loses
// nothing, and all stop on shutdown (lib/process-hooks.mjs). BROADSHEET_SCHEDULER=off,
// BROADSHEET_WEBHOOKS=off and BROADSHEET_JOBS=off disable them (e.g. for a read-only replica).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // Refuse to start, rather than answer 500s, when the environment is unfit (in production: no real
  // secret, no database, or a site address that is not https, which would leave sign-in cookies insecure).
  const { exitUnlessEnvironmentIsFit } = await import('./lib/env-check');
  await exitUnlessEnvironmentIsFit();
  const { installPeerAddressHeader } = await import('./lib/client-ip');
  installPeerAddressHeader();
  // Loading the client registers its readiness check and its shutdown; it connects on first use.
  await import('./lib/db');
  const { isProduction } = await import('./lib/env');
  if (isProduction) {
    const { refuseDemoAccountsInProduction } = await import('./lib/users/demo-accounts');
    await refuseDemoAccountsInProduction();
  }
  // New readers of the live stream (lib/live/stream.mjs) are sent the alerts to show.
  const { setLiveSnapshotLoader } = await import('./lib/live/hub.mjs');
  const { getAlertsForReaders } = await import('./lib/alerts');
  setLiveSnapshotLoader('site', () => getAlertsForReaders());
  // Changes made here purge the CDN in front of the site (CDN_PURGE; lib/cdn/purge.ts).
  const { startCdnPurging } = await import('./lib/cdn/purge');
  startCdnPurging();
  // Co-editing (the /collab WebSocket of scripts/server.mjs); BROADSHEET_COLLAB=off leaves every editor on version-checked saves.
  if (process.env.BROADSHEET_COLLAB !== 'off') {
    const { startCollabServer } = await import('./lib/collab/server');
    startCollabServer();
  }
  if (process.env.BROADSHEET_SCHEDULER !== 'off') {
    const { startScheduler } = await import('./lib/articles/scheduler');
    startScheduler();
  }
  if (process.env.BROADSHEET_WEBHOOKS !== 'off') {
    const { startWebhookWorker } = await import('./lib/webhooks/worker');
    startWebhookWorker();
  }
  if (process.env.BROADSHEET_JOBS !== 'off') {
    // Handlers first: the runner claims only the job types registered in this process.
    await import('./lib/jobs/handlers');
    const { startJobRunner } = await import('./lib/jobs/runner');
    startJobRunner();
  }
}
