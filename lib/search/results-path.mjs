// @ts-check
// Where a search's results page is cached. `/search?q=…&page=…` is answered by the page at
// `/search/q/<query>/<page>` (proxy.ts rewrites to it; the server's fast path looks it up), an
// ISR page the page cache stores like any other. The key is the normalised query (as the page
// reads it: whitespace collapsed, trimmed, cut to 200 characters, Unicode NFC), hex-encoded so
// every query is one plain path segment. Case is kept: the page shows the query as typed.
// Plain JavaScript: scripts/server.mjs loads it before Next.js.

const QUERY_MAX = 200;
const MAX_PAGE = 10_000;
const HEX = /^(?:[0-9a-f]{2})+$/;

/** The query as the results page reads it: NFC, whitespace collapsed, trimmed, at most 200 characters. @param {string} q */
export function normaliseSearchQuery(q) {
  // A cut through a surrogate pair would leave half a character, which no URL can carry.
  return q
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, QUERY_MAX)
    .replace(/[\uD800-\uDBFF]$/, '')
    .trim();
}

/** A `page` parameter as the results page reads it: 1 to 10,000, anything else 1. @param {string | null} page */
function pageOf(page) {
  const n = Number(page ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= MAX_PAGE ? n : 1;
}

/**
 * The cached results page for `/search` with these parameters, or null (no query: the search
 * form, rendered per request).
 * @param {URLSearchParams} params
 */
export function searchResultsPath(params) {
  const q = normaliseSearchQuery(params.get('q') ?? '');
  if (!q) return null;
  return `/search/q/${Buffer.from(q, 'utf8').toString('hex')}/${pageOf(params.get('page'))}`;
}

/**
 * The query and page a results path segment pair stands for, or null when they are not the
 * canonical form of one (so every search has exactly one cached page).
 * @param {string} hex @param {string} page
 */
export function searchFromResultsPath(hex, page) {
  if (!HEX.test(hex) || !/^[1-9]\d{0,4}$/.test(page) || Number(page) > MAX_PAGE) return null;
  const q = Buffer.from(hex, 'hex').toString('utf8');
  if (!q || normaliseSearchQuery(q) !== q || Buffer.from(q, 'utf8').toString('hex') !== hex) return null;
  return { q, page: Number(page) };
}

/**
 * For the server's fast path: the results path a `/search?…` request URL is served from, or null
 * when the request is not a plain search (other parameters, no query).
 * @param {string} url
 */
export function searchResultsPathOfUrl(url) {
  if (!url.startsWith('/search?')) return null;
  const params = new URLSearchParams(url.slice('/search?'.length));
  for (const name of params.keys()) if (name !== 'q' && name !== 'page') return null;
  return searchResultsPath(params);
}
