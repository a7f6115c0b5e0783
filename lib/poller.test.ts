import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPoller } from './poller';
import { runShutdownHooks } from './process-hooks.mjs';

const unreachable = () => Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: 'P1001' });

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('startPoller', () => {
  it('pauses with back-off while its tick fails, says so once, and resumes when it works again', async () => {
    vi.useFakeTimers();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const logs = vi.spyOn(console, 'log').mockImplementation(() => {});
    const at: number[] = [];
    let failing = true;
    const start = Date.now();
    const stop = startPoller(
      'scheduler',
      async () => {
        at.push(Date.now() - start);
        if (failing) throw unreachable();
        return null;
      },
      { maxSleepMs: 1000, failure: 'could not publish scheduled articles' },
    );
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000 + 5000 + 5000 + 10);
    // Ticks at 0, then after 1 s, 2 s, 4 s, 5 s, 5 s: not once a second.
    expect(at).toEqual([0, 1000, 3000, 7000, 12000, 17000]);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/^scheduler: could not publish scheduled articles \(the database is unreachable\); paused/);

    failing = false;
    await vi.advanceTimersByTimeAsync(5000);
    expect(logs).toHaveBeenCalledWith(expect.stringMatching(/^scheduler: resumed after \d+\.\d s$/));
    const before = at.length;
    await vi.advanceTimersByTimeAsync(3000);
    expect(at.length - before).toBe(3); // back to once a second
    await stop();
  });

  it('stops with the server, after the tick that is running', async () => {
    let finishTick = () => {};
    let ticks = 0;
    startPoller(
      'worker',
      () =>
        new Promise<null>((resolve) => {
          ticks++;
          finishTick = () => resolve(null);
        }),
      { maxSleepMs: 10, failure: 'failed' },
    );
    const stopping = runShutdownHooks(1000);
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false); // waits for the running tick
    finishTick();
    expect(await stopping).toEqual([]);
    await new Promise((r) => setTimeout(r, 30));
    expect(ticks).toBe(1);
  });
});
