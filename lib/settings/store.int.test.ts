import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/users';

// The settings store on a real database, with the page cache's channel on a real Redis: what
// another instance's save sends is what drops this instance's copy (no timer).
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `broadsheet-test:settings:${process.pid}:${Date.now()}:`;

let store: typeof import('./store');
let shared: typeof import('@/lib/cache/shared.mjs');
let db: typeof import('@/lib/db').db;
let other: Redis;
let admin: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  // Before the first import of the cache's shared state, which reads them once.
  process.env.REDIS_URL = REDIS_URL;
  process.env.PAGE_CACHE_REDIS_PREFIX = PREFIX;
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('broadsheet.page-cache')];
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('broadsheet.redis')];
  shared = await import('@/lib/cache/shared.mjs');
  store = await import('./store');
  ({ db } = await import('@/lib/db'));
  const { createUser } = await import('@/test/fixtures');
  [admin, editor] = await Promise.all([createUser('ADMIN'), createUser('EDITOR')]);
  await shared.startSharing();
  other = new Redis(REDIS_URL);
});

afterAll(async () => {
  await db.setting.deleteMany({ where: { key: { in: ['site', 'comments.rules', 'api.corsOrigins'] } } });
  const keys = await other.keys(`${PREFIX}*`);
  if (keys.length) await other.del(...keys);
  other.disconnect();
  await (await import('@/lib/redis.mjs')).closeRedis();
});

/** What another instance leaves behind: the row it wrote, without this process being told. */
const writeRowQuietly = (key: string, value: object) => db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });

describe('the settings store', () => {
  it('serves a group from memory until it changes: a save here is seen at once, with defaults filled in', async () => {
    const before = await store.getSettings('comments');
    expect(before).toMatchObject({ maxLinks: 2, threadDepth: 3 });
    // A row changed behind the store's back is not read again: the copy in memory answers.
    await writeRowQuietly('comments.rules', { ...before, maxLinks: 9 });
    expect((await store.getSettings('comments')).maxLinks).toBe(2);

    await store.saveSettings('comments', { ...before, threadDepth: 5 }, admin);
    expect(await store.getSettings('comments')).toMatchObject({ maxLinks: 2, threadDepth: 5 });
  });

  it('drops its copy when another instance’s save arrives on the shared channel', async () => {
    const site = await store.getSettings('site');
    expect(await store.getSettings('cors')).toEqual([]);
    await writeRowQuietly('site', { ...site, name: 'The Evening Post' });
    await writeRowQuietly('api.corsOrigins', ['https://quiet.example.com']);
    expect((await store.getSettings('site')).name).toBe(site.name);

    // Another instance saved: it tells every instance over Redis, as lib/cache/shared.mjs does.
    await other.publish(`${PREFIX}invalidate`, JSON.stringify({ tags: ['settings:site'], at: Date.now() }));
    await expect.poll(async () => (await store.getSettings('site')).name, { timeout: 5000 }).toBe('The Evening Post');
    // Other groups keep their copy.
    expect(await store.getSettings('cors')).toEqual([]);
  });

  it('publishes its own saves on the channel for the other instances, and audits them', async () => {
    const heard: string[] = [];
    const listener = new Redis(REDIS_URL);
    await listener.subscribe(`${PREFIX}invalidate`);
    listener.on('message', (_c, message: string) => heard.push(...(JSON.parse(message) as { tags: string[] }).tags));
    try {
      await store.saveSettings('cors', ['https://app.example.com'], admin);
      await expect.poll(() => heard, { timeout: 5000 }).toContain('settings:cors');
      // The CORS list is not on any page: nothing else is refreshed.
      expect(heard).not.toContain('_N_T_/layout');
    } finally {
      listener.disconnect();
    }
    const audit = await db.auditLog.findFirst({ where: { action: 'settings.api_cors', actorId: admin.id }, select: { entityId: true, data: true } });
    expect(audit).toMatchObject({ entityId: 'api.corsOrigins', data: { before: ['https://quiet.example.com'], after: ['https://app.example.com'] } });
  });

  it('lets only admins (or the system) save, and checks the value', async () => {
    await expect(store.saveSettings('cors', ['https://x.example.com'], editor)).rejects.toMatchObject({ code: 'forbidden', message: 'Only admins change the API settings.' });
    await expect(store.saveSettings('cors', ['not an origin'], admin)).rejects.toThrow();
    expect(await store.getSettings('cors')).toEqual(['https://app.example.com']);
    await store.saveSettings('cors', [], null);
    expect(await store.getSettings('cors')).toEqual([]);
  });
});
