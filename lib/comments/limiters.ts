import 'server-only';
import { Redis } from 'ioredis';
import { env } from '@/lib/env';
import { createRateLimiters, parseRateLimits, type RateLimiters } from './rate-limit';

const g = globalThis as { broadsheetCommentLimiters?: RateLimiters };

/** The site's comment limiters from COMMENT_RATE_LIMITS, Redis-backed when REDIS_URL is set. */
export function commentRateLimiters(): RateLimiters {
  if (!g.broadsheetCommentLimiters) {
    const rules = parseRateLimits(env.COMMENT_RATE_LIMITS);
    const redis =
      rules.length && env.REDIS_URL ? new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : undefined;
    redis?.on('error', () => {}); // the insurance limiter covers outages; ioredis reconnects on its own
    g.broadsheetCommentLimiters = createRateLimiters(rules, redis);
  }
  return g.broadsheetCommentLimiters;
}

/** The flood limits and too-fast threshold in words, for the settings page. */
export function describeCommentLimits(): { rules: string; shared: boolean; minSeconds: number } {
  const rules = parseRateLimits(env.COMMENT_RATE_LIMITS);
  const words = rules.map((r) => `${r.points} per ${r.seconds} s per ${r.scope === 'ip' ? 'IP address' : 'email address'}`);
  return { rules: words.join('; ') || 'off', shared: !!env.REDIS_URL && rules.length > 0, minSeconds: env.COMMENT_MIN_SECONDS };
}
