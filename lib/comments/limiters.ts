import 'server-only';
import { Redis } from 'ioredis';
import { env } from '@/lib/env';
import { createRateLimiters, parseRateLimits, type RateLimiters } from './rate-limit';

const g = globalThis as { broadsheetCommentLimiters?: RateLimiters; broadsheetReportLimiters?: RateLimiters; broadsheetLimiterRedis?: Redis | null };

function sharedRedis(): Redis | undefined {
  if (g.broadsheetLimiterRedis === undefined) {
    const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
    redis?.on('error', () => {}); // the insurance limiter covers outages; ioredis reconnects on its own
    g.broadsheetLimiterRedis = redis;
  }
  return g.broadsheetLimiterRedis ?? undefined;
}

/** The site's comment limiters from COMMENT_RATE_LIMITS, Redis-backed when REDIS_URL is set. */
export function commentRateLimiters(): RateLimiters {
  if (!g.broadsheetCommentLimiters) {
    const rules = parseRateLimits(env.COMMENT_RATE_LIMITS);
    g.broadsheetCommentLimiters = createRateLimiters(rules, rules.length ? sharedRedis() : undefined);
  }
  return g.broadsheetCommentLimiters;
}

/** The limiters of readers' "Report" (REPORT_RATE_LIMITS, 10 an hour per IP by default). */
export function reportRateLimiters(): RateLimiters {
  if (!g.broadsheetReportLimiters) {
    const rules = parseRateLimits(env.REPORT_RATE_LIMITS);
    g.broadsheetReportLimiters = createRateLimiters(rules, rules.length ? sharedRedis() : undefined, 'broadsheet:reports');
  }
  return g.broadsheetReportLimiters;
}

/** The flood limits in words, for the settings page. */
export function describeCommentLimits(): { rules: string; shared: boolean; reports: string } {
  const rules = parseRateLimits(env.COMMENT_RATE_LIMITS);
  const words = (list: typeof rules) => list.map((r) => `${r.points} per ${r.seconds} s per ${r.scope === 'ip' ? 'IP address' : 'email address'}`).join('; ') || 'off';
  return { rules: words(rules), shared: !!env.REDIS_URL && rules.length > 0, reports: words(parseRateLimits(env.REPORT_RATE_LIMITS)) };
}
