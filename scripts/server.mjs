// @ts-check
// Broadsheet's production HTTP server: Next.js (the same as `next start`) behind the page
// cache's fast path (lib/cache/fast-path.mjs), which answers readers' requests for fresh cached
// pages straight from memory. Everything else is Next's.
//
//   node scripts/server.mjs [-p PORT] [-H HOSTNAME]     (PORT / HOSTNAME from the environment otherwise)
//
// `npm start` runs this after migrating and building; the e2e server, the benches and the
// two-instance test run it too.
//
// Also, before Next.js and never cached:
//   GET /healthz  200 while the process runs (no dependency is asked)
//   GET /readyz   200 when the database (and Redis, when configured) answer within a second, else
//                 503 naming which did not; 503 as soon as the server begins shutting down
//   GET /live/events  the live event stream of open public pages (lib/live/stream.mjs)
//   GET /_islands/…   the script of public pages' islands (lib/islands/bundle.mjs); public pages
//                     themselves go out without Next's and React's scripts (lib/islands/static-page.mjs)
//   /collab           the WebSocket of co-editing (lib/collab/upgrade.mjs → lib/collab/server.ts)
// Requests for Next go through admission lanes (lib/admission.mjs): bounded, queued, else 503;
// the lanes narrow while the event loop runs late.
// A page that fails because the database is unreachable is answered with the last copy this
// process stored of it (stale-if-error, `x-nextjs-cache: STALE`), else 503 with Retry-After.
// SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (SHUTDOWN_TIMEOUT_MS,
// default 25 s), stop the pollers and workers, close database pools and Redis, exit 0.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// @ts-expect-error -- assigning NODE_ENV is what `next start` does too.
process.env.NODE_ENV = 'production';
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} short @param {string} long */
function arg(short, long) {
  const i = process.argv.findIndex((a) => a === short || a === long);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const port = Number(arg('-p', '--port') ?? process.env.PORT ?? 3000);
const hostname = arg('-H', '--hostname') ?? process.env.HOSTNAME ?? '0.0.0.0';

const { default: next } = await import('next');
const { nextETag, serveCachedPage, stalePage } = await import('../lib/cache/fast-path.mjs');
const { checkReadiness, requestNotes, runShutdownHooks, withRequestNotes } = await import('../lib/process-hooks.mjs');

/** Paths whose reads always go to the primary: staff screens, sign-in, previews, the admin API. */
const REPLICA_NEVER = /^\/(?:admin|login|preview|api\/auth|api\/v1\/admin|api\/media)(?:\/|$)/;
const DRAIN_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS || 25_000);
const READY_TIMEOUT_MS = 1000;
const RETRY_AFTER_SECONDS = '10';
const { applySecurityHeaders, securePageResponse } = await import('../lib/security/headers.mjs');
const { answerMalformedUrl, malformedActionsAre400 } = await import('../lib/security/malformed-url.mjs');
const { admit, followEventLoopLag } = await import('../lib/admission.mjs');
const { closeLiveStreams, serveLiveStream } = await import('../lib/live/stream.mjs');
const { keepUntaggedOutOfCdn } = await import('../lib/cdn/tags.mjs');
const { serveCollabUpgrade } = await import('../lib/collab/upgrade.mjs');
const { buildIslands, serveIslandScript } = await import('../lib/islands/bundle.mjs');
const { servePublicPageWithoutReact, setIslandScript } = await import('../lib/islands/static-page.mjs');

// Readers' pages go without React: the islands' one script instead (lib/islands). Built before
// the first request; if it cannot be, pages keep Next's scripts and work as before.
setIslandScript(await buildIslands(dir));

const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

let draining = false;
/** Next runs instrumentation.ts (readiness checks, the demo-account guard, the workers) on its first request. */
let started = false;
let inFlight = 0;
/** @type {(() => void) | null} */
let onIdle = null;

