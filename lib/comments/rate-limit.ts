import 'server-only';
import { createRateLimiter, RateLimitedError, waitInWords, type RateLimiter, type RateLimiterOptions } from '@/lib/rate-limit';

export type RateLimitRule = { scope: 'ip' | 'email'; points: number; seconds: number };

/**
 * Parses a flood-limit spec such as `ip:1/15,ip:20/3600,email:1/15,email:20/3600`
 * (at most `points` comments per `seconds`, per IP or per email); `off` or an empty
 * spec disables the limits. Throws on anything it cannot read, so a typo fails loudly.
 */
export function parseRateLimits(spec: string): RateLimitRule[] {
  const s = spec.trim().toLowerCase();
  if (s === '' || s === 'off') return [];
  return s.split(',').map((part) => {
    const m = /^(ip|email):(\d{1,9})\/(\d{1,9})$/.exec(part.trim());
    if (!m || Number(m[2]) < 1 || Number(m[3]) < 1) throw new Error(`COMMENT_RATE_LIMITS: cannot read "${part.trim()}" (expected e.g. ip:1/15 or email:20/3600)`);
    return { scope: m[1] as 'ip' | 'email', points: Number(m[2]), seconds: Number(m[3]) };
  });
}

type Limiter = { rule: RateLimitRule; limiter: RateLimiter };
export type RateLimiters = Limiter[];

/** One limiter per rule, named `<name>:<scope>:<index>` in the app's rate-limit module. */
export function createRateLimiters(rules: RateLimitRule[], options: RateLimiterOptions & { name?: string } = {}): RateLimiters {
  const name = options.name ?? 'comments';
  return rules.map((rule, i) => ({ rule, limiter: createRateLimiter(`${name}:${rule.scope}:${i}`, rule, options) }));
}

/** Consumes one point per rule; throws a RateLimitedError (HTTP 429) naming how long to wait. */
export async function consumeRateLimits(limiters: RateLimiters, keys: { ip?: string | null; email?: string | null }, doing = 'commenting'): Promise<void> {
  let wait = 0;
  for (const { rule, limiter } of limiters) {
    const key = keys[rule.scope];
    if (!key) continue;
    const res = await limiter.consume(key);
    if (!res.allowed) wait = Math.max(wait, res.resetSeconds);
  }
  if (wait > 0) throw tooQuickly(wait, doing);
}

/** "You are commenting too quickly. Please wait 30 seconds and try again." */
export function tooQuickly(retryAfterSeconds: number, doing = 'commenting'): RateLimitedError {
  return new RateLimitedError(retryAfterSeconds, `You are ${doing} too quickly. Please wait ${waitInWords(retryAfterSeconds)} and try again.`);
}
