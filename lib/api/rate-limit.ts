import 'server-only';
import { env } from '@/lib/env';
import { rateLimiter, RateLimitedError, type LimitRule, type RateLimiter } from '@/lib/rate-limit';
import { redisConfigured } from '@/lib/redis.mjs';

// Per-key request limits of the content API (API_RATE_LIMIT, e.g. "600/60"), counted by the
// app's one rate-limit module (shared by every instance through Redis when REDIS_URL is set).

/** `points/seconds` (e.g. `600/60`), or `off`/empty for no limit. Throws on anything else, so a typo fails at start-up. */
export function parseApiRateLimit(spec: string): LimitRule | null {
  const s = spec.trim().toLowerCase();
  if (s === '' || s === 'off') return null;
  const m = /^(\d{1,9})\/(\d{1,9})$/.exec(s);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new Error(`API_RATE_LIMIT: cannot read "${spec}" (expected points/seconds such as 600/60, or off)`);
  return { points: Number(m[1]), seconds: Number(m[2]) };
}

/** The 429 of an API key over its limit. */
export function apiRateLimitedError(retryAfterSeconds: number, rule: LimitRule): RateLimitedError {
  return new RateLimitedError(retryAfterSeconds, `This API key made more than ${rule.points} requests in ${rule.seconds} s. Wait ${retryAfterSeconds} s (see Retry-After) and try again.`);
}

/** The process's limiter from API_RATE_LIMIT, or null when limits are off. */
export function apiRateLimiter(): RateLimiter | null {
  const rule = parseApiRateLimit(env.API_RATE_LIMIT);
  return rule ? rateLimiter('api', rule) : null;
}

/** The limit in words, for the API settings section. */
export function describeApiRateLimit(): { text: string; shared: boolean } {
  const limit = parseApiRateLimit(env.API_RATE_LIMIT);
  return { text: limit ? `${limit.points} requests per ${limit.seconds} s per key` : 'off', shared: !!limit && redisConfigured() };
}