/** @param {http.ServerResponse} res @param {number} status @param {unknown} body */
function probeAnswer(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
async function answerProbe(req, res) {
  if (req.url === '/healthz' || req.url?.startsWith('/healthz?')) return probeAnswer(res, 200, { status: 'ok' });
  if (draining) return probeAnswer(res, 503, { status: 'shutting down' });
  if (!started) return probeAnswer(res, 503, { status: 'starting' });
  const { ready, checks } = await checkReadiness(READY_TIMEOUT_MS);
  const failed = Object.keys(checks).filter((k) => !checks[k]?.ok);
  probeAnswer(res, ready ? 200 : 503, ready ? { status: 'ready', checks } : { status: 'unavailable', failed, checks });
}

/** The page a reader gets instead of Next's script-only error shell while the database is unreachable. */
const OUTAGE_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>Temporarily unavailable — Broadsheet</title></head>
<body><main id="main">
<h1>We can't reach the newsroom's database right now</h1>
<p>The stories are safe; the site just cannot read them at this moment. Please try again in a minute.</p>
<p><a href="">Try again</a> · <a href="/">Go to the front page</a></p>
</main></body></html>
`;

/**
 * A page that failed because the database could not be reached (lib/db notes it on the request)
 * is a 503 with Retry-After, not a 500: the reader is told to come back, load balancers and
 * crawlers to retry later. Next writes the status with the headers, so the rewrite happens there.
 * A document request gets a complete page (Next's error page is an empty shell that needs
 * JavaScript) or, better, the last copy of the page this process stored, even one a later edit
 * made stale (200, never stored downstream); a client-side navigation keeps Next's answer, which
 * app/error.tsx renders.
 *
 * The wrappers are installed before Next sees the response, so they sit beneath Next's own
 * (compression among them): whatever Next writes for the failed page, compressed or not, arrives
 * here and is dropped, and the outage page goes out plain when Next ends the response.
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res
 */
function answerOutagesWith503(req, res) {
  const { writeHead, write, end } = res;
  const document = (req.method === 'GET' || req.method === 'HEAD') && !req.headers.rsc && !req.headers['next-action'];
  /** @type {string | Buffer | null} what goes out instead of Next's failed page */
  let replacement = null;
  /** @param {any[]} args */
  const callbackOf = (args) => args.find((a) => typeof a === 'function');
  // Headers first when the response is an outage, so that its body is never Next's (Node would
  // otherwise write them from inside the write or end it was given, then that body after them).
  const decide = () => {
    if (!res.headersSent && res.statusCode >= 500 && document && requestNotes()?.databaseUnavailable) res.writeHead(res.statusCode);
  };
  /** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
    if (status < 500 || status === 503 || !requestNotes()?.databaseUnavailable) return writeHead.call(this, status, ...rest);
    res.setHeader('Retry-After', RETRY_AFTER_SECONDS);
    res.setHeader('Cache-Control', 'no-store');
    if (!document) return writeHead.call(this, 503, ...(typeof rest[0] === 'string' ? ['Service Unavailable', ...rest.slice(1)] : rest));
    for (const name of ['content-length', 'content-encoding', 'transfer-encoding', 'etag', 'x-nextjs-cache', 'x-nextjs-prerender', 'x-nextjs-stale-time']) res.removeHeader(name);
    // The last copy of this page, even one a newer edit made stale, beats an outage page.
    const stale = stalePage(req.url ?? '');
    replacement = stale?.body ?? OUTAGE_PAGE;
    if (stale) {
      res.removeHeader('Retry-After');
      for (const [name, value] of Object.entries(stale.headers)) res.setHeader(name, value);
    } else res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(replacement));
    return stale ? writeHead.call(this, 200) : writeHead.call(this, 503, 'Service Unavailable');
  };
  /** @type {any} */ (res).write = function (/** @type {any[]} */ ...args) {
    decide();
    if (!replacement) return write.apply(this, /** @type {any} */ (args));
    const cb = callbackOf(args);
    if (cb) process.nextTick(cb);
    return true;
  };
  /** @type {any} */ (res).end = function (/** @type {any[]} */ ...args) {
    decide();
    if (!replacement) return end.apply(this, /** @type {any} */ (args));
    if (res.writableEnded) return res;
    return end.call(this, req.method === 'HEAD' ? undefined : replacement, callbackOf(args));
  };
}

const server = http.createServer((req, res) => {
  // Every response is hardened here, whoever answers it (lib/security/headers.mjs).
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  applySecurityHeaders(res, path);
  if ((req.method === 'GET' || req.method === 'HEAD') && /^\/(healthz|readyz)(\?|$)/.test(req.url ?? '')) {
    answerProbe(req, res).catch((e) => probeAnswer(res, 503, { status: 'unavailable', error: String(e) }));
    return;
  }
  // Long-lived streams are not requests in flight: shutdown ends them at once (browsers reconnect elsewhere).
  if (serveLiveStream(req, res, draining)) return;
  if (serveIslandScript(req, res)) return;
  inFlight++;
  res.once('close', () => {
    inFlight--;
    if (inFlight === 0) onIdle?.();
  });
  // While draining, requests on connections that were already open are served, then the connection closes.
  if (draining) res.setHeader('Connection', 'close');
  // Next.js takes a page's script nonce from this request header: only proxy.ts may set it.
  delete req.headers['content-security-policy'];
  delete req.headers['content-security-policy-report-only'];
  // A broken %-escape would be a 500 from Next: a clear 400 instead (a preview link: its invalid-link page).
  if (answerMalformedUrl(req, res)) return;
  try {
    if (serveCachedPage(req, res)) return;
  } catch (e) {
    // The fast path is an optimisation: on any surprise the request goes to Next.
    console.error('page cache fast path:', e);
    if (res.headersSent) return;
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    applySecurityHeaders(res, path);
  }
  // Through its lane (lib/admission.mjs): a flood of one kind of request waits or gets a quick 503.
  admit(req, res, () =>
    withRequestNotes(
      () => {
        // Beneath the page's policy (which holds HTML to hash its scripts): an outage page replaces
        // whatever failed, after the policy was worked out.
        malformedActionsAre400(req, res);
        // A page rendered here carries no cache tags: a CDN in front must not keep it (lib/cdn/tags.mjs).
        keepUntaggedOutOfCdn(res);
        answerOutagesWith503(req, res);
        securePageResponse(res);
        // Above the policy, which then hashes the inline scripts of the page as it is sent.
        servePublicPageWithoutReact(req, res, nextETag);
        handle(req, res).catch((e) => {
          console.error(e);
          if (!res.headersSent) res.statusCode = requestNotes()?.databaseUnavailable ? 503 : 500;
          res.end();
        });
      },
      // Public reads may come from a read replica (DATABASE_REPLICA_URLS; lib/db.ts); staff screens and writes never do.
      { replicaReads: (req.method === 'GET' || req.method === 'HEAD') && !REPLICA_NEVER.test(path) },
    ),
  );
});
// Next would add an upgrade listener of its own on the first request, answering every upgrade,
// /collab's too (it destroys sockets it does not route): this one listener hands Next the rest.
/** @type {any} */ (app).didWebSocketSetup = true;
server.on('upgrade', (req, socket, head) => {
  if (serveCollabUpgrade(req, socket, head, draining)) return;
  const upgrade = /** @type {any} */ (app).getUpgradeHandler?.();
  if (upgrade) upgrade(req, socket, head);
  else socket.destroy();
});
// As `next start`: idle keep-alive connections close after a while, slow clients do not hold sockets.
server.keepAliveTimeout = 5_000;
// The render and write lanes narrow while the event loop runs late (lib/admission.mjs).
followEventLoopLag();
server.listen(port, hostname, () => {
  console.log(`Broadsheet ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
  // A first request of our own makes Next start (instrumentation.ts) now, not when a reader arrives;
  // /readyz answers 503 until it has.
  const warmUp = http.get({ host: hostname === '0.0.0.0' ? '127.0.0.1' : hostname, port, path: '/_next/static/broadsheet-warm-up' }, (r) => {
    r.resume();
    r.on('end', () => (started = true));
  });
  warmUp.on('error', (e) => {
    console.error('warm-up request failed:', e.message);
    started = true;
  });
});

