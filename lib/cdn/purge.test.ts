import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { invalidateTags } from '@/lib/cache/shared.mjs';
import { env } from '@/lib/env';
import { createPurger, purgeAdapter, startCdnPurging, stopCdnPurging, type PurgeConfig } from './purge';
import { cdnTagHeaders } from './tags.mjs';

// A stub of each CDN's purge API: a real HTTP server that records what it was sent and answers
// with the statuses a test queues (200 once the queue is empty).
type Received = { method: string; url: string; headers: http.IncomingHttpHeaders; body: unknown };
let server: http.Server;
let base = '';
let received: Received[] = [];
let statuses: number[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body: JSON.parse(data || 'null') });
      res.writeHead(statuses.shift() ?? 200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  received = [];
  statuses = [];
});

const config = (over: Partial<PurgeConfig>): PurgeConfig => ({ ...env, CDN_PURGE: 'off', ...over });
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const tags = (n: number) => Array.from({ length: n }, (_, i) => `a:story${i}`);

describe('CDN purge adapters', () => {
  it('Fastly: purge by surrogate key, 256 keys a request, with the service’s token', async () => {
    const adapter = purgeAdapter(config({ CDN_PURGE: 'fastly', FASTLY_API_URL: base, FASTLY_SERVICE_ID: 'svc 1', FASTLY_API_TOKEN: 'tok-f' }))!;
    const purger = createPurger(adapter, { log: quiet });
    purger.queue(tags(300));
    await purger.flush();
    expect(received.map((r) => [r.method, r.url, r.headers['fastly-key'], (r.body as { surrogate_keys: string[] }).surrogate_keys.length])).toEqual([
      ['POST', '/service/svc%201/purge', 'tok-f', 256],
      ['POST', '/service/svc%201/purge', 'tok-f', 44],
    ]);
  });

  it('Cloudflare: purge by tag, 30 a request, with a bearer token', async () => {
    const adapter = purgeAdapter(config({ CDN_PURGE: 'cloudflare', CLOUDFLARE_API_URL: `${base}/client/v4`, CLOUDFLARE_ZONE_ID: 'zone9', CLOUDFLARE_API_TOKEN: 'tok-c' }))!;
    const purger = createPurger(adapter, { log: quiet });
    purger.queue(tags(31));
    await purger.flush();
    expect(received).toHaveLength(2);
    expect(received[0]).toMatchObject({ url: '/client/v4/zones/zone9/purge_cache', headers: { authorization: 'Bearer tok-c' }, body: { tags: tags(30) } });
    expect(received[1]!.body).toEqual({ tags: ['a:story30'] });
  });

  it('a generic hook gets the tags as JSON; failures are retried with back-off, refusals are not', async () => {
    const adapter = purgeAdapter(config({ CDN_PURGE: 'http', CDN_PURGE_URL: `${base}/hooks/purge`, CDN_PURGE_TOKEN: 'tok-h' }))!;
    const errors: string[] = [];
    const purger = createPurger(adapter, { retryMs: 5, log: { ...quiet, error: (m: string) => void errors.push(m) } });
    statuses = [503, 429];
    purger.queue(['latest']);
    await purger.flush();
    expect(received.map((r) => r.body)).toEqual([{ tags: ['latest'] }, { tags: ['latest'] }, { tags: ['latest'] }]);
    expect(received[0]!.headers.authorization).toBe('Bearer tok-h');
    expect(errors).toEqual([]);

    received = [];
    statuses = [403];
    purger.queue(['front']);
    await purger.flush();
    expect(received).toHaveLength(1);
    expect(errors[0]).toMatch(/could not purge 1 tag\(s\) \(http: HTTP 403, 1 attempt\(s\)\).*front/);
  });

  it('invalidations made in this process are batched into one purge', async () => {
    startCdnPurging(config({ CDN_PURGE: 'http', CDN_PURGE_URL: `${base}/batched` }));
    await invalidateTags(['a:one', 'latest']);
    await invalidateTags(['a:two', 'latest']);
    await stopCdnPurging();
    expect(received.map((r) => [r.url, r.body])).toEqual([['/batched', { tags: ['a:one', 'latest', 'a:two'] }]]);
  });
});

describe('CDN tag headers', () => {
  it('name every tag for Fastly and Cloudflare, and keep a response out of the CDN when they do not fit', () => {
    expect(cdnTagHeaders(['a:x', '_N_T_/articles/x', 'a:x'])).toEqual({ 'surrogate-key': 'a:x _N_T_/articles/x', 'cache-tag': 'a:x,_N_T_/articles/x' });
    expect(cdnTagHeaders(tags(2000))).toEqual({ 'surrogate-control': 'no-store', 'cdn-cache-control': 'no-store' });
    expect(cdnTagHeaders([])).toEqual({ 'surrogate-control': 'no-store', 'cdn-cache-control': 'no-store' });
  });
});
