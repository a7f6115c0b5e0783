import 'server-only';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '@/lib/errors';

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

type Limiter = { rule: RateLimitRule; limiter: RateLimiterAbstract };
export type RateLimiters = Limiter[];

/**
 * One limiter per rule: in Redis when a client is given (shared by every instance, with an
 * in-process limiter as insurance while Redis is unreachable), else in process memory.
 */
export function createRateLimiters(rules: RateLimitRule[], redis?: Redis, prefix = 'broadsheet:comments'): Limiter[] {
  return rules.map((rule, i) => {
    const opts = { points: rule.points, duration: rule.seconds, keyPrefix: `${prefix}:${rule.scope}:${i}` };
    const memory = new RateLimiterMemory(opts);
    const limiter = redis ? new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: memory }) : memory;
    return { rule, limiter };
  });
}

/** Consumes one point per rule; throws a rate_limited AppError (HTTP 429) naming how long to wait. */
export async function consumeRateLimits(limiters: Limiter[], keys: { ip?: string | null; email?: string | null }, doing = 'commenting'): Promise<void> {
  let waitMs = 0;
  for (const { rule, limiter } of limiters) {
    const key = keys[rule.scope];
    if (!key) continue;
    try {
      await limiter.consume(key);
    } catch (e) {
      // A rejection is a RateLimiterRes; matched by shape, as bundlers may load the class twice.
      if (!(e instanceof RateLimiterRes) && !(e && typeof e === 'object' && typeof (e as RateLimiterRes).msBeforeNext === 'number' && !(e instanceof Error))) throw e;
      waitMs = Math.max(waitMs, (e as RateLimiterRes).msBeforeNext);
    }
  }
  if (waitMs > 0) throw rateLimitedError(waitMs, doing);
}

/** A 429 that knows how long to wait, for the Retry-After header. */
export class RateLimitedError extends AppError {
  /** `doing` names what was too quick: "commenting", "reporting comments". */
  constructor(
    public readonly retryAfterSeconds: number,
    doing = 'commenting',
  ) {
    const wait = retryAfterSeconds < 120 ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
    super('rate_limited', `You are ${doing} too quickly. Please wait ${wait} and try again.`);
  }
}

export function rateLimitedError(waitMs: number, doing?: string): RateLimitedError {
  return new RateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)), doing);
}
