// @ts-check
// Security headers for every response, set where requests enter (scripts/server.mjs) so a new
// route is safe without remembering to be. Plain JavaScript: the server loads it before Next.js.
//
// Content-Security-Policy, two ways, because public pages are cached:
// - Cached public pages (and anything else Next renders without a nonce) allow their inline
//   scripts by SHA-256 hash. The fast path computes a cached page's hashes once per stored page
//   (lib/cache/fast-path.mjs, like its compress-once); a page Next answers itself (a miss, a
//   stale hit, a 404) is held back until complete and hashed on its way out (securePageResponse).
// - Dynamic pages (the dashboard, sign-in, search, previews) get a per-request nonce from
//   proxy.ts, which Next.js puts on its own scripts. A nonce on a cached page would be the
//   first reader's for everyone, so cached pages never get one.
// Neither allows 'unsafe-inline' or 'unsafe-eval' for scripts.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { EMBED_IFRAME_HOSTS } from '../articles/embed-hosts.mjs';
import { LAYOUT_INLINE_SCRIPTS } from './inline-scripts.mjs';

/** Paths whose pages render per request and get a nonce from proxy.ts (never cached pages). */
// `/search` itself only: its results pages (/search/q/…) are cached and allowed their scripts by hash.
export const NONCE_PATHS = /^\/(?:(?:admin|login|preview)(?:\/|$)|search$)/;

/** The public origin (SITE_URL, else NEXTAUTH_URL's origin), or null. */
function siteOrigin() {
  for (const value of [process.env.SITE_URL, process.env.NEXTAUTH_URL]) {
    const v = value?.trim();
    if (v && URL.canParse(v)) return new URL(v).origin;
  }
  return null;
}

/** Whether the site is served over HTTPS (HSTS and upgrade-insecure-requests only then). */
export const siteIsHttps = () => siteOrigin()?.startsWith('https://') ?? false;

/** An http:// media origin (a local S3 stand-in) must be named; https: images are allowed anyway. */
function extraImageOrigins() {
  const s3 = process.env.MEDIA_STORAGE === 's3' ? process.env.S3_PUBLIC_URL?.trim() : undefined;
  return s3 && URL.canParse(s3) && s3.startsWith('http://') ? [new URL(s3).origin] : [];
}

/**
 * Features no page uses, refused for the page and anything it frames. Video players keep what
 * their iframes ask for (encrypted-media, picture-in-picture, fullscreen).
 */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=(), browsing-topics=()';

/** For every response that is not an HTML page (JSON, feeds, images, files): nothing may load or frame it. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * For our JavaScript files. A script's own policy is ignored when a page runs it, and applies only
 * when it runs as a web worker (GraphiQL's Monaco editor, /admin/api/graphql): the worker may then
 * load the rest of its code from our origin (importScripts) and nothing else. Pages' policies are
 * unchanged; no worker from blob: or elsewhere is allowed.
 */
export const WORKER_SCRIPT_CSP = "default-src 'none'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const JAVASCRIPT = /^(?:application|text)\/(?:x-)?javascript\b/i;

/**
 * A page's Content-Security-Policy with these script sources beside 'self'
 * (`'sha256-…'` hashes or `'nonce-…'`).
 * @param {string[]} scriptSources
 */
