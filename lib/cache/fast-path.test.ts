import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCachedPage } from './fast-path.mjs';
import PageCacheHandler, { memoryStore, pathOfKey } from './page-cache-handler.mjs';
import { invalidateTags } from './shared.mjs';
import { searchResultsPath } from '../search/results-path.mjs';

// A real HTTP server with the fast path in front of a stand-in for Next that says who answered.
let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (serveCachedPage(req, res)) return;
    res.setHeader('x-answered-by', 'next');
    res.end('rendered by next');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const html = (text: string) => `<!DOCTYPE html><html><body><h1>${text}</h1>${'<p>Paragraph of the story.</p>'.repeat(200)}</body></html>`;
const page = (body: string, tags: string[], extra: Record<string, unknown> = {}) => ({
  kind: 'APP_PAGE',
  html: body,
  rscData: Buffer.from('rsc'),
  headers: { 'x-next-cache-tags': tags.join(','), 'x-nextjs-stale-time': '300' },
  status: undefined,
  ...extra,
});
let n = 0;
/** Stores a page as Next would for `path` and returns its tag. */
async function store(path: string, body: string, { revalidate = 60, extra = {} }: { revalidate?: number; extra?: Record<string, unknown> } = {}) {
  const tag = `a:fast${++n}`;
  await new PageCacheHandler().set(`/route-cache/APP_PAGE/h${n}/$${path === '/' ? '/index' : path}`, page(body, [tag, `_N_T_${path}`], extra), { cacheControl: { revalidate, expire: 31_536_000 } });
  return tag;
}
const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers: { 'accept-encoding': 'identity', ...headers } });

