import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimiter, waitInWords } from './rate-limit';

describe('createRateLimiter (in memory)', () => {
  it("allows the rule's points per key, then refuses with the wait, without throwing", async () => {
    const limiter = createRateLimiter(`t${Math.random()}`, { points: 2, seconds: 60 }, { shared: false });
    expect(await limiter.consume('a')).toMatchObject({ allowed: true, remaining: 1 });
    expect(await limiter.consume('a')).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await limiter.consume('a');
    expect(refused.allowed).toBe(false);
    expect(refused.resetSeconds).toBeGreaterThan(0);
    expect(refused.resetSeconds).toBeLessThanOrEqual(60);
    expect(await limiter.consume('b')).toMatchObject({ allowed: true });
  });

  it('peeks without counting, and reset forgets a key', async () => {
    const limiter = createRateLimiter(`t${Math.random()}`, { points: 3, seconds: 60 }, { shared: false });
    expect(await limiter.peek('k')).toMatchObject({ allowed: true, remaining: 3 });
    await limiter.consume('k', 3);
    expect(await limiter.peek('k')).toMatchObject({ allowed: false, remaining: 0 });
    expect(await limiter.peek('k')).toMatchObject({ allowed: false });
    await limiter.reset('k');
    expect(await limiter.peek('k')).toMatchObject({ allowed: true, remaining: 3 });
  });

  it('gives one limiter per name and rule in a process', () => {
    const rule = { points: 5, seconds: 10 };
    expect(rateLimiter('same', rule)).toBe(rateLimiter('same', rule));
    expect(rateLimiter('same', { points: 6, seconds: 10 })).not.toBe(rateLimiter('same', rule));
  });
});

describe('waitInWords', () => {
  it.each([
    [1, '1 second'],
    [30, '30 seconds'],
    [119, '119 seconds'],
    [120, '2 minutes'],
    [3000, '50 minutes'],
  ])('%i s is "%s"', (s, words) => expect(waitInWords(s)).toBe(words));
});
