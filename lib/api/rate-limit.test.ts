import { describe, expect, it } from 'vitest';
import { parseApiRateLimit } from './rate-limit';

describe('parseApiRateLimit', () => {
  it('reads points/seconds and off', () => {
    expect(parseApiRateLimit('600/60')).toEqual({ points: 600, seconds: 60 });
    expect(parseApiRateLimit(' 5/1 ')).toEqual({ points: 5, seconds: 1 });
    expect(parseApiRateLimit('off')).toBeNull();
    expect(parseApiRateLimit('')).toBeNull();
  });
  it.each(['600', '0/60', '600/0', '60/s', '-1/60', '600/60,1/1'])('refuses %j loudly', (spec) => {
    expect(() => parseApiRateLimit(spec)).toThrow(/API_RATE_LIMIT/);
  });
});
