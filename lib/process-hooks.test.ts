import { describe, expect, it } from 'vitest';
import { checkReadiness, onReadinessCheck, onShutdown, requestNotes, runShutdownHooks, withRequestNotes } from './process-hooks.mjs';

describe('process hooks', () => {
  it('stops workers before the clients they use, and reports a hook that hangs', async () => {
    const order: string[] = [];
    onShutdown('database', async () => void order.push('database'), 50);
    onShutdown('scheduler', async () => void order.push('scheduler'), 10);
    const unregister = onShutdown('gone', () => void order.push('gone'), 10);
    unregister();
    onShutdown('stuck', () => new Promise(() => {}), 10);
    const failed = await runShutdownHooks(50);
    expect(order).toEqual(['scheduler', 'database']);
    expect(failed).toEqual(['stuck']);
  });

  it('names the dependency that is not ready, and one that does not answer in time', async () => {
    onReadinessCheck('database', async () => {});
    onReadinessCheck('redis', () => new Promise(() => {}));
    const { ready, checks } = await checkReadiness(50);
    expect(ready).toBe(false);
    expect(checks.database?.ok).toBe(true);
    expect(checks.redis).toMatchObject({ ok: false, error: 'no answer within 50 ms' });
    onReadinessCheck('redis', async () => {});
    expect((await checkReadiness(50)).ready).toBe(true);
  });

  it('keeps notes per request, across awaits', async () => {
    expect(requestNotes()).toBeUndefined();
    const seen = await Promise.all(
      [true, false].map((down) =>
        withRequestNotes(async () => {
          await new Promise((r) => setTimeout(r, 5));
          if (down) requestNotes()!.databaseUnavailable = true;
          await new Promise((r) => setTimeout(r, 5));
          return requestNotes()?.databaseUnavailable ?? false;
        }),
      ),
    );
    expect(seen).toEqual([true, false]);
  });
});
