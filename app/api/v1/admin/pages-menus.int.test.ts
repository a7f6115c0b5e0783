// The admin API's pages and menus as a client meets them: the page editor's and menu editor's
// own rules (editors and admins only, reserved slugs, link checks), scopes, versions (412/428),
// idempotent creates, and what readers then see.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as menuGet, PUT as menuPut } from '@/app/api/v1/admin/menus/[location]/route';
import { POST as pageStep } from '@/app/api/v1/admin/pages/[id]/[transition]/route';
import { DELETE as pageDelete, GET as pageGet, PATCH as pagePatch } from '@/app/api/v1/admin/pages/[id]/route';
import { GET as pageList, POST as pageCreate } from '@/app/api/v1/admin/pages/route';
import { ADMIN_COMPONENTS } from '@/lib/api/admin-schemas';
import { db } from '@/lib/db';
import { getPublicMenu } from '@/lib/menus';
import { getPublishedPageBySlug } from '@/lib/pages/queries';
import { adminKey, call, paragraphs, type AdminKey } from '@/test/admin-api';
import { createSection, unique } from '@/test/fixtures';

let editor: AdminKey;
let admin: AdminKey;

beforeAll(async () => {
  [editor, admin] = await Promise.all([adminKey('EDITOR', ['pages:write']), adminKey('ADMIN')]);
});

const ifMatch = (version: number | null): Record<string, string> => (version === null ? {} : { 'If-Match': `"${version}"` });
const create = (k: AdminKey, body: object, headers: Record<string, string> = {}) => call(pageCreate, 'POST', '/api/v1/admin/pages', { key: k.key, body, headers });
const get = (k: AdminKey, id: string) => call(pageGet, 'GET', `/api/v1/admin/pages/${id}`, { key: k.key, params: { id } });
const patch = (k: AdminKey, id: string, version: number | null, body: object) => call(pagePatch, 'PATCH', `/api/v1/admin/pages/${id}`, { key: k.key, params: { id }, body, headers: ifMatch(version) });
const remove = (k: AdminKey, id: string, version: number | null) => call(pageDelete, 'DELETE', `/api/v1/admin/pages/${id}`, { key: k.key, params: { id }, headers: ifMatch(version) });
const step = (k: AdminKey, id: string, transition: string, version: number | null, body?: object) =>
  call(pageStep, 'POST', `/api/v1/admin/pages/${id}/${transition}`, { key: k.key, params: { id, transition }, body, headers: ifMatch(version) });

