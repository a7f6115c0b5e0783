// @ts-check
// Next.js `cacheHandler` for Broadsheet's public pages (see next.config.js).
//
// - Entries live in this process's memory (a byte-bounded LRU) and, when REDIS_URL is set, in
//   Redis too, so a page rendered by one instance is served by all of them.
// - An entry is fresh until one of its tags is invalidated after it was stored. Tags are
//   Next's path tags (`_N_T_/articles/slug`) plus Broadsheet's own (`a:<articleId>`, `latest`,
//   `s:<sectionId>` … — lib/cache/tags.ts). Invalidations are shared through ./shared.mjs.
// - A stale entry is a miss, not a stale hit: the next reader gets the new page, never the old
//   one, which is what a newsroom correcting a story needs.
// - Render races: a render that started before an invalidation and finishes after it would
//   store old content as new. Entries stored within RACE_WINDOW_MS after one of their tags was
//   invalidated are kept but dated just before that invalidation, so the next request renders
//   again (one extra render, never a stale page).
import v8 from 'node:v8';
import { isRedisReady, redis, redisConfigured } from '../redis.mjs';
import { ENTRY_PREFIX, lastInvalidated, invalidateTags, sharedState, startSharing } from './shared.mjs';

const TAGS_HEADER = 'x-next-cache-tags';
const RACE_WINDOW_MS = 10_000;
const MAX_MEMORY_BYTES = Number(process.env.PAGE_CACHE_MEMORY_MB || 128) * 1024 * 1024;
/** Shared entries expire from Redis after a day without a write; tags outlive them (shared.mjs). */
const REDIS_TTL_SECONDS = 24 * 3600;
/** Optional cap on how long a page may be served before a background refresh (tests use 1-2 s). */
const MAX_REVALIDATE = process.env.PAGE_REVALIDATE_SECONDS ? Number(process.env.PAGE_REVALIDATE_SECONDS) : undefined;
/** PAGE_CACHE=off turns caching off entirely (every request renders); PAGE_CACHE=debug logs stores and misses. */
const DISABLED = process.env.PAGE_CACHE === 'off';
const DEBUG = process.env.PAGE_CACHE === 'debug';

/**
 * @typedef {{ lastModified: number, value: any, tags: string[], size: number, cacheControl?: { revalidate: number | false, expire?: number } }} Entry
 */

/**
 * This process's entries, on globalThis so the server's fast path (./fast-path.mjs) reads the
 * same LRU that Next fills through this handler, whichever way each loaded the module.
 * @typedef {{ memory: Map<string, Entry>, bytes: number, keyByPath: Map<string, string> }} MemoryStore
 */