export function pageCsp(scriptSources) {
  const https = siteIsHttps();
  return [
    "default-src 'self'",
    `script-src 'self'${scriptSources.map((s) => ` ${s}`).join('')}`,
    // Inline style attributes (React's style prop, the editor) are not scripts; allowed.
    "style-src 'self' 'unsafe-inline'",
    // Article, hero and ad images may come from a CDN or another https host; blob: for upload previews.
    `img-src 'self' data: blob: https:${extraImageOrigins()
      .map((o) => ` ${o}`)
      .join('')}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${EMBED_IFRAME_HOSTS.map((h) => `https://${h}`).join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** The CSP of a dynamic page rendered with `nonce` (proxy.ts); the layout's own inline scripts by hash. @param {string} nonce */
export const nonceCsp = (nonce) => pageCsp([`'nonce-${nonce}'`, ...LAYOUT_INLINE_SCRIPTS.map(scriptHash)]);

/** `'sha256-…'` of a script's text as the browser hashes it (UTF-8, line breaks normalised). @param {string} source */
export function scriptHash(source) {
  return `'sha256-${crypto.createHash('sha256').update(source.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
/** Data blocks, never executed, so CSP does not govern them (JSON-LD, JSON). */
const DATA_TYPE = /\btype\s*=\s*["']?application\/(?:ld\+)?json\b/i;
const HAS_SRC = /\bsrc\s*=/i;

/** The hashes of every inline script in an HTML page, in order, without repeats. @param {string} html */
export function inlineScriptHashes(html) {
  /** @type {Set<string>} */
  const out = new Set();
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = m[1] ?? '';
    if (HAS_SRC.test(attrs) || DATA_TYPE.test(attrs)) continue;
    out.add(scriptHash(m[2] ?? ''));
  }
  return [...out];
}

/** The CSP of a page whose inline scripts are allowed by hash. @param {string} html */
export const hashedPageCsp = (html) => pageCsp(inlineScriptHashes(html));

/**
 * Headers every response carries. Content-Security-Policy is set per response: by the fast path,
 * proxy.ts (nonce) or securePageResponse.
 * @param {string} path the request path, for Cross-Origin-Resource-Policy
 * @returns {[string, string][]}
 */
export function baseSecurityHeaders(path) {
  /** @type {[string, string][]} */
  const headers = [
    ['x-frame-options', 'DENY'],
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    ['permissions-policy', PERMISSIONS_POLICY],
    ['cross-origin-opener-policy', 'same-origin'],
    // Images are embedded by the front ends that read the content API; everything else is ours alone.
    ['cross-origin-resource-policy', path.startsWith('/media/') ? 'cross-origin' : 'same-origin'],
  ];
  if (siteIsHttps()) headers.push(['strict-transport-security', 'max-age=31536000; includeSubDomains']);
  return headers;
}

/** @param {import('node:http').ServerResponse} res @param {string} path */
export function applySecurityHeaders(res, path) {
  for (const [name, value] of baseSecurityHeaders(path)) res.setHeader(name, value);
}

/** @param {Buffer} body @param {string | undefined} encoding */
function decode(body, encoding) {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'br':
      return zlib.brotliDecompressSync(body);
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    default:
      return body;
  }
}

/** @param {unknown} value */
const headerText = (value) => (Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value));

/**
 * Makes sure a response Next.js writes carries a Content-Security-Policy:
 * - one already set (proxy.ts's nonce policy, a route's own) is kept;
 * - an HTML page without one is held back until complete (Next sends cached and ISR pages whole
 *   anyway) and sent with the hashes of its inline scripts; a compressed body is decoded only to
 *   hash it and sent as it came;
 * - a JavaScript file gets WORKER_SCRIPT_CSP (it matters only if the file runs as a worker);
 * - anything else gets RESOURCE_CSP.
 * Call before Next.js sees the response.
 * @param {import('node:http').ServerResponse} res
 */
export function securePageResponse(res) {
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  /** @type {'pass' | 'hold' | null} */
  let mode = null;
  /** @type {Buffer[]} */
  const held = [];
  /** @type {string | undefined} */
  let reason;

  /** @param {unknown} headers */
  function adopt(headers) {
    if (!headers || typeof headers !== 'object') return;
    if (Array.isArray(headers)) {
      if (Array.isArray(headers[0])) for (const [k, v] of headers) res.setHeader(k, v);
      else for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    } else for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, /** @type {any} */ (v));
  }

  /** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
    if (typeof rest[0] === 'string') reason = rest.shift();
    adopt(rest[0]);
    res.statusCode = status;
    if (!mode) {
      // A 304 updates the headers the browser stored with the page: any policy here (one without
      // the page's hashes, or the resources' lock-down) would replace the right one.
      if (status === 304) res.removeHeader('content-security-policy');
      if (status === 304 || res.getHeader('content-security-policy') !== undefined) mode = 'pass';
      else if (/^text\/html\b/i.test(headerText(res.getHeader('content-type')))) mode = 'hold';
      else if (JAVASCRIPT.test(headerText(res.getHeader('content-type')))) {
        res.setHeader('content-security-policy', WORKER_SCRIPT_CSP);
        mode = 'pass';
      } else {
        res.setHeader('content-security-policy', RESOURCE_CSP);
        mode = 'pass';
      }
    }
    if (mode === 'pass') return writeHead.call(res, status, /** @type {any} */ (reason));
    return res;
  };

  /** @type {any} */ (res).write = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
    if (!mode) res.writeHead(res.statusCode);
    if (mode === 'pass') return write.call(res, chunk, encoding, cb);
    if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined];
    if (chunk != null) held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding ?? 'utf8'));
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  };

  /** @type {any} */ (res).end = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
    if (typeof chunk === 'function') [cb, chunk, encoding] = [chunk, undefined, undefined];
    else if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined];
    if (!mode) res.writeHead(res.statusCode);
    if (mode === 'pass') return end.call(res, chunk, encoding, cb);
    if (chunk != null) held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding ?? 'utf8'));
    const body = Buffer.concat(held);
    mode = 'pass';
    if (res.statusCode === 304) {
      res.removeHeader('content-security-policy');
    } else {
      let html = '';
      try {
        html = decode(body, headerText(res.getHeader('content-encoding'))).toString('utf8');
      } catch {
        // Undecodable: the policy allows no inline script.
      }
      res.setHeader('content-security-policy', hashedPageCsp(html));
      if (body.length && res.getHeader('content-length') === undefined && !res.getHeader('transfer-encoding')) res.setHeader('content-length', body.length);
    }
    writeHead.call(res, res.statusCode, /** @type {any} */ (reason));
    return end.call(res, body.length ? body : undefined, undefined, cb);
  };
}