describe('pages', () => {
  it('creates a draft (201, ETag), publishes it to its slug, lists it, and records the key', async () => {
    const title = `About the paper ${unique()}`;
    const res = await create(editor, { title, standfirst: 'Who we are.', body: paragraphs('We report on the coast.') });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(ADMIN_COMPONENTS.AdminPageResponse.safeParse(res.json).error).toBeUndefined();
    const page = res.json.data;
    expect(page).toMatchObject({ status: 'draft', version: 1, url: null, title, slug: expect.stringMatching(/^about-the-paper-/) });
    expect(await getPublishedPageBySlug(page.slug)).toBeNull();

    const live = await step(editor, page.id, 'publish', 1);
    expect(live.status).toBe(200);
    expect(live.json.data).toMatchObject({ status: 'published', version: 2, url: `/${page.slug}` });
    expect(live.headers.get('etag')).toBe('"2"');
    expect((await getPublishedPageBySlug(page.slug))?.bodyHtml).toContain('We report on the coast.');

    const listed = await call(pageList, 'GET', '/api/v1/admin/pages', { key: editor.key });
    expect(ADMIN_COMPONENTS.AdminPageListResponse.safeParse(listed.json).error).toBeUndefined();
    expect(listed.json.data.find((p: { id: string }) => p.id === page.id)).toMatchObject({ status: 'published', version: 2 });

    const audit = await db.auditLog.findFirst({ where: { entityId: page.id, action: 'page.published' }, select: { actorId: true, data: true } });
    expect(audit).toMatchObject({ actorId: editor.user.id, data: { apiKey: { id: editor.id } } });
    expect(await db.pageRevision.count({ where: { pageId: page.id } })).toBe(2);

    // A change to a live page keeps it live; unpublishing takes it off the site.
    const changed = await patch(editor, page.id, 2, { html: '<p>We report on the whole coast.</p><script>x()</script>', seoTitle: 'About' });
    expect(changed.json.data).toMatchObject({ status: 'published', version: 3, seoTitle: 'About', title });
    expect((await getPublishedPageBySlug(page.slug))?.bodyHtml).toContain('whole coast');
    expect(JSON.stringify(changed.json.data.body)).not.toContain('script');
    expect((await step(editor, page.id, 'unpublish', 3)).json.data).toMatchObject({ status: 'draft', url: null });
    expect(await getPublishedPageBySlug(page.slug)).toBeNull();
  });

  it('applies the page editor’s rules: reserved and taken slugs, field paths, no empty publish, future schedules', async () => {
    const reserved = await create(editor, { title: 'Admin', slug: 'admin' });
    expect(reserved.status).toBe(422);
    expect(reserved.json.error.details).toHaveProperty('slug');
    const unknown = await create(editor, { title: 'x', colour: 'red', body: { type: 'doc', content: [{ type: 'marquee' }] } });
    expect(unknown.status).toBe(422);
    expect(Object.keys(unknown.json.error.details).sort()).toEqual(['body.content.0.type', 'colour']);
    const slug = `contact-${unique()}`;
    expect((await create(editor, { title: 'Contact', slug })).status).toBe(201);
    const taken = await create(editor, { title: 'Contact again', slug });
    expect(taken.status).toBe(409);
    expect(await db.page.count({ where: { slug } })).toBe(1);

    const empty = (await create(editor, { title: `Empty ${unique()}` })).json.data;
    expect((await step(editor, empty.id, 'publish', 1)).status).toBe(422);
    expect((await step(editor, empty.id, 'schedule', 1, { at: '2020-01-01T00:00:00Z' })).status).toBe(422);
    await patch(editor, empty.id, 1, { body: paragraphs('Soon.') });
    const at = new Date(Date.now() + 86_400_000).toISOString();
    expect((await step(editor, empty.id, 'schedule', 2, { at })).json.data).toMatchObject({ status: 'scheduled', scheduledAt: at, version: 3 });
  });

  it('requires If-Match on every change (428), refuses a stale one (412 with the ETag) and changes nothing', async () => {
    const page = (await create(editor, { title: `Terms ${unique()}`, body: paragraphs('Terms.') })).json.data;
    expect((await patch(editor, page.id, null, { title: 'New' })).status).toBe(428);
    expect((await step(editor, page.id, 'publish', null)).status).toBe(428);
    expect((await remove(editor, page.id, null)).status).toBe(428);
    expect((await patch(editor, page.id, 1, { standfirst: 'Read these.' })).json.data.version).toBe(2);
    const stale = await patch(editor, page.id, 1, { title: 'Lost update' });
    expect(stale.status).toBe(412);
    expect(stale.json.error).toMatchObject({ code: 'precondition_failed', details: { currentVersion: ['2'] } });
    expect(stale.headers.get('etag')).toBe('"2"');
    expect((await step(editor, page.id, 'publish', 1)).status).toBe(412);
    expect((await remove(editor, page.id, 1)).status).toBe(412);
    expect(await db.page.findUnique({ where: { id: page.id }, select: { title: true, status: true } })).toEqual({ title: page.title, status: 'DRAFT' });
    expect((await remove(editor, page.id, 2)).json.data).toEqual({ id: page.id, deleted: true });
    expect(await db.page.count({ where: { id: page.id } })).toBe(0);
    expect((await get(editor, page.id)).status).toBe(404);
  });

  it('replays a create retried with the same Idempotency-Key', async () => {
    const headers = { 'Idempotency-Key': `page-${unique()}` };
    const body = { title: `Jobs ${unique()}` };
    const first = await create(editor, body, headers);
    const again = await create(editor, body, headers);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await db.page.count({ where: { title: body.title } })).toBe(1);
  });

  it('needs the pages:write scope, and an editor or admin behind the key', async () => {
    const articlesOnly = await adminKey('ADMIN', ['articles:write', 'articles:publish', 'taxonomy:write']);
    const noScope = await create(articlesOnly, { title: 'x' });
    expect(noScope.status).toBe(403);
    expect(noScope.json.error.message).toContain('pages:write');
    expect((await call(pageList, 'GET', '/api/v1/admin/pages', { key: articlesOnly.key })).status).toBe(403);
    expect((await call(menuGet, 'GET', '/api/v1/admin/menus/header', { key: articlesOnly.key, params: { location: 'header' } })).status).toBe(403);
    for (const role of ['AUTHOR', 'CONTRIBUTOR'] as const) {
      const writer = await adminKey(role, ['pages:write']);
      const refused = await create(writer, { title: `By a ${role} ${unique()}` });
      expect(refused.status).toBe(403);
      expect(refused.json.error.message).toMatch(/editors and admins/);
      expect((await call(pageList, 'GET', '/api/v1/admin/pages', { key: writer.key })).status).toBe(403);
    }
    const byAdmin = await create(admin, { title: `By an admin ${unique()}` });
    expect(byAdmin.status).toBe(201);
  });
});

