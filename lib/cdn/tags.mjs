// @ts-check
// Cache tags on responses, for a CDN in front of the site: `Surrogate-Key` (Fastly, space
// separated) and `Cache-Tag` (Cloudflare, comma separated) carry the page cache's own tags
// (`a:<articleId>`, `latest`, `_N_T_/articles/slug` …, lib/cache), so the purge an invalidation
// sends (./purge.ts) removes exactly the responses the change made stale. A shared-cacheable
// response whose tags are unknown (a page Next.js renders on a miss) is kept out of the CDN, so
// that nothing sits there that a purge could not reach; the next request is a tagged hit here.
// Plain JavaScript: the server's fast path loads it before Next.js.

/** Both CDNs cap the tag header near 16 KB; a response with more tags than fit is not kept at the CDN. */
const MAX_HEADER_BYTES = 15_000;

/** Headers that keep a response out of CDN caches while browsers may still keep it. */
export const CDN_NO_STORE = { 'surrogate-control': 'no-store', 'cdn-cache-control': 'no-store' };

/**
 * The tag headers for a response carrying `tags`, or CDN_NO_STORE when they do not fit.
 * @param {Iterable<string>} tags
 * @returns {Record<string, string>}
 */
export function cdnTagHeaders(tags) {
  const unique = [...new Set(tags)].filter((t) => t && !/[\s,]/.test(t));
  if (!unique.length) return { ...CDN_NO_STORE };
  const keys = unique.join(' ');
  if (Buffer.byteLength(keys) > MAX_HEADER_BYTES) return { ...CDN_NO_STORE };
  return { 'surrogate-key': keys, 'cache-tag': unique.join(',') };
}

/**
 * For responses Next.js writes: one that shared caches may keep (`s-maxage`) but that carries no
 * tags is marked CDN_NO_STORE. Call before Next.js sees the response.
 * @param {import('node:http').ServerResponse} res
 */
export function keepUntaggedOutOfCdn(res) {
  const writeHead = res.writeHead;
  /** @type {any} */ (res).writeHead = function (/** @type {any[]} */ ...args) {
    const headers = args.find((a) => a && typeof a === 'object' && !Array.isArray(a));
    const cacheControl = String(headers?.['cache-control'] ?? headers?.['Cache-Control'] ?? res.getHeader('cache-control') ?? '');
    if (/\bs-maxage=/.test(cacheControl) && res.getHeader('surrogate-key') === undefined) {
      for (const [name, value] of Object.entries(CDN_NO_STORE)) res.setHeader(name, value);
    }
    return writeHead.apply(this, /** @type {any} */ (args));
  };
}
