// Types for ./redis.mjs (plain JavaScript so that the unbundled page-cache handler shares it).
import type { Redis, RedisOptions } from 'ioredis';
export declare function redisOptions(): RedisOptions;
export declare function redisConfigured(): boolean;
export declare function redis(): Redis | null;
export declare function redisSubscriber(): Redis | null;
export declare function isRedisReady(): boolean;
export declare function onRedisReady(hook: () => void): () => boolean;
export declare function closeRedis(): Promise<void>;
export declare function createRedisConnection(role: string): Redis | null;
