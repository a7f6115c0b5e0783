import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applySecurityHeaders, inlineScriptHashes, nonceCsp, pageCsp, RESOURCE_CSP, securePageResponse, WORKER_SCRIPT_CSP } from './headers.mjs';

// Next's own compression middleware, as its router server applies it inside the request handler.
const compression = (await import('next/dist/compiled/compression/index.js' as string)).default as () => (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

const sha = (s: string) => `'sha256-${crypto.createHash('sha256').update(s).digest('base64')}'`;
const FLIGHT = 'self.__next_f.push([1,"a \\u003c/script\\u003e payload"])';
const BOOT = '(self.__next_f=self.__next_f||[]).push([0])';
const page = `<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async></script><script>${BOOT}</script></head><body><h1>Story</h1>${'<p>Words of the story.</p>'.repeat(100)}<script type="application/ld+json">{"@type":"NewsArticle"}</script><script>${FLIGHT}</script><script id="x" nonce="">${FLIGHT}</script></body></html>`;

/** What the stand-in for Next answers, per path. */
type Answer = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const answers: Record<string, Answer> = {
  '/page': (_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page);
  },
  '/streamed': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const half = page.length >> 1;
    res.write(page.slice(0, half));
    setTimeout(() => res.end(page.slice(half)), 5);
  },
  // A body compressed before it reaches the server's wrapper (Brotli, which Next's middleware does not do).
  '/br': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' });
    res.end(zlib.brotliCompressSync(page));
  },
  '/nonce': (_req, res) => {
    res.setHeader('content-security-policy', nonceCsp('abc123'));
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<script nonce="abc123">1</script>');
  },
  '/json': (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  },
  '/chunk.js': (_req, res) => {
    res.setHeader('content-type', 'application/javascript; charset=UTF-8');
    res.end('importScripts("/other.js")');
  },
  '/not-modified': (_req, res) => {
    res.statusCode = 304;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end();
  },
  // As Next sends a 304 for a page: no Content-Type at all.
  '/not-modified-bare': (_req, res) => {
    res.statusCode = 304;
    res.setHeader('etag', '"abc"');
    res.end();
  },
};

let server: http.Server;
let base = '';
beforeAll(async () => {
  const compress = compression();
  server = http.createServer((req, res) => {
    applySecurityHeaders(res, new URL(req.url ?? '/', 'http://x').pathname);
    securePageResponse(res);
    compress(req, res, () => {});
    answers[new URL(req.url ?? '/', 'http://x').pathname]!(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A raw GET (fetch would decompress and hide what went over the wire). */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(base + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const scriptSrc = (csp: string | string[] | undefined) =>
  String(csp ?? '')
    .split('; ')
    .find((d) => d.startsWith('script-src'));

describe('security headers', () => {
  const saved = { SITE_URL: process.env.SITE_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
  afterEach(() => Object.assign(process.env, saved));

  it('hashes every inline script a page runs, skipping external scripts and JSON data blocks', () => {
    expect(inlineScriptHashes(page)).toEqual([sha(BOOT), sha(FLIGHT)]);
    expect(inlineScriptHashes('<script>a\r\nb</script>')).toEqual([sha('a\nb')]);
  });

  it('writes a policy without unsafe-inline or eval for scripts, framing only the video players', () => {
    const csp = pageCsp([sha(BOOT)]);
    expect(scriptSrc(csp)).toBe(`script-src 'self' ${sha(BOOT)}`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", 'frame-src https://www.youtube-nocookie.com https://player.vimeo.com'])
      expect(csp).toContain(d);
    expect(scriptSrc(nonceCsp('n0nce'))).toContain("'nonce-n0nce'");
  });

  it('sends HSTS and upgrades requests only when the site is https', async () => {
    process.env.SITE_URL = 'http://127.0.0.1:3000';
    expect((await get('/json')).headers['strict-transport-security']).toBeUndefined();
    expect(pageCsp([])).not.toContain('upgrade-insecure-requests');
    process.env.SITE_URL = 'https://news.example.com';
    expect((await get('/json')).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(pageCsp([])).toContain('upgrade-insecure-requests');
  });

  it('gives a page Next sends the hashes of its own inline scripts, compressed or not, whole or streamed', async () => {
    for (const [path, encoding] of [
      ['/page', 'identity'],
      ['/page', 'gzip'],
      ['/streamed', 'gzip'],
      ['/streamed', 'identity'],
      ['/br', 'br'],
    ] as const) {
      const res = await get(path, { 'accept-encoding': encoding });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding'] ?? 'identity').toBe(encoding);
      const body = encoding === 'gzip' ? zlib.gunzipSync(res.body) : encoding === 'br' ? zlib.brotliDecompressSync(res.body) : res.body;
      expect(body.toString()).toBe(page);
      expect(scriptSrc(res.headers['content-security-policy'])).toBe(`script-src 'self' ${sha(BOOT)} ${sha(FLIGHT)}`);
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('keeps a policy already set (the nonce of a dynamic page) and locks down everything else', async () => {
    expect(scriptSrc((await get('/nonce')).headers['content-security-policy'])).toContain("'nonce-abc123'");
    const json = await get('/json');
    expect(json.headers['content-security-policy']).toBe(RESOURCE_CSP);
    expect(json.headers['x-content-type-options']).toBe('nosniff');
    expect(json.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(json.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(json.headers['permissions-policy']).toContain('camera=()');
  });

  it('lets a script run as a worker load more of our own scripts, and nothing else', async () => {
    const chunk = await get('/chunk.js');
    expect(chunk.headers['content-security-policy']).toBe(WORKER_SCRIPT_CSP);
    expect(WORKER_SCRIPT_CSP).toBe("default-src 'none'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });

  it('sends no policy with a 304, so the browser keeps the one stored with the page', async () => {
    for (const path of ['/not-modified', '/not-modified-bare']) {
      const res = await get(path);
      expect(res.status).toBe(304);
      expect(res.headers['content-security-policy'], path).toBeUndefined();
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });
});
