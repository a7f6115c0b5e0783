import 'server-only';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '@/lib/errors';
import { redis as sharedRedis } from '@/lib/redis.mjs';
import { waitInWords } from './wait-in-words.mjs';

// The one rate-limit module: every limit in Broadsheet (content API keys, comments, reports,
// sign-in, uploads, …) is a named rule counted here. With REDIS_URL the counts live in Redis, so
// N instances do not allow N times the limit; while Redis is away (or stalls) each instance counts
// in its own memory at once instead of waiting (lib/redis.mjs fails fast; the memory limiter is
// rate-limiter-flexible's insurance).

export type LimitRule = { points: number; seconds: number };

export type LimitResult = {
  /** Whether this call stayed within the limit. */
  allowed: boolean;
  /** Points left in the current window (0 when refused). */
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
};

export type RateLimiter = {
  readonly rule: LimitRule;
  /** Counts `points` (default 1) against `key`. Never throws for being over the limit: check `allowed`. */
  consume(key: string, points?: number): Promise<LimitResult>;
  /** Where `key` stands, without counting. */
  peek(key: string): Promise<LimitResult>;
  /** Forgets `key`'s count (a successful sign-in clears the account's failures). */
  reset(key: string): Promise<void>;
};

export type RateLimiterOptions = {
  /** Count in Redis when REDIS_URL is set (default); false keeps the count in this process. */
  shared?: boolean;
  /** A Redis connection to count in instead of the process's own (tests simulate instances). */
  redis?: Redis | null;
};

const KEY_PREFIX = 'broadsheet:rl:';

/** `points/seconds` for messages and settings pages ("600 per 60 s"). */
export const describeRule = (rule: LimitRule) => `${rule.points} per ${rule.seconds} s`;

/** A limiter named `name` (its key space) allowing `rule.points` per `rule.seconds`. */
export function createRateLimiter(name: string, rule: LimitRule, options: RateLimiterOptions = {}): RateLimiter {
  const opts = { points: rule.points, duration: rule.seconds, keyPrefix: `${KEY_PREFIX}${name}` };
  const memory = new RateLimiterMemory(opts);
  const client = options.redis !== undefined ? options.redis : options.shared === false ? null : sharedRedis();
  const limiter: RateLimiterAbstract = client ? new RateLimiterRedis({ ...opts, storeClient: client, insuranceLimiter: memory, rejectIfRedisNotReady: true }) : memory;

  const result = (res: RateLimiterRes, allowed: boolean): LimitResult => ({
    allowed,
    remaining: allowed ? Math.max(0, res.remainingPoints) : 0,
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  });

  return {
    rule,
    async consume(key, points = 1) {
      try {
        return result(await limiter.consume(key, points), true);
      } catch (e) {
        if (isRejection(e)) return result(e, false);
        throw e;
      }
    },
    async peek(key) {
      const res = await limiter.get(key).catch(() => memory.get(key));
      if (!res) return { allowed: true, remaining: rule.points, resetSeconds: rule.seconds };
      return { allowed: res.consumedPoints < rule.points, remaining: Math.max(0, rule.points - res.consumedPoints), resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
    },
    async reset(key) {
      await Promise.all([limiter.delete(key).catch(() => false), limiter === memory ? false : memory.delete(key)]);
    },
  };
}

/** A refusal is a RateLimiterRes; matched by shape too, as bundlers may load the class twice. */
function isRejection(e: unknown): e is RateLimiterRes {
  return e instanceof RateLimiterRes || (!!e && typeof e === 'object' && !(e instanceof Error) && typeof (e as RateLimiterRes).msBeforeNext === 'number');
}

const g = globalThis as { broadsheetRateLimiters?: Map<string, RateLimiter> };

/** The process's limiter for `name` and `rule` (made once; a changed rule makes a new one). */
export function rateLimiter(name: string, rule: LimitRule): RateLimiter {
  const limiters = (g.broadsheetRateLimiters ??= new Map());
  const id = `${name}|${rule.points}/${rule.seconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = createRateLimiter(name, rule);
    limiters.set(id, limiter);
  }
  return limiter;
}

/** "30 seconds", "1 second", "50 minutes": a wait in words (shared with the server's admission control). */
export { waitInWords };

/** A 429 that knows how long to wait (for Retry-After). The message says what to do. */
export class RateLimitedError extends AppError {
  constructor(
    public readonly retryAfterSeconds: number,
    message: string,
  ) {
    super('rate_limited', message);
  }
}