describe('menus', () => {
  const read = (k: AdminKey, location: string) => call(menuGet, 'GET', `/api/v1/admin/menus/${location}`, { key: k.key, params: { location } });
  const put = (k: AdminKey, location: string, version: number | null, items: unknown) =>
    call(menuPut, 'PUT', `/api/v1/admin/menus/${location}`, { key: k.key, params: { location }, body: { items }, headers: ifMatch(version) });

  it('replaces a whole menu from its version, and readers see it', async () => {
    const section = await createSection();
    const page = (await create(editor, { title: `Subscribe ${unique()}`, body: paragraphs('Plans.') })).json.data;
    await step(editor, page.id, 'publish', 1);
    const before = await read(editor, 'header');
    expect(before.status).toBe(200);
    expect(ADMIN_COMPONENTS.AdminMenuResponse.safeParse(before.json).error).toBeUndefined();
    const version = before.json.data.version as number;
    expect(before.headers.get('etag')).toBe(`"${version}"`);

    const items = [
      { kind: 'section', targetId: section.id, children: [{ kind: 'page', targetId: page.id, label: 'Subscribe' }] },
      { kind: 'url', label: 'Tips', url: 'https://tips.example.com/' },
    ];
    expect((await put(editor, 'header', null, items)).status).toBe(428);
    const saved = await put(editor, 'header', version, items);
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe(`"${version + 1}"`);
    expect(saved.json.data).toEqual({
      location: 'header',
      version: version + 1,
      items: [
        { label: '', kind: 'section', targetId: section.id, url: null, children: [{ label: 'Subscribe', kind: 'page', targetId: page.id, url: null }] },
        { label: 'Tips', kind: 'url', targetId: null, url: 'https://tips.example.com/', children: [] },
      ],
    });
    const menu = await getPublicMenu('header');
    expect(menu?.map((l) => l.href)).toEqual([`/sections/${section.slug}`, 'https://tips.example.com/']);
    expect(menu?.[0]?.children).toEqual([{ label: 'Subscribe', href: `/${page.slug}` }]);

    const stale = await put(editor, 'header', version, []);
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe(`"${version + 1}"`);
    expect((await read(editor, 'header')).json.data.items).toHaveLength(2);
  });

  it('refuses links the menu editor refuses (422), other places (400) and writers (403)', async () => {
    const { version } = (await read(editor, 'footer')).json.data as { version: number };
    const script = await put(editor, 'footer', version, [{ kind: 'url', label: 'x', url: 'javascript:alert(1)' }]);
    expect(script.status).toBe(422);
    expect(Object.keys(script.json.error.details)[0]).toMatch(/^items\.0\.url/);
    const nested = await put(editor, 'footer', version, [{ kind: 'url', label: 'a', url: '/a', children: [{ kind: 'url', label: 'b', url: '/b', children: [] }] }]);
    expect(nested.status).toBe(422);
    const missing = await put(editor, 'footer', version, [{ kind: 'page', targetId: 'no-such-page' }]);
    expect(missing.status).toBe(422);
    expect((await call(menuGet, 'GET', '/api/v1/admin/menus/sidebar', { key: editor.key, params: { location: 'sidebar' } })).status).toBe(400);
    const author = await adminKey('AUTHOR', ['pages:write']);
    expect((await put(author, 'footer', version, [])).status).toBe(403);
    expect((await read(editor, 'footer')).json.data.version).toBe(version);
  });
});
