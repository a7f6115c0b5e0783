import 'server-only';
import { databaseFault } from '@/lib/errors';
import { isShuttingDown, onShutdown } from '@/lib/process-hooks.mjs';

/** First wait after a failed tick; each further failure doubles it, up to MAX_BACKOFF_MS. */
const FIRST_BACKOFF_MS = 1000;
/** Short enough that overdue work resumes within seconds of the database returning. */
const MAX_BACKOFF_MS = 5000;

/**
 * Runs `tick` in this process until stopped: again after the delay it returns (capped at
 * `maxSleepMs`; null: `maxSleepMs`). Ticks never overlap. For in-process workers (the article
 * scheduler, webhook deliveries) that keep their state in the database.
 *
 * When a tick throws, the poller pauses with back-off (1 s, 2 s, 4 s, then every 5 s) and logs
 * once that it paused (`failure` and why), not on every tick; when a tick succeeds again it logs
 * that it resumed. It stops by itself when the server shuts down (lib/process-hooks.mjs), waiting
 * for a running tick. Returns a stop function that does the same.
 */
export function startPoller(name: string, tick: () => Promise<number | null>, { maxSleepMs, failure }: { maxSleepMs: number; failure: string }): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let failures = 0;
  let pausedAt = 0;
  const run = async () => {
    if (stopped || isShuttingDown()) return;
    let delay = maxSleepMs;
    try {
      const next = await tick();
      if (failures) console.log(`${name}: resumed after ${((Date.now() - pausedAt) / 1000).toFixed(1)} s`);
      failures = 0;
      if (next !== null) delay = Math.max(0, Math.min(maxSleepMs, next));
    } catch (e) {
      if (failures === 0) {
        pausedAt = Date.now();
        const why = databaseFault(e) ? 'the database is unreachable' : e instanceof Error ? e.message : String(e);
        console.error(`${name}: ${failure} (${why}); paused, retrying with back-off until it works again`);
        if (!databaseFault(e)) console.error(e);
      }
      delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** failures);
      failures++;
    }
    if (!stopped) {
      timer = setTimeout(() => (running = run()), delay);
      timer.unref();
    }
  };
  const stop = async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
  const unregister = onShutdown(name, stop, 10);
  running = run();
  return async () => {
    unregister();
    await stop();
  };
}