const STORE = Symbol.for('broadsheet.page-cache.memory');
/** @returns {MemoryStore} */
export function memoryStore() {
  const g = /** @type {Record<symbol, MemoryStore | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (g[STORE] ??= { memory: new Map(), bytes: 0, keyByPath: new Map() });
}
const store = memoryStore();
const memory = store.memory;

/** Next's key for an App Router page, `/route-cache/APP_PAGE/<hash>/$/articles/slug` (`$/index` is `/`). */
const APP_PAGE_KEY = /^\/route-cache\/APP_PAGE\/[^/]+\/\$(\/.*)$/;
/** The URL path a page entry's key serves, or null for other entries. @param {string} key */
export function pathOfKey(key) {
  const path = APP_PAGE_KEY.exec(key)?.[1];
  if (!path) return null;
  return path === '/index' ? '/' : path;
}
const MAX_PATHS = 100_000;
/** @param {string} key */
function notePath(key) {
  const path = pathOfKey(key);
  if (!path || store.keyByPath.get(path) === key) return;
  store.keyByPath.set(path, key);
  if (store.keyByPath.size > MAX_PATHS) store.keyByPath.delete(store.keyByPath.keys().next().value ?? '');
}

/** Drops the least recently used entries until the store is within its budget. */
function evict() {
  for (const [k, e] of memory) {
    if (store.bytes <= MAX_MEMORY_BYTES) break;
    memory.delete(k);
    store.bytes -= e.size;
  }
}

/** @param {string} key @param {Entry} entry */
function remember(key, entry) {
  const old = memory.get(key);
  if (old) {
    store.bytes -= old.size;
    memory.delete(key);
  }
  if (entry.size > MAX_MEMORY_BYTES / 4) return;
  memory.set(key, entry);
  store.bytes += entry.size;
  notePath(key);
  evict();
}

/**
 * Counts `bytes` more against the budget for a stored entry (the fast path's encoded copies of
 * its page live as long as it does) and marks it most recently used: a page served from the
 * fast path is as warm as one served by Next.
 * @param {string} key @param {Entry} entry @param {number} bytes
 */
export function chargeEntry(key, entry, bytes) {
  if (memory.get(key) !== entry) return;
  memory.delete(key);
  memory.set(key, entry);
  entry.size += bytes;
  store.bytes += bytes;
  evict();
}

/** How long (s) Next may serve an entry before refreshing it in the background, after PAGE_REVALIDATE_SECONDS. @param {Entry['cacheControl']} cacheControl */
export function effectiveCacheControl(cacheControl) {
  if (MAX_REVALIDATE !== undefined && cacheControl && (cacheControl.revalidate === false || cacheControl.revalidate > MAX_REVALIDATE)) {
    return { ...cacheControl, revalidate: MAX_REVALIDATE };
  }
  return cacheControl;
}

/** Whether none of an entry's tags was invalidated after it was stored. @param {Entry} entry */
export const notInvalidated = (entry) => lastInvalidated(entry.tags) < entry.lastModified;

/** Whether caching is on at all (PAGE_CACHE=off turns it off). */
export const pageCacheEnabled = () => !DISABLED;

/** @param {any} value */
function tagsOf(value) {
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === 'string' && header ? header.split(',') : [];
}

/** What a string costs in V8's heap: one byte a character, two once any is beyond Latin-1. @param {string} text */
const stringBytes = (text) => (/[^\u0000-\u00ff]/.test(text) ? 2 : 1) * text.length;

/** @param {any} value */
function sizeOf(value) {
  let n = 512;
  if (!value) return n;
  if (typeof value.html === 'string') n += stringBytes(value.html);
  if (value.rscData) n += value.rscData.length ?? 0;
  if (value.body) n += value.body.length ?? 0;
  if (value.segmentData instanceof Map) for (const b of value.segmentData.values()) n += b?.length ?? 0;
  if (value.kind === 'FETCH') n += stringBytes(JSON.stringify(value.data ?? null));
  return n;
}

export default class PageCacheHandler {
  constructor() {
    if (redisConfigured()) startSharing();
  }

  /**
   * Redis, when it is worth asking: configured, connected, and (for reads) with the shared
   * invalidation history loaded, so an entry another instance stored can be judged fresh.
   * Otherwise null at once: a reader never waits for Redis.
   * @param {'read' | 'write'} use
   * @returns {import('ioredis').Redis | null}
   */
  redisFor(use) {
    if (!isRedisReady() || (use === 'read' && !sharedState().loaded)) return null;
    return redis();
  }

  /**
   * @param {string} key
   * @param {{ kind: string, tags?: string[], softTags?: string[] }} ctx
   */
  async get(key, ctx) {
    if (DISABLED) return null;
    let entry = memory.get(key);
    if (entry) {
      // Most recently used last, so eviction takes the coldest pages first.
      memory.delete(key);
      memory.set(key, entry);
    } else {
      const shared = this.redisFor('read');
      try {
        const raw = shared ? await shared.getBuffer(ENTRY_PREFIX + key) : null;
        if (raw) {
          entry = /** @type {Entry} */ (v8.deserialize(raw));
          remember(key, entry);
        }
      } catch {
        // A Redis outage is a miss: the page renders.
      }
    }
    if (!entry) return null;
    const tags = ctx.tags || ctx.softTags ? [...entry.tags, ...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : entry.tags;
    if (lastInvalidated(tags) >= entry.lastModified) {
      if (DEBUG) console.log('page cache: invalidated', key);
      return null;
    }
    notePath(key);
    return { lastModified: entry.lastModified, value: entry.value, cacheControl: effectiveCacheControl(entry.cacheControl) };
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {{ tags?: string[], cacheControl?: { revalidate: number | false, expire?: number } }} ctx
   */
  async set(key, data, ctx) {
    if (DISABLED) return;
    if (data === null) {
      const old = memory.get(key);
      if (old) store.bytes -= old.size;
      memory.delete(key);
      await this.redisFor('write')
        ?.del(ENTRY_PREFIX + key)
        .catch(() => {});
      return;
    }
    const tags = [...tagsOf(data), ...(ctx?.tags ?? [])];
    const now = Date.now();
    let lastModified = now;
    const invalidated = lastInvalidated(tags);
    if (invalidated && now - invalidated < RACE_WINDOW_MS) lastModified = invalidated - 1;
    /** @type {Entry} */
    const entry = { lastModified, value: data, tags, size: sizeOf(data), cacheControl: ctx?.cacheControl };
    remember(key, entry);
    if (DEBUG) console.log('page cache: stored', key, tags.join(' '));
    const shared = this.redisFor('write');
    if (shared) {
      try {
        await shared.set(ENTRY_PREFIX + key, v8.serialize(entry), 'EX', REDIS_TTL_SECONDS);
      } catch {
        // Not shared this time; this instance still has it.
      }
    }
  }

  /** Called by revalidateTag/revalidatePath: the tags are stale everywhere from now on. @param {string | string[]} tags */
  async revalidateTag(tags) {
    await invalidateTags(typeof tags === 'string' ? [tags] : tags);
  }

  resetRequestCache() {}
}
