// @ts-check
// The server's fast path for cached public pages (scripts/server.mjs).
//
// A reader's GET for a page this process holds fresh in its page cache (./page-cache-handler.mjs)
// is answered straight from memory: the stored HTML, with the headers Next.js would send for a
// cache hit, an ETag (304 for a matching If-None-Match) and a gzip or Brotli body compressed
// once per entry instead of once per request. Everything else — a miss, an entry past its
// revalidate time or invalidated, router (RSC) requests, query strings (but a plain search, served
// from its results page: lib/search/results-path.mjs), non-GET methods, the
// dashboard and the API — goes to Next.js unchanged, which renders, refreshes in the
// background and stores as before. The freshness rules are the cache handler's own, so the
// fast path can never serve a page the handler would refuse.
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { cdnTagHeaders } from '../cdn/tags.mjs';
import { publicPageHtml } from '../islands/static-page.mjs';
import { searchResultsPathOfUrl } from '../search/results-path.mjs';
import { hashedPageCsp } from '../security/headers.mjs';
import { chargeEntry, effectiveCacheControl, memoryStore, notInvalidated, pageCacheEnabled } from './page-cache-handler.mjs';

/** Only plain page paths; anything unusual (encoded characters, dots, query strings) goes to Next. */
const PAGE_PATH = /^\/(?:[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)*)?$/;
const NEVER = /^\/(?:admin|api|_next|login|preview|media)(?:\/|$)/;
/** Request headers that make Next answer differently (router payloads, actions, revalidation, draft mode). */
const NEXT_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'x-prerender-revalidate', 'next-url'];
const VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding';
/** Bodies smaller than this are not worth compressing (as Next's own compression). */
const COMPRESS_MIN_BYTES = 1024;
/** One year, Next's default `expire` for ISR entries. */
const ONE_YEAR = 31_536_000;

/** Next's own ETag function, so a validator a browser got from Next matches ours (a hash of our own if it moves). */
export const nextETag = (() => {
  try {
    return /** @type {(payload: string) => string} */ (createRequire(import.meta.url)('next/dist/server/lib/etag').generateETag);
  } catch {
    return (/** @type {string} */ payload) => `"${crypto.createHash('sha1').update(payload).digest('base64url')}"`;
  }
})();

/**
 * @typedef {{ key: string, entry: import('./page-cache-handler.mjs').Entry, etag: string, identity: Buffer, gzip?: Buffer, br?: Buffer, headers: Record<string, string> }} Prepared
 * @type {WeakMap<object, Prepared>}
 */
const prepared = new WeakMap();

/** A compressed copy of a page, counted against the cache's budget. @param {Prepared} p @param {Buffer} body */
function encoded(p, body) {
  chargeEntry(p.key, p.entry, body.length);
  return body;
}

/** @param {string | undefined} header @param {'br' | 'gzip'} coding */
function accepts(header, coding) {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== coding && name !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

/** @param {{ revalidate: number | false, expire?: number } | undefined} cacheControl */
function cacheControlHeader(cacheControl) {
  if (!cacheControl || cacheControl.revalidate === false) return `s-maxage=${ONE_YEAR}`;
  const expire = cacheControl.expire ?? ONE_YEAR;
  const swr = expire > cacheControl.revalidate ? `, stale-while-revalidate=${expire - cacheControl.revalidate}` : '';
  return cacheControl.revalidate === 0 ? 'private, no-cache, no-store, max-age=0, must-revalidate' : `s-maxage=${cacheControl.revalidate}${swr}`;
}

/**
 * The page's encoded copies, made once per entry and counted against the page cache's budget
 * (PAGE_CACHE_MEMORY_MB) with it, so the budget is what the cache really holds.
 * @param {string} key @param {import('./page-cache-handler.mjs').Entry} entry
 */
function prepare(key, entry) {
  let p = prepared.get(entry);
  if (p) return p;
  // As readers get it: without React, with the islands' script (lib/islands/static-page.mjs).
  const page = publicPageHtml(/** @type {string} */ (entry.value.html));
  const html = Buffer.from(page, 'utf8');
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, value] of Object.entries(entry.value.headers ?? {})) {
    if (name !== 'x-next-cache-tags' && typeof value === 'string') headers[name] = value;
  }
  Object.assign(headers, {
    vary: VARY,
    'x-nextjs-cache': 'HIT',
    'x-nextjs-prerender': '1',
    'cache-control': cacheControlHeader(effectiveCacheControl(entry.cacheControl)),
    'content-type': 'text/html; charset=utf-8',
    // Its inline scripts allowed by hash, worked out once per stored page (the server set the other security headers).
    'content-security-policy': hashedPageCsp(page),
    // Its tags for a CDN in front (Surrogate-Key, Cache-Tag): an invalidation purges exactly these (lib/cdn).
    ...cdnTagHeaders(entry.tags),
  });
  p = { key, entry, etag: nextETag(page), identity: html, headers };
  prepared.set(entry, p);
  chargeEntry(key, entry, html.length + 1024);
  return p;
}

