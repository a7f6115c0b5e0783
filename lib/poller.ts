import 'server-only';

/**
 * Runs `tick` in this process until stopped: again after the delay it returns (capped at
 * `maxSleepMs`; null: `maxSleepMs`), or 5 s after it throws (logging `failure`). Ticks never overlap. For in-process workers (the
 * article scheduler, webhook deliveries) that keep their state in the database.
 * Returns a stop function that waits for a running tick to finish.
 */
export function startPoller(name: string, tick: () => Promise<number | null>, { maxSleepMs, failure }: { maxSleepMs: number; failure: string }): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    let delay = maxSleepMs;
    try {
      const next = await tick();
      if (next !== null) delay = Math.max(0, Math.min(maxSleepMs, next));
    } catch (e) {
      console.error(`${name}: ${failure}; retrying in 5 s`, e);
      delay = 5000;
    }
    if (!stopped) {
      timer = setTimeout(() => (running = run()), delay);
      timer.unref();
    }
  };
  running = run();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
