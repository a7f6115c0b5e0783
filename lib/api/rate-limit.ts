import 'server-only';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

// Per-key request limits of the content API (API_RATE_LIMIT, e.g. "600/60"). With REDIS_URL
// every instance counts in the same Redis key, so N instances do not allow N times the limit.

export type ApiRateLimit = { points: number; seconds: number };

/** `points/seconds` (e.g. `600/60`), or `off`/empty for no limit. Throws on anything else, so a typo fails at start-up. */
export function parseApiRateLimit(spec: string): ApiRateLimit | null {
  const s = spec.trim().toLowerCase();
  if (s === '' || s === 'off') return null;
  const m = /^(\d{1,9})\/(\d{1,9})$/.exec(s);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new Error(`API_RATE_LIMIT: cannot read "${spec}" (expected points/seconds such as 600/60, or off)`);
  return { points: Number(m[1]), seconds: Number(m[2]) };
}

/** A 429 of the content API, carrying the wait for the Retry-After header. */
export class ApiRateLimitedError extends AppError {
  constructor(public readonly retryAfterSeconds: number, limit: ApiRateLimit) {
    super('rate_limited', `This API key made more than ${limit.points} requests in ${limit.seconds} s. Wait ${retryAfterSeconds} s (see Retry-After) and try again.`);
  }
}

export type ApiRateLimiter = {
  limit: ApiRateLimit;
  /** Counts one request of `keyId`; throws ApiRateLimitedError when over the limit. Returns what is left. */
  consume(keyId: string): Promise<{ remaining: number; resetSeconds: number }>;
};

/** A limiter in Redis when a client is given (an in-memory one covers Redis outages), else in memory. */
export function createApiRateLimiter(limit: ApiRateLimit, redis?: Redis, keyPrefix = 'broadsheet:api'): ApiRateLimiter {
  const opts = { points: limit.points, duration: limit.seconds, keyPrefix };
  const memory = new RateLimiterMemory(opts);
  const limiter: RateLimiterAbstract = redis ? new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: memory }) : memory;
  return {
    limit,
    async consume(keyId) {
      try {
        const res = await limiter.consume(keyId);
        return { remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
      } catch (e) {
        // A rejection is a RateLimiterRes; matched by shape too, as bundlers may load the class twice.
        if (e instanceof RateLimiterRes || (e && typeof e === 'object' && !(e instanceof Error) && typeof (e as RateLimiterRes).msBeforeNext === 'number')) {
          throw new ApiRateLimitedError(Math.max(1, Math.ceil((e as RateLimiterRes).msBeforeNext / 1000)), limit);
        }
        throw e;
      }
    },
  };
}

const g = globalThis as { broadsheetApiLimiter?: ApiRateLimiter | null };

/** The process's limiter from API_RATE_LIMIT, or null when limits are off. */
export function apiRateLimiter(): ApiRateLimiter | null {
  if (g.broadsheetApiLimiter === undefined) {
    const limit = parseApiRateLimit(env.API_RATE_LIMIT);
    let redis: Redis | undefined;
    if (limit && env.REDIS_URL) {
      redis = new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      redis.on('error', () => {}); // the insurance limiter covers outages; ioredis reconnects on its own
    }
    g.broadsheetApiLimiter = limit ? createApiRateLimiter(limit, redis) : null;
  }
  return g.broadsheetApiLimiter;
}

/** The limit in words, for the API settings section. */
export function describeApiRateLimit(): { text: string; shared: boolean } {
  const limit = parseApiRateLimit(env.API_RATE_LIMIT);
  return { text: limit ? `${limit.points} requests per ${limit.seconds} s per key` : 'off', shared: !!limit && !!env.REDIS_URL };
}