/** The complete 200 page this process stored for `path`, fresh or not, with its key. @param {string} path */
function storedPage(path) {
  const store = memoryStore();
  const key = store.keyByPath.get(path);
  const entry = key ? store.memory.get(key) : undefined;
  if (!key || !entry || entry.value?.kind !== 'APP_PAGE' || typeof entry.value.html !== 'string' || entry.value.postponed) return null;
  return (entry.value.status ?? 200) === 200 ? { key, entry } : null;
}

/** The entry this process would serve for `path`, if it is fresh by every rule of the cache handler. @param {string} path */
function freshPage(path) {
  const stored = storedPage(path);
  if (!stored) return null;
  const { entry } = stored;
  const cacheControl = effectiveCacheControl(entry.cacheControl);
  // Past its revalidate time Next serves it once more and refreshes it in the background.
  if (cacheControl && cacheControl.revalidate !== false && Date.now() - entry.lastModified >= cacheControl.revalidate * 1000) return null;
  if (!notInvalidated(entry)) return null;
  return stored;
}

/**
 * The last page this process stored for `path`, fresh or not (stale-if-error): what a reader gets
 * instead of an outage page while the database cannot be reached. Plain (uncompressed), never
 * stored by browsers or CDNs, and marked `x-nextjs-cache: STALE`. Null when there is none.
 * @param {string} url the request URL (a plain page path, no query string)
 * @returns {{ body: Buffer, headers: Record<string, string> } | null}
 */
export function stalePage(url) {
  if (!pageCacheEnabled() || url.includes('?') || !PAGE_PATH.test(url) || NEVER.test(url)) return null;
  const stored = storedPage(url);
  if (!stored) return null;
  const p = prepare(stored.key, stored.entry);
  // Never kept downstream: no tags for a CDN.
  const headers = { ...p.headers };
  delete headers['surrogate-key'];
  delete headers['cache-tag'];
  return { body: p.identity, headers: { ...headers, 'cache-control': 'no-store', 'x-nextjs-cache': 'STALE', 'x-broadsheet-stale': 'database-unavailable' } };
}

/**
 * Answers `req` from the page cache when it can; returns false (having written nothing) when
 * Next.js should handle it.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function serveCachedPage(req, res) {
  if (!pageCacheEnabled() || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const url = req.url ?? '';
  // A search (`/search?q=…`) is served from its results page, keyed by the normalised query.
  const path = url.includes('?') ? searchResultsPathOfUrl(url) : url;
  if (!path || !PAGE_PATH.test(path) || NEVER.test(path)) return false;
  for (const h of NEXT_HEADERS) if (req.headers[h] !== undefined) return false;
  if (req.headers.cookie?.includes('__prerender_bypass')) return false;
  const fresh = freshPage(path);
  if (!fresh) return false;

  const p = prepare(fresh.key, fresh.entry);
  chargeEntry(fresh.key, fresh.entry, 0); // most recently used
  const etag = p.etag;
  res.setHeader('etag', etag);
  for (const [name, value] of Object.entries(p.headers)) res.setHeader(name, value);
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  let body = p.identity;
  if (body.length >= COMPRESS_MIN_BYTES) {
    const ae = /** @type {string | undefined} */ (req.headers['accept-encoding']);
    if (accepts(ae, 'br')) {
      body = p.br ??= encoded(p, zlib.brotliCompressSync(p.identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: p.identity.length } }));
      res.setHeader('content-encoding', 'br');
    } else if (accepts(ae, 'gzip')) {
      body = p.gzip ??= encoded(p, zlib.gzipSync(p.identity, { level: 6 }));
      res.setHeader('content-encoding', 'gzip');
    }
  }
  res.statusCode = 200;
  res.setHeader('content-length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
