import { describe, expect, it } from 'vitest';
import PageCacheHandler from './page-cache-handler.mjs';
import { invalidateTags, lastInvalidated } from './shared.mjs';

const page = (html: string, tags: string[]) => ({ kind: 'APP_PAGE', html, rscData: Buffer.from('rsc'), headers: { 'x-next-cache-tags': tags.join(',') }, status: 200 });
const ctx = { kind: 'APP_PAGE' as const, isFallback: false };
let n = 0;
const key = () => `/route-cache/APP_PAGE/test/${++n}`;

describe('public page cache handler', () => {
  it('serves a stored page until one of its tags is invalidated, then misses', async () => {
    const cache = new PageCacheHandler();
    const k = key();
    await cache.set(k, page('<h1>v1</h1>', ['a:one', 'latest']), { cacheControl: { revalidate: 60 } });
    expect((await cache.get(k, ctx))?.value.html).toBe('<h1>v1</h1>');

    await invalidateTags(['a:unrelated']);
    expect((await cache.get(k, ctx))?.value.html).toBe('<h1>v1</h1>');

    await new Promise((r) => setTimeout(r, 2));
    await invalidateTags(['a:one']);
    expect(await cache.get(k, ctx)).toBeNull();
  });

  it('checks the soft tags Next passes with a lookup, too', async () => {
    const cache = new PageCacheHandler();
    const k = key();
    await cache.set(k, { kind: 'FETCH', data: { body: 'x' }, revalidate: false }, { tags: ['t:one'] });
    await new Promise((r) => setTimeout(r, 2));
    await invalidateTags(['_N_T_/tags/one']);
    expect(await cache.get(k, { kind: 'FETCH', tags: ['t:one'], softTags: ['_N_T_/tags/one'] } as never)).toBeNull();
  });

  it('does not trust a render that finished just after its tags were invalidated', async () => {
    // The render may have read the database before the change: store it, but as already stale.
    const cache = new PageCacheHandler();
    await invalidateTags(['s:racing']);
    const k = key();
    await cache.set(k, page('<h1>maybe old</h1>', ['s:racing']), {});
    expect(lastInvalidated(['s:racing'])).toBeGreaterThan(0);
    expect(await cache.get(k, ctx)).toBeNull();
  });

  it('keeps the lifetime the page asked for when no cap is configured', async () => {
    const cache = new PageCacheHandler();
    const k = key();
    await cache.set(k, page('<p>x</p>', ['front']), { cacheControl: { revalidate: 60, expire: 31536000 } });
    expect((await cache.get(k, ctx))?.cacheControl).toEqual({ revalidate: 60, expire: 31536000 });
  });

  it('forgets a page Next deletes', async () => {
    const cache = new PageCacheHandler();
    const k = key();
    await cache.set(k, page('<p>gone</p>', []), {});
    await cache.set(k, null, {});
    expect(await cache.get(k, ctx)).toBeNull();
  });
});
