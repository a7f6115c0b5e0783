import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The page cache's shared invalidations over a real Redis, as another instance sends them.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `broadsheet-test:shared:${process.pid}:${Date.now()}:`;
let other: Redis;
let shared: typeof import('./shared.mjs');
let Handler: typeof import('./page-cache-handler.mjs').default;

beforeAll(async () => {
  process.env.REDIS_URL = REDIS_URL;
  process.env.PAGE_CACHE_REDIS_PREFIX = PREFIX;
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('broadsheet.page-cache')];
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('broadsheet.redis')];
  shared = await import('./shared.mjs');
  Handler = (await import('./page-cache-handler.mjs')).default;
  await shared.startSharing();
  other = new Redis(REDIS_URL);
});
afterAll(async () => {
  const keys = await other.keys(`${PREFIX}*`);
  if (keys.length) await other.del(...keys);
  other.disconnect();
  await (await import('../redis.mjs')).closeRedis();
});

const page = (html: string, tags: string[]) => ({ kind: 'APP_PAGE', html, rscData: Buffer.from(''), headers: { 'x-next-cache-tags': tags.join(',') }, status: 200 });
const ctx = { kind: 'APP_PAGE' as const, isFallback: false };

describe('invalidations from another instance', () => {
  it('make a page stored before the news arrived stale, even if the change was dated earlier', async () => {
    // Another instance changes a story at `at`; this instance finishes a render it began before
    // the change (old content), stores it, and only then hears of the change.
    const at = Date.now();
    await new Promise((r) => setTimeout(r, 20));
    const cache = new Handler();
    const key = `/route-cache/APP_PAGE/shared/${Date.now()}`;
    await cache.set(key, page('<h1>before the correction</h1>', ['a:shared-race']), { cacheControl: { revalidate: 60 } });
    expect((await cache.get(key, ctx))?.value.html).toBe('<h1>before the correction</h1>');

    await other.publish(`${PREFIX}invalidate`, JSON.stringify({ tags: ['a:shared-race'], at }));
    await expect.poll(() => shared.lastInvalidated(['a:shared-race']), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await cache.get(key, ctx)).toBeNull();
  });

  it('leave pages of other tags alone', async () => {
    const cache = new Handler();
    const key = `/route-cache/APP_PAGE/shared/other-${Date.now()}`;
    await cache.set(key, page('<h1>unrelated</h1>', ['a:shared-unrelated']), { cacheControl: { revalidate: 60 } });
    await other.publish(`${PREFIX}invalidate`, JSON.stringify({ tags: ['a:shared-elsewhere'], at: Date.now() }));
    await expect.poll(() => shared.lastInvalidated(['a:shared-elsewhere']), { timeout: 5000 }).toBeGreaterThan(0);
    expect((await cache.get(key, ctx))?.value.html).toBe('<h1>unrelated</h1>');
  });

  it('reach this instance’s listeners (the CDN purge) only when the change was made here', async () => {
    const heard: string[][] = [];
    const off = shared.onLocalInvalidation((tags) => heard.push(tags));
    await other.publish(`${PREFIX}invalidate`, JSON.stringify({ tags: ['a:shared-remote'], at: Date.now() }));
    await expect.poll(() => shared.lastInvalidated(['a:shared-remote']), { timeout: 5000 }).toBeGreaterThan(0);
    await shared.invalidateTags(['a:shared-local', 'latest', 'a:shared-local']);
    off();
    expect(heard).toEqual([['a:shared-local', 'latest']]);
  });
});
