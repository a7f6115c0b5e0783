// @ts-check
// The one Redis module of the process: every part of Broadsheet that talks to Redis (the page
// cache and its invalidations, rate limits, live updates) goes through the two connections made
// here. Plain JavaScript because Next loads the page-cache handler unbundled; that copy and the
// bundled domain code meet in one object on globalThis, so there is one pair of connections per
// process whichever way this file was loaded.
//
// Redis is an accelerator, never a dependency a reader waits for. So commands fail fast:
// - no offline queue: while disconnected a command rejects at once instead of waiting in a queue;
// - a connect timeout and a command timeout: a Redis that accepts TCP but stalls (overloaded,
//   SIGSTOPped, a half-open link) rejects after REDIS_COMMAND_TIMEOUT_MS instead of hanging;
// - reconnects back off to at most 2 s, forever, in the background.
// Callers treat a rejection as "Redis is away": pages render or come from memory, limits count in
// memory, invalidations are kept and shared on reconnect (lib/cache/shared.mjs).
import { Redis } from 'ioredis';
import { onReadinessCheck, onShutdown } from './process-hooks.mjs';

const KEY = Symbol.for('broadsheet.redis');

/**
 * @typedef {{
 *   url: string | undefined,
 *   command: Redis | null,
 *   subscriber: Redis | null,
 *   readyHooks: Set<() => void>,
 *   warned: boolean,
 *   hooked?: boolean,
 * }} RedisState
 */

/** @returns {RedisState} */
function state() {
  const g = /** @type {Record<symbol, RedisState | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (g[KEY] ??= { url: process.env.REDIS_URL || undefined, command: null, subscriber: null, readyHooks: new Set(), warned: false });
}

/** @param {string | undefined} v @param {number} fallback */
const ms = (v, fallback) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : fallback);

/** Connection options shared by both connections; exported for tests. */
export function redisOptions() {
  return {
    connectTimeout: ms(process.env.REDIS_CONNECT_TIMEOUT_MS, 1000),
    commandTimeout: ms(process.env.REDIS_COMMAND_TIMEOUT_MS, 1000),
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    /** @param {number} times */
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
  };
}

/** Whether REDIS_URL is set (the process shares its cache, limits and live updates). */
export function redisConfigured() {
  return !!state().url;
}

/** @param {Redis} client @param {string} role */
function watch(client, role) {
  const s = state();
  client.on('error', (e) => {
    // ioredis reconnects by itself; say once per outage that Redis is away, not once per retry.
    if (s.warned) return;
    s.warned = true;
    console.error(`redis (${role}): ${e instanceof Error ? e.message : e}; carrying on without it until it is back`);
  });
  client.on('ready', () => {
    if (s.warned) console.error(`redis (${role}): connected again`);
    s.warned = false;
  });
}

/**
 * The process's command connection, or null without REDIS_URL. Commands reject at once while
 * Redis is unreachable (see above); `isRedisReady()` tells whether trying is worthwhile.
 * @returns {Redis | null}
 */
export function redis() {
  const s = state();
  if (!s.url) return null;
  if (!s.command) {
    const client = new Redis(s.url, { ...redisOptions(), connectionName: 'broadsheet' });
    watch(client, 'commands');
    client.on('ready', () => {
      for (const hook of s.readyHooks) {
        try {
          hook();
        } catch (e) {
          console.error('redis: a reconnect hook failed', e);
        }
      }
    });
    s.command = client;
    registerProcessHooks();
  }
  return s.command;
}

/**
 * /readyz asks Redis for a PING (it rejects at once while disconnected, and after the command
 * timeout when Redis stalls); shutdown closes both connections after the workers have stopped.
 */
function registerProcessHooks() {
  const s = state();
  if (s.hooked) return;
  s.hooked = true;
  onReadinessCheck('redis', async () => {
    const client = redis();
    if (!client) return;
    if (client.status !== 'ready') throw new Error(`not connected (${client.status})`);
    await client.ping();
  });
  onShutdown('redis', closeRedis, 50);
}

/**
 * The process's subscriber connection (pub/sub needs a connection of its own), or null without
 * REDIS_URL. Subscriptions are queued until it connects and renewed after every reconnect.
 * @returns {Redis | null}
 */
export function redisSubscriber() {
  const s = state();
  if (!s.url) return null;
  if (!s.subscriber) {
    // SUBSCRIBE may wait for the connection (nobody's request waits on it); ioredis renews the
    // subscriptions itself after a reconnect.
    const client = new Redis(s.url, { ...redisOptions(), enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined, connectionName: 'broadsheet-sub', autoResubscribe: true });
    watch(client, 'subscriber');
    s.subscriber = client;
  }
  return s.subscriber;
}

/**
 * A connection of its own, for a part that needs a dedicated pair (co-editing's pub/sub through
 * Hocuspocus): the same URL and timeouts, commands queued while it connects. Its owner closes it.
 * Null without REDIS_URL.
 * @param {string} role
 * @returns {Redis | null}
 */
export function createRedisConnection(role) {
  const s = state();
  if (!s.url) return null;
  const client = new Redis(s.url, { ...redisOptions(), enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined, connectionName: `broadsheet-${role}` });
  watch(client, role);
  return client;
}

/** Whether the command connection is up right now. */
export function isRedisReady() {
  return state().command?.status === 'ready';
}

/**
 * Calls `hook` every time the command connection becomes ready (first connect and each reconnect),
 * e.g. to share what was kept while Redis was away. Returns a function that removes it.
 * @param {() => void} hook
 */
export function onRedisReady(hook) {
  const s = state();
  s.readyHooks.add(hook);
  return () => s.readyHooks.delete(hook);
}

/** Closes both connections (graceful shutdown); later calls to redis() connect again. */
export async function closeRedis() {
  const s = state();
  const clients = [s.command, s.subscriber].filter((c) => c !== null);
  s.command = null;
  s.subscriber = null;
  await Promise.all(
    clients.map((c) =>
      c.quit().then(
        () => undefined,
        () => c.disconnect(),
      ),
    ),
  );
}
