import 'server-only';
import { lastInvalidated } from '@/lib/cache/shared.mjs';

// The content API's responses, kept in this process's memory by URL (the key parameter left out:
// every key sees the same published content) with the page cache's tags, so the invalidation
// that refreshes a page refreshes its API responses too, on every instance (lib/cache/shared.mjs).
// A fresh entry answers with no database work: its ETag is known before anything is read, so a
// matching If-None-Match costs nothing either. The key check and rate limit still run per request.
//
// An entry is dated when its handler started: an invalidation that lands while the handler reads
// makes it stale at once, so a response is never kept older than a change it may have missed.

type Entry = { body: string; etag: string; tags: string[]; storedAt: number; size: number };

const MAX_BYTES = Number(process.env.API_CACHE_MEMORY_MB || 32) * 1024 * 1024;
const MAX_ENTRY_BYTES = MAX_BYTES / 8;
const DISABLED = process.env.API_CACHE === 'off';

type Store = { entries: Map<string, Entry>; bytes: number; hits: number; misses: number };
const g = globalThis as { broadsheetApiResponses?: Store };
const store: Store = (g.broadsheetApiResponses ??= { entries: new Map(), bytes: 0, hits: 0, misses: 0 });

/** The cache key of a request: its path and its query parameters in a fixed order, without `key`. */
export function responseKey(url: URL): string {
  const params = [...url.searchParams].filter(([name]) => name !== 'key').sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  return params.length ? `${url.pathname}?${new URLSearchParams(params)}` : url.pathname;
}

/** The fresh entry for `key`, or null (none, or one of its tags was invalidated since). */
export function freshResponse(key: string): Entry | null {
  if (DISABLED) return null;
  const entry = store.entries.get(key);
  if (!entry || lastInvalidated(entry.tags) >= entry.storedAt) {
    store.misses++;
    return null;
  }
  // Most recently used last, so eviction takes the coldest first.
  store.entries.delete(key);
  store.entries.set(key, entry);
  store.hits++;
  return entry;
}

/** Keeps a response; `startedAt`: when its handler began reading (Date.now()). */
export function keepResponse(key: string, response: { body: string; etag: string; tags: string[] }, startedAt: number): void {
  if (DISABLED) return;
  const size = response.body.length * 2 + key.length * 2 + 256;
  if (size > MAX_ENTRY_BYTES) return;
  const old = store.entries.get(key);
  if (old) {
    store.bytes -= old.size;
    store.entries.delete(key);
  }
  store.entries.set(key, { ...response, storedAt: startedAt, size });
  store.bytes += size;
  for (const [k, e] of store.entries) {
    if (store.bytes <= MAX_BYTES) break;
    store.entries.delete(k);
    store.bytes -= e.size;
  }
}

/** Figures for benches and tests. */
export const responseCacheStats = () => ({ entries: store.entries.size, bytes: store.bytes, hits: store.hits, misses: store.misses });
