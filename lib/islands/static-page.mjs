// @ts-check
// Public pages reach readers without React: the server renders them whole, and the few parts a
// reader interacts with are small islands (components/islands, built by ./bundle.mjs). This
// module turns the HTML Next.js renders for a public page into that page: Next's runtime
// scripts, their preloads and the RSC flight data are taken out, and the islands' one script is
// put in. The server applies it to every public page it sends, from the page cache's fast path
// (lib/cache/fast-path.mjs) or from Next (scripts/server.mjs); the dashboard, sign-in, previews,
// router requests and server actions keep Next's full page.
import zlib from 'node:zlib';

/** Paths that keep React: staff screens, sign-in, previews, the APIs and Next's and our own files. */
const KEEPS_REACT = /^\/(?:admin|login|preview|api|_next|_islands|media)(?:\/|$)/;
/** Request headers of Next's router and actions: their answers are not pages. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'x-prerender-revalidate'];

/** The islands' script path, set once the server has built it; null leaves pages as Next made them. */
let islandScript = /** @type {string | null} */ (null);

/** Tells this module where the islands' script is served (scripts/server.mjs, after ./bundle.mjs built it). @param {string | null} path */
export function setIslandScript(path) {
  islandScript = path;
}

/** Whether pages are being served without React (the islands' script is ready). */
export const islandsReady = () => islandScript !== null;

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK = /<link\b[^>]*>/gi;
const NEXT_SRC = /\bsrc\s*=\s*["']?\/_next\//i;
/** Inline scripts of Next's runtime: the RSC flight data (`self.__next_f`) and the bundler's chunk list. */
const NEXT_INLINE = /^\s*\(?(?:self\.__next_[a-z]|globalThis\["TURBOPACK"\])/;
/** Next's error shell (an unexpected failure, some 404s), which its scripts render in the browser: it keeps them. */
const ERROR_SHELL = /<html[^>]*\bid="__next_error__"/;

/**
 * A page rendered by Next as the reader gets it: no Next or React script, no preload of one, no
 * flight data; the islands' script (deferred) at the end of <head>. Anything else, inline scripts
 * included (the theme script, JSON-LD, React's own Suspense reveal calls), is left as it was.
 * @param {string} html @param {string} scriptPath
 */
export function withoutReact(html, scriptPath) {
  if (ERROR_SHELL.test(html)) return html;
  let out = html.replace(SCRIPT, (tag, attrs, body) => (NEXT_SRC.test(attrs) || NEXT_INLINE.test(body) ? '' : tag));
  out = out.replace(LINK, (tag) => (/\bas\s*=\s*["']?script\b/i.test(tag) || /\brel\s*=\s*["']?modulepreload\b/i.test(tag) ? '' : tag));
  const script = `<script src="${scriptPath}" defer></script>`;
  const head = out.indexOf('</head>');
  return head >= 0 ? `${out.slice(0, head)}${script}${out.slice(head)}` : out;
}

/** A public page's HTML as readers get it, once the islands' script is ready (else unchanged). @param {string} html */
export const publicPageHtml = (html) => (islandScript ? withoutReact(html, islandScript) : html);

/**
 * Whether the answer to `req` is a reader's page that should go without React.
 * @param {import('node:http').IncomingMessage} req
 */
export function isPublicPageRequest(req) {
  if (!islandScript || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (KEEPS_REACT.test(path)) return false;
  for (const h of ROUTER_HEADERS) if (req.headers[h] !== undefined) return false;
  // Draft mode (an editor's preview) keeps the full page.
  return !req.headers.cookie?.includes('__prerender_bypass');
}

/** @param {Buffer} body @param {string} encoding */
function decode(body, encoding) {
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(body);
  if (encoding === 'deflate') return zlib.inflateSync(body);
  return body;
}

/** @param {Buffer} body @param {string} encoding */
function encode(body, encoding) {
  if (encoding === 'br') return zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gzipSync(body, { level: 6 });
  if (encoding === 'deflate') return zlib.deflateSync(body);
  return body;
}

/**
 * Makes the HTML page Next.js writes for `req` the reader's page (withoutReact). Such a page is
 * held until complete (Next sends cached and ISR pages whole anyway), decoded if Next compressed
 * it, changed, and sent encoded as it came, with its length and an ETag of what is sent.
 * Anything else passes untouched. Call before Next.js sees the response, after the wrappers that
 * should see the changed page (the security policy hashes its inline scripts).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {(payload: string) => string} etagOf
 */
export function servePublicPageWithoutReact(req, res, etagOf) {
  if (!isPublicPageRequest(req) || req.method === 'HEAD') return;
  const script = /** @type {string} */ (islandScript);
  const { writeHead, write, end } = res;
  /** @type {'pass' | 'hold' | null} */
  let mode = null;
  /** @type {Buffer[]} */
  const held = [];
  /** @type {any[]} */
  let headArgs = [];

  const decide = () => {
    if (mode) return;
    const type = String(res.getHeader('content-type') ?? '');
    mode = res.statusCode !== 304 && /^text\/html\b/i.test(type) ? 'hold' : 'pass';
  };
  /** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
    res.statusCode = status;
    const headers = rest.find((a) => a && typeof a === 'object');
    if (headers && !Array.isArray(headers)) for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, /** @type {any} */ (v));
    decide();
    if (mode === 'pass') return writeHead.call(this, status, ...rest);
    headArgs = rest.filter((a) => typeof a === 'string');
    return res;
  };
  /** @type {any} */ (res).write = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
    decide();
    if (mode === 'pass') return write.call(this, chunk, encoding, cb);
    if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined];
    if (chunk != null) held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding ?? 'utf8'));
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  };
  /** @type {any} */ (res).end = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
    if (typeof chunk === 'function') [cb, chunk, encoding] = [chunk, undefined, undefined];
    else if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined];
    decide();
    if (mode === 'pass') return end.call(this, chunk, encoding, cb);
    mode = 'pass';
    if (chunk != null) held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding ?? 'utf8'));
    let body = Buffer.concat(held);
    const coding = String(res.getHeader('content-encoding') ?? '')
      .trim()
      .toLowerCase();
    try {
      const html = withoutReact(decode(body, coding).toString('utf8'), script);
      body = encode(Buffer.from(html, 'utf8'), coding);
      if (res.getHeader('etag') !== undefined) res.setHeader('etag', etagOf(html));
    } catch (e) {
      // Undecodable: sent as Next made it (with React), which still works.
      console.error('public page without React:', e);
    }
    if (!res.getHeader('transfer-encoding')) res.setHeader('content-length', body.length);
    writeHead.call(this, res.statusCode, ...headArgs);
    return end.call(this, body.length ? body : undefined, undefined, cb);
  };
}
