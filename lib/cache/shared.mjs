// @ts-check
// The public-page cache's shared state: when each cache tag was last invalidated, and how that
// news travels between instances. Plain JavaScript because Next.js loads the cache handler
// (./page-cache-handler.mjs) at run time, outside the compiled bundle; the bundled domain code
// (lib/cache/index.ts) imports this file too. Both copies meet in one object on globalThis, so
// an invalidation made by a server action, the scheduler or an API call is seen by the handler
// in the same process at once, and by every other instance through Redis within milliseconds.
import { isRedisReady, onRedisReady, redis, redisConfigured, redisSubscriber } from '../redis.mjs';

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
 *   loaded: boolean,
 *   pending: Map<string, number>,
 *   ready: Promise<void> | null,
 *   listeners?: Set<(tags: string[]) => void>,
 * }} SharedState
 */

const KEY = Symbol.for('broadsheet.page-cache');

/**
 * This process's view of invalidations. `loaded`: the shared history is loaded and the
 * subscription is live, so entries read from Redis can be judged fresh; `pending`: invalidations
 * made while Redis was away, shared as soon as it is back.
 * @returns {SharedState}
 */
export function sharedState() {
  const g = /** @type {Record<symbol, SharedState | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (g[KEY] ??= { tags: new Map(), loaded: false, pending: new Map(), ready: null });
}

/**
 * Connects to Redis once per process (when REDIS_URL is set): subscribes to invalidations from
 * other instances and loads the shared history, again after every reconnect (catching up on what
 * was missed). Resolves when the history is first loaded; nothing on a reader's path waits for it.
 */
export function startSharing() {
  const state = sharedState();
  if (!redisConfigured()) return Promise.resolve();
  if (state.ready) return state.ready;
  const subscriber = /** @type {import('ioredis').Redis} */ (redisSubscriber());
  const client = /** @type {import('ioredis').Redis} */ (redis());
  let subscribed = false;
  let loadedOnce = false;
  /** @type {() => void} */
  let resolveReady = () => {};
  state.ready = new Promise((resolve) => (resolveReady = resolve));

  subscriber.on('message', (channel, message) => {
    if (channel !== CHANNEL) return;
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
  // While the subscription is down, news from other instances is missed: shared entries can't be
  // judged until the history is read again.
  subscriber.on('close', () => {
    subscribed = false;
    state.loaded = false;
  });
  const onSubscriberReady = () => {
    subscriber.subscribe(CHANNEL).then(
      () => {
        subscribed = true;
        load();
      },
      () => {},
    );
  };
  subscriber.on('ready', onSubscriberReady);

  const load = () => {
    if (!subscribed || !isRedisReady()) return;
    const catchingUp = loadedOnce;
    client
      .hgetall(TAGS_KEY)
      .then(async (all) => {
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
        loadedOnce = true;
        state.loaded = subscribed;
        resolveReady();
        if (old.length) await client.hdel(TAGS_KEY, ...old);
      })
      .catch(() => {});
  };
  onRedisReady(() => {
    flushPending();
    load();
  });
  if (subscriber.status === 'ready') onSubscriberReady();
  if (client.status === 'ready') load();
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
 * "published" afterwards can promise that every instance serves the new page. While Redis is
 * away it resolves at once: this instance is fresh, and the others are told on reconnect.
 * @param {string[]} tags
 */
export async function invalidateTags(tags) {
  if (!tags.length) return;
  const unique = [...new Set(tags)];
  const at = Date.now();
  for (const tag of unique) markLocal(tag, at);
  // Only the instance where the change happened tells the listeners (the CDN purge): instances
  // hearing of it over Redis (the subscription above) do not.
  for (const listener of sharedState().listeners ?? []) {
    try {
      listener(unique);
    } catch (e) {
      console.error('page cache: an invalidation listener failed:', e);
    }
  }
  if (!redisConfigured()) return;
  startSharing();
  if (!isRedisReady()) return keep(unique, at);
  try {
    await share(unique.map((t) => [t, at]));
  } catch (e) {
    keep(unique, at);
    console.error('page cache: could not share an invalidation through Redis; it will be shared on reconnect:', e instanceof Error ? e.message : e);
  }
}

/**
 * Calls `listener` with the tags of every invalidation made in this process (not those heard
 * from other instances). Returns a function that removes it.
 * @param {(tags: string[]) => void} listener
 */
export function onLocalInvalidation(listener) {
  const state = sharedState();
  (state.listeners ??= new Set()).add(listener);
  return () => state.listeners?.delete(listener);
}

/** @param {[string, number][]} entries */
async function share(entries) {
  const client = /** @type {import('ioredis').Redis} */ (redis());
  const at = Math.max(...entries.map(([, ms]) => ms));
  await client
    .multi()
    .hset(TAGS_KEY, Object.fromEntries(entries.map(([t, ms]) => [t, String(ms)])))
    .publish(CHANNEL, JSON.stringify({ tags: entries.map(([t]) => t), at }))
    .exec();
}

/** Keeps invalidations made while Redis is away, to share on reconnect. @param {string[]} tags @param {number} at */
function keep(tags, at) {
  const pending = sharedState().pending;
  for (const tag of tags) pending.set(tag, Math.max(at, pending.get(tag) ?? 0));
}

/** Shares the invalidations kept while Redis was away (called on every reconnect). */
function flushPending() {
  const pending = sharedState().pending;
  if (!pending.size) return;
  const entries = [...pending];
  pending.clear();
  share(entries).catch(() => {
    for (const [tag, at] of entries) pending.set(tag, Math.max(at, pending.get(tag) ?? 0));
  });
}
