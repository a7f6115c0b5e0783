// @ts-check
// The public-page cache's shared state: when each cache tag was last invalidated, and how that
// news travels between instances. Plain JavaScript because Next.js loads the cache handler
// (./page-cache-handler.mjs) at run time, outside the compiled bundle; the bundled domain code
// (lib/cache/index.ts) imports this file too. Both copies meet in one object on globalThis, so
// an invalidation made by a server action, the scheduler or an API call is seen by the handler
// in the same process at once, and by every other instance through Redis within milliseconds.
import { Redis } from 'ioredis';

// PAGE_CACHE_REDIS_PREFIX separates sites (or test runs) sharing one Redis.
const PREFIX = process.env.PAGE_CACHE_REDIS_PREFIX || 'broadsheet:page-cache:';
/** Redis hash: tag -> epoch ms of its last invalidation (read by instances as they start). */
export const TAGS_KEY = `${PREFIX}tags`;
/** Redis channel: JSON { tags, at } for each invalidation. */
export const CHANNEL = `${PREFIX}invalidate`;
/** Redis key prefix of shared page entries. */
export const ENTRY_PREFIX = `${PREFIX}entry:`;
/** Tag timestamps older than this cannot be newer than any live entry, so they are pruned. */
export const TAG_RETENTION_MS = 7 * 24 * 3600 * 1000;

/**
 * @typedef {{
 *   tags: Map<string, number>,
 *   redisUrl: string | undefined,
 *   publisher: Redis | null,
 *   subscriber: Redis | null,
 *   ready: Promise<void> | null,
 * }} SharedState
 */

const KEY = Symbol.for('broadsheet.page-cache');

/** @returns {SharedState} */
export function sharedState() {
  const g = /** @type {Record<symbol, SharedState | undefined>} */ (/** @type {unknown} */ (globalThis));
  let state = g[KEY];
  if (!state) {
    state = { tags: new Map(), redisUrl: process.env.REDIS_URL || undefined, publisher: null, subscriber: null, ready: null };
    g[KEY] = state;
  }
  return state;
}

/** @param {string} url */
function connect(url) {
  const client = new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 2000, enableOfflineQueue: true });
  // ioredis reconnects by itself; an outage must not crash the server (pages fall back to rendering).
  client.on('error', () => {});
  return client;
}

/**
 * Connects to Redis once per process (when REDIS_URL is set): loads the invalidation history and
 * subscribes to new invalidations from other instances. Resolves when the history is loaded.
 */
export function startSharing() {
  const state = sharedState();
  if (!state.redisUrl) return Promise.resolve();
  if (state.ready) return state.ready;
  const publisher = connect(state.redisUrl);
  const subscriber = connect(state.redisUrl);
  state.publisher = publisher;
  state.subscriber = subscriber;
  subscriber.on('message', (_channel, message) => {
    try {
      const { tags, at } = JSON.parse(message);
      // Dated when the news arrives, not when it was sent: a render here that read the database
      // before the change but was stored after `at`, before this message came, is stale too.
      const heard = Math.max(at, Date.now());
      if (Array.isArray(tags) && typeof at === 'number') for (const tag of tags) markLocal(String(tag), heard);
    } catch {
      // a malformed message is not ours to act on
    }
  });
  /** @param {boolean} catchingUp */
  const load = async (catchingUp) => {
    const all = await publisher.hgetall(TAGS_KEY);
    const now = Date.now();
    const cutoff = now - TAG_RETENTION_MS;
    const old = [];
    for (const [tag, at] of Object.entries(all)) {
      const ms = Number(at);
      if (ms < cutoff) old.push(tag);
      // Missed while disconnected: anything stored here meanwhile may predate it (see 'message').
      else if (catchingUp && ms > (state.tags.get(tag) ?? 0)) markLocal(tag, Math.max(ms, now));
      else markLocal(tag, ms);
    }
    if (old.length) await publisher.hdel(TAGS_KEY, ...old);
  };
  // After a reconnect, catch up on what was missed while the subscription was down.
  let connectedOnce = false;
  subscriber.on('ready', () => {
    if (connectedOnce) load(true).catch(() => {});
    connectedOnce = true;
  });
  state.ready = subscriber
    .subscribe(CHANNEL)
    .then(() => load(false))
    .catch(() => {});
  return state.ready;
}

/** @param {string} tag @param {number} at */
function markLocal(tag, at) {
  const state = sharedState();
  if ((state.tags.get(tag) ?? 0) < at) state.tags.set(tag, at);
}

/** Latest invalidation time among `tags` (0 when none was ever invalidated). @param {Iterable<string>} tags */
export function lastInvalidated(tags) {
  const known = sharedState().tags;
  let latest = 0;
  for (const tag of tags) {
    const at = known.get(tag);
    if (at !== undefined && at > latest) latest = at;
  }
  return latest;
}

/**
 * Marks `tags` invalid as of now in this process and, with Redis, on every instance. Resolves
 * once the other instances have been told (the publish is awaited), so a caller that answers
 * "published" afterwards can promise that every instance serves the new page.
 * @param {string[]} tags
 */
export async function invalidateTags(tags) {
  if (!tags.length) return;
  const unique = [...new Set(tags)];
  const at = Date.now();
  for (const tag of unique) markLocal(tag, at);
  const state = sharedState();
  if (!state.redisUrl) return;
  await startSharing();
  const publisher = state.publisher;
  if (!publisher) return;
  try {
    await publisher
      .multi()
      .hset(TAGS_KEY, Object.fromEntries(unique.map((t) => [t, String(at)])))
      .publish(CHANNEL, JSON.stringify({ tags: unique, at }))
      .exec();
  } catch (e) {
    // The local instance is already fresh; others catch up when their entries' revalidate time
    // passes. Say so, since a shared cache that cannot be told is worth knowing about.
    console.error('page cache: could not share an invalidation through Redis', e instanceof Error ? e.message : e);
  }
}