/** Stops gracefully: no new connections, in-flight requests finish, then workers and clients stop. @param {NodeJS.Signals} signal */
async function shutdown(signal) {
  if (draining) return;
  draining = true;
  const started = Date.now();
  console.log(`${signal}: shutting down (${inFlight} request${inFlight === 1 ? '' : 's'} in flight)`);
  server.close();
  closeLiveStreams();
  server.closeIdleConnections();
  if (inFlight > 0) {
    const drained = new Promise((resolve) => (onIdle = () => resolve(true)));
    const timedOut = new Promise((resolve) => setTimeout(() => resolve(false), DRAIN_MS).unref());
    if (!(await Promise.race([drained, timedOut]))) console.error(`shutdown: ${inFlight} request(s) still running after ${DRAIN_MS / 1000} s; closing them`);
  }
  server.closeAllConnections();
  const failed = await runShutdownHooks(5_000);
  await Promise.race([app.close(), new Promise((r) => setTimeout(r, 2_000).unref())]).catch(() => {});
  console.log(`shutdown: done in ${((Date.now() - started) / 1000).toFixed(1)} s${failed.length ? ` (${failed.join(', ')} did not stop cleanly)` : ''}`);
  process.exit(0);
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  // A repeated signal (Ctrl-C reaches both `npm start` and this process) does not cut the drain short.
  process.on(signal, () => void shutdown(signal));
}
