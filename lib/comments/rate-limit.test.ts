import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '@/lib/rate-limit';
import { consumeRateLimits, createRateLimiters, parseRateLimits, tooQuickly } from './rate-limit';

describe('parseRateLimits', () => {
  it('reads per-IP and per-email rules', () => {
    expect(parseRateLimits('ip:1/15, email:20/3600')).toEqual([
      { scope: 'ip', points: 1, seconds: 15 },
      { scope: 'email', points: 20, seconds: 3600 },
    ]);
  });
  it('treats off and an empty spec as no limits', () => {
    expect(parseRateLimits('off')).toEqual([]);
    expect(parseRateLimits(' ')).toEqual([]);
  });
  it.each(['ip:1', 'ip:0/10', 'user:1/10', 'ip:1/10,', 'ip:-1/10'])('refuses %j loudly', (spec) => {
    expect(() => parseRateLimits(spec)).toThrow(/COMMENT_RATE_LIMITS/);
  });
});

describe('consumeRateLimits (in memory)', () => {
  it('allows up to the limit per key, then answers 429 with the wait', async () => {
    const limiters = createRateLimiters(parseRateLimits('ip:2/60,email:1/60'), { name: `t${Math.random()}`, shared: false });
    await consumeRateLimits(limiters, { ip: 'ip-a', email: 'e-1' });
    await consumeRateLimits(limiters, { ip: 'ip-a', email: 'e-2' });
    const third = consumeRateLimits(limiters, { ip: 'ip-a', email: 'e-3' });
    await expect(third).rejects.toBeInstanceOf(RateLimitedError);
    await expect(third).rejects.toMatchObject({ code: 'rate_limited', status: 429, message: expect.stringMatching(/^You are commenting too quickly\. Please wait \d+ seconds? and try again\.$/) });
    // Another IP with a fresh email is not affected; the same email from another IP is.
    await consumeRateLimits(limiters, { ip: 'ip-b', email: 'e-4' });
    await expect(consumeRateLimits(limiters, { ip: 'ip-c', email: 'e-1' })).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('skips a scope without a key (no IP known)', async () => {
    const limiters = createRateLimiters(parseRateLimits('ip:1/60'), { name: `t${Math.random()}`, shared: false });
    await consumeRateLimits(limiters, { ip: null, email: 'x' });
    await consumeRateLimits(limiters, { ip: null, email: 'x' });
  });

  it('says minutes for long waits', () => {
    expect(tooQuickly(30).message).toBe('You are commenting too quickly. Please wait 30 seconds and try again.');
    expect(tooQuickly(1).message).toBe('You are commenting too quickly. Please wait 1 second and try again.');
    expect(tooQuickly(3000).message).toBe('You are commenting too quickly. Please wait 50 minutes and try again.');
  });
});
