import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Redis going away and coming back, with a redis-server of this test's own on a spare port:
// nothing waits for it while it is away, and what happened meanwhile is shared when it returns.
const REDIS_SERVER = '/usr/bin/redis-server';
const available = fs.existsSync(REDIS_SERVER);
const PREFIX = `broadsheet-test:redis:${process.pid}:`;
let port = 0;
let server: ChildProcess | null = null;
let shared: typeof import('./cache/shared.mjs');
let mod: typeof import('./redis.mjs');
let Handler: typeof import('./cache/page-cache-handler.mjs').default;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function startRedis(): Promise<void> {
  server = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const accepts = () =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(true)).on('error', () => resolve(false));
      socket.setTimeout(500, () => resolve(false));
      setTimeout(() => socket.destroy(), 600);
    });
  await expect.poll(accepts, { timeout: 5000, interval: 50 }).toBe(true);
}

async function stopRedis(): Promise<void> {
  const s = server;
  server = null;
  if (!s || s.exitCode !== null) return;
  await new Promise((resolve) => {
    s.once('exit', resolve);
    s.kill('SIGKILL');
  });
}

beforeAll(async () => {
  if (!available) return;
  port = await freePort();
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
  process.env.PAGE_CACHE_REDIS_PREFIX = PREFIX;
  for (const name of ['broadsheet.page-cache', 'broadsheet.redis']) delete (globalThis as Record<symbol, unknown>)[Symbol.for(name)];
  mod = await import('./redis.mjs');
  shared = await import('./cache/shared.mjs');
  Handler = (await import('./cache/page-cache-handler.mjs')).default;
});

afterAll(async () => {
  if (!available) return;
  await mod.closeRedis();
  await stopRedis();
  delete process.env.REDIS_URL;
});

const page = (html: string, tags: string[]) => ({ kind: 'APP_PAGE', html, rscData: Buffer.from(''), headers: { 'x-next-cache-tags': tags.join(',') }, status: 200 });
const ctx = { kind: 'APP_PAGE' as const, isFallback: false };

describe.skipIf(!available)('while Redis is unreachable', () => {
  it('commands fail at once, the page cache answers from memory or misses at once, and invalidations are kept', async () => {
    const cache = new Handler();
    const client = mod.redis()!;
    let started = performance.now();
    await expect(client.get('anything')).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(200);

    const key = `/route-cache/APP_PAGE/redis-down/${Date.now()}`;
    await cache.set(key, page('<h1>kept in memory</h1>', ['a:down']), { cacheControl: { revalidate: 60 } });
    expect((await cache.get(key, ctx))?.value.html).toBe('<h1>kept in memory</h1>');
    started = performance.now();
    expect(await cache.get(`${key}-not-here`, ctx)).toBeNull();
    expect(performance.now() - started).toBeLessThan(200);

    started = performance.now();
    await shared.invalidateTags(['a:down']);
    expect(performance.now() - started).toBeLessThan(200);
    // This instance is fresh at once; the others will be told on reconnect.
    expect(await cache.get(key, ctx)).toBeNull();
    expect(shared.sharedState().pending.has('a:down')).toBe(true);
  });
});

describe.skipIf(!available)('when Redis comes back', () => {
  it('connects again by itself and shares the invalidations kept meanwhile with the other instances', async () => {
    await startRedis();
    const other = new Redis(port, '127.0.0.1');
    try {
      await expect.poll(() => mod.isRedisReady(), { timeout: 5000, interval: 50 }).toBe(true);
      await expect.poll(() => other.hget(`${PREFIX}tags`, 'a:down'), { timeout: 5000, interval: 50 }).not.toBeNull();
      expect(shared.sharedState().pending.size).toBe(0);
      await expect.poll(() => shared.sharedState().loaded, { timeout: 5000, interval: 50 }).toBe(true);

      // And news from another instance reaches this one again.
      await other.publish(`${PREFIX}invalidate`, JSON.stringify({ tags: ['a:after'], at: Date.now() }));
      await expect.poll(() => shared.lastInvalidated(['a:after']), { timeout: 5000 }).toBeGreaterThan(0);
    } finally {
      other.disconnect();
    }
  });

  it('a Redis that accepts connections but stalls times out instead of hanging', async () => {
    server!.kill('SIGSTOP');
    try {
      const started = performance.now();
      await expect(mod.redis()!.get('anything')).rejects.toThrow(/timed out/i);
      expect(performance.now() - started).toBeLessThan(3000);
      const cache = new Handler();
      const t = performance.now();
      expect(await cache.get(`/route-cache/APP_PAGE/stalled/${Date.now()}`, ctx)).toBeNull();
      expect(performance.now() - t).toBeLessThan(3000);
    } finally {
      server!.kill('SIGCONT');
    }
  });
});
