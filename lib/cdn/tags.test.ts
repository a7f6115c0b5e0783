import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepUntaggedOutOfCdn } from './tags.mjs';

// A real server whose handler answers as Next.js would, behind the same wrapper scripts/server.mjs installs.
let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    keepUntaggedOutOfCdn(res);
    const url = new URL(req.url!, 'http://x');
    if (url.searchParams.has('tagged')) res.setHeader('surrogate-key', 'a:1 latest');
    if (url.pathname === '/implicit') {
      // Headers set, then the body written: Node writes the head implicitly.
      res.setHeader('cache-control', 's-maxage=60, stale-while-revalidate=31535940');
      res.end('<p>page</p>');
    } else res.writeHead(200, { 'cache-control': url.pathname === '/page' ? 's-maxage=60' : 'private, no-store' }).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const cdnHeaders = async (path: string) => {
  const res = await fetch(base + path);
  return { surrogate: res.headers.get('surrogate-control'), cdn: res.headers.get('cdn-cache-control'), cacheControl: res.headers.get('cache-control') };
};

describe('responses without tags at a CDN', () => {
  it('a shared-cacheable response that names no tags is kept out of the CDN; browsers keep their Cache-Control', async () => {
    expect(await cdnHeaders('/page')).toEqual({ surrogate: 'no-store', cdn: 'no-store', cacheControl: 's-maxage=60' });
    expect(await cdnHeaders('/implicit')).toMatchObject({ surrogate: 'no-store', cdn: 'no-store' });
  });

  it('tagged responses, and ones no shared cache keeps anyway, are left alone', async () => {
    expect(await cdnHeaders('/page?tagged')).toMatchObject({ surrogate: null, cdn: null });
    expect(await cdnHeaders('/private')).toMatchObject({ surrogate: null, cdn: null });
  });
});