describe('page cache fast path', () => {
  it('maps Next page keys to the paths they serve', () => {
    expect(pathOfKey('/route-cache/APP_PAGE/0487e3/$/index')).toBe('/');
    expect(pathOfKey('/route-cache/APP_PAGE/9dd209/$/articles/a-story')).toBe('/articles/a-story');
    expect(pathOfKey('82e7883918a7fcbd')).toBeNull();
  });

  it('serves a fresh cached page with the headers Next sends for a hit, and 304 for its ETag', async () => {
    await store('/sections/fast-world', html('World'));
    const res = await get('/sections/fast-world');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-answered-by')).toBeNull();
    expect(res.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('s-maxage=60, stale-while-revalidate=31535940');
    expect(res.headers.get('vary')).toContain('rsc');
    expect(res.headers.get('x-next-cache-tags')).toBeNull();
    // Its tags for a CDN in front, so a purge by tag removes exactly the stale copies.
    expect(res.headers.get('surrogate-key')?.split(' ')).toEqual([expect.stringMatching(/^a:fast\d+$/), '_N_T_/sections/fast-world']);
    expect(res.headers.get('cache-tag')).toBe(res.headers.get('surrogate-key')!.replaceAll(' ', ','));
    expect(await res.text()).toBe(html('World'));

    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-z]+"$/);
    const again = await get('/sections/fast-world', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it("sends the Content-Security-Policy allowing the stored page's inline scripts by hash, on 200 and 304 alike", async () => {
    const script = 'self.__next_f.push([1,"story"])';
    await store('/sections/fast-scripted', `<!DOCTYPE html><html><body><h1>Scripted</h1><script>${script}</script></body></html>`);
    const hash = `'sha256-${crypto.createHash('sha256').update(script).digest('base64')}'`;
    const res = await get('/sections/fast-scripted');
    expect(res.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(res.headers.get('content-security-policy')).toContain(`script-src 'self' ${hash};`);
    const again = await get('/sections/fast-scripted', { 'if-none-match': res.headers.get('etag')! });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-security-policy')).toBe(res.headers.get('content-security-policy'));
  });

  it('counts the copies it sends (plain and compressed) against the page cache budget', async () => {
    const body = html('Budget');
    await store('/sections/fast-budget', body);
    const cache = memoryStore();
    const stored = cache.bytes;
    await (await get('/sections/fast-budget')).text();
    const plain = cache.bytes - stored;
    expect(plain).toBeGreaterThanOrEqual(Buffer.byteLength(body));
    const res = await get('/sections/fast-budget', { 'accept-encoding': 'br' });
    const br = Number(res.headers.get('content-length'));
    expect(br).toBeGreaterThan(0);
    expect(cache.bytes - stored - plain).toBe(br);
    await (await get('/sections/fast-budget', { 'accept-encoding': 'br' })).text();
    expect(cache.bytes - stored - plain).toBe(br); // compressed once, counted once
  });

  it('compresses once with Brotli or gzip as the reader accepts, and answers HEAD without a body', async () => {
    await store('/tags/fast-energy', html('Energy'));
    const br = await new Promise<{ enc?: string; body: Buffer }>((resolve) =>
      http.get(`${base}/tags/fast-energy`, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ enc: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }),
    );
    expect(br.enc).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(html('Energy'));
    expect(br.body.length).toBeLessThan(html('Energy').length / 5);

    const gz = await new Promise<{ enc?: string; body: Buffer }>((resolve) =>
      http.get(`${base}/tags/fast-energy`, { headers: { 'accept-encoding': 'gzip, br;q=0' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ enc: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }),
    );
    expect(gz.enc).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(html('Energy'));

    const head = await fetch(`${base}/tags/fast-energy`, { method: 'HEAD' });
    expect(head.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(await head.text()).toBe('');
  });

  it('hands the request to Next once a tag of the page is invalidated', async () => {
    const tag = await store('/articles/fast-corrected', html('Before the correction'));
    expect((await get('/articles/fast-corrected')).headers.get('x-nextjs-cache')).toBe('HIT');
    await new Promise((r) => setTimeout(r, 2));
    await invalidateTags([tag]);
    const res = await get('/articles/fast-corrected');
    expect(res.headers.get('x-answered-by')).toBe('next');
    expect(await res.text()).toBe('rendered by next');
  });

  it('hands the request to Next once the page is past its revalidate time (Next refreshes it)', async () => {
    await store('/authors/fast-writer', html('Writer'), { revalidate: 1 });
    expect((await get('/authors/fast-writer')).headers.get('x-nextjs-cache')).toBe('HIT');
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await get('/authors/fast-writer')).headers.get('x-answered-by')).toBe('next');
  });

  it('leaves router requests, query strings, other methods, drafts, error pages and unknown paths to Next', async () => {
    await store('/sections/fast-sport', html('Sport'));
    await store('/sections/fast-missing', html('Not found'), { extra: { status: 404 } });
    const viaNext = async (path: string, init: RequestInit = {}) => (await fetch(base + path, init)).headers.get('x-answered-by');
    expect(await viaNext('/sections/fast-sport', { headers: { rsc: '1' } })).toBe('next');
    expect(await viaNext('/sections/fast-sport', { headers: { 'next-router-prefetch': '1' } })).toBe('next');
    expect(await viaNext('/sections/fast-sport?page=2')).toBe('next');
    expect(await viaNext('/sections/fast-sport', { method: 'POST', body: 'x' })).toBe('next');
    expect(await viaNext('/sections/fast-sport', { headers: { cookie: '__prerender_bypass=1' } })).toBe('next');
    expect(await viaNext('/sections/FAST-SPORT')).toBe('next');
    expect(await viaNext('/sections/fast-missing')).toBe('next');
    expect(await viaNext('/sections/never-cached')).toBe('next');
    expect(await viaNext('/sections/fast-sport')).toBeNull();
  });

  it('answers a search from its cached results page, one entry per normalised query, until a publish', async () => {
    const path = searchResultsPath(new URLSearchParams({ q: 'harbour "ferry"' }))!;
    expect(path).toMatch(/^\/search\/q\/[0-9a-f]+\/1$/);
    await new PageCacheHandler().set(`/route-cache/APP_PAGE/hs/$${path}`, page(html('Results'), ['search', `_N_T_${path}`]), { cacheControl: { revalidate: 60, expire: 31_536_000 } });
    for (const url of ['/search?q=harbour+%22ferry%22', '/search?q=%20%20harbour%20%20%22ferry%22%20&page=1', '/search?page=abc&q=harbour%09"ferry"']) {
      const res = await get(url);
      expect(res.headers.get('x-nextjs-cache'), url).toBe('HIT');
      expect(await res.text()).toBe(html('Results'));
    }
    const viaNext = async (url: string) => (await get(url)).headers.get('x-answered-by');
    // Another page, another query, or anything besides q and page: Next (proxy.ts rewrites and renders).
    expect(await viaNext('/search?q=harbour+%22ferry%22&page=2')).toBe('next');
    expect(await viaNext('/search?q=Harbour+%22ferry%22')).toBe('next');
    expect(await viaNext('/search?q=harbour+%22ferry%22&utm_source=x')).toBe('next');
    expect(await viaNext('/search?q=%20')).toBe('next');
    await new Promise((r) => setTimeout(r, 2));
    await invalidateTags(['search']);
    expect(await viaNext('/search?q=harbour+%22ferry%22')).toBe('next');
  });
});
