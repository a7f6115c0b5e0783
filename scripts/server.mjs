// @ts-check
// Broadsheet's production HTTP server: Next.js (the same as `next start`) behind the page
// cache's fast path (lib/cache/fast-path.mjs), which answers readers' requests for fresh cached
// pages straight from memory. Everything else is Next's.
//
//   node scripts/server.mjs [-p PORT] [-H HOSTNAME]     (PORT / HOSTNAME from the environment otherwise)
//
// `npm start` runs this after migrating and building; the e2e server, the benches and the
// two-instance test run it too.
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
const { serveCachedPage } = await import('../lib/cache/fast-path.mjs');
const { applySecurityHeaders, securePageResponse } = await import('../lib/security/headers.mjs');
const { answerMalformedUrl } = await import('../lib/security/malformed-url.mjs');

const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  // Every response is hardened here, whoever answers it (lib/security/headers.mjs).
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  applySecurityHeaders(res, path);
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
  securePageResponse(res);
  handle(req, res).catch((e) => {
    console.error(e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on('upgrade', (req, socket, head) => {
  const upgrade = /** @type {any} */ (app).getUpgradeHandler?.();
  if (upgrade) upgrade(req, socket, head);
  else socket.destroy();
});
// As `next start`: idle keep-alive connections close after a while, slow clients do not hold sockets.
server.keepAliveTimeout = 5_000;
server.listen(port, hostname, () => {
  console.log(`Broadsheet ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
});

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    server.close();
    app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
