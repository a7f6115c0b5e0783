import 'server-only';
import { env } from '@/lib/env';
import { redisConfigured } from '@/lib/redis.mjs';
import { createRateLimiters, parseRateLimits, type RateLimiters } from './rate-limit';

const g = globalThis as { broadsheetCommentLimiters?: RateLimiters; broadsheetReportLimiters?: RateLimiters };

/** The site's comment limiters from COMMENT_RATE_LIMITS (shared through Redis when REDIS_URL is set). */
export function commentRateLimiters(): RateLimiters {
  return (g.broadsheetCommentLimiters ??= createRateLimiters(parseRateLimits(env.COMMENT_RATE_LIMITS)));
}

/** The limiters of readers' "Report" (REPORT_RATE_LIMITS, 10 an hour per IP by default). */
export function reportRateLimiters(): RateLimiters {
  return (g.broadsheetReportLimiters ??= createRateLimiters(parseRateLimits(env.REPORT_RATE_LIMITS), { name: 'reports' }));
}

/** The flood limits in words, for the settings page. */
export function describeCommentLimits(): { rules: string; shared: boolean; reports: string } {
  const rules = parseRateLimits(env.COMMENT_RATE_LIMITS);
  const words = (list: typeof rules) => list.map((r) => `${r.points} per ${r.seconds} s per ${r.scope === 'ip' ? 'IP address' : 'email address'}`).join('; ') || 'off';
  return { rules: words(rules), shared: redisConfigured() && rules.length > 0, reports: words(parseRateLimits(env.REPORT_RATE_LIMITS)) };
}
