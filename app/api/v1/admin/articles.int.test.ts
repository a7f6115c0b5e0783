// The admin API's articles as a client meets them: scopes and roles, versions (412/428),
// idempotent retries, field paths on 422, and the dashboard's side effects naming the key.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as transitionRoute } from '@/app/api/v1/admin/articles/[id]/[transition]/route';
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from '@/app/api/v1/admin/articles/[id]/route';
import { POST as createRoute } from '@/app/api/v1/admin/articles/route';
import { createApiKey, revokeApiKey } from '@/lib/api-keys';
import { withAdminKey } from '@/lib/api/admin-handler';
import { ADMIN_COMPONENTS } from '@/lib/api/admin-schemas';
import { createRateLimiter } from '@/lib/rate-limit';
import { setUserActive } from '@/lib/users/admin';
import { db } from '@/lib/db';
import { adminKey, call, paragraphs, type AdminKey } from '@/test/admin-api';
import { createSection, createUser, unique } from '@/test/fixtures';

let editor: AdminKey;
let author: AdminKey;
let section: { id: string; slug: string };

beforeAll(async () => {
  [editor, author, section] = await Promise.all([adminKey('EDITOR'), adminKey('AUTHOR'), createSection()]);
});

const create = (k: AdminKey, body: object, headers: Record<string, string> = {}) => call(createRoute, 'POST', '/api/v1/admin/articles', { key: k.key, body, headers });
const step = (k: AdminKey, id: string, transition: string, version: number | null, body?: object) =>
  call(transitionRoute, 'POST', `/api/v1/admin/articles/${id}/${transition}`, { key: k.key, params: { id, transition }, body, headers: version === null ? {} : { 'If-Match': `"${version}"` } });

describe('creating and publishing', () => {
  it('creates a draft (201, ETag) and an editor publishes it, recorded with the key', async () => {
    const res = await create(editor, {
      title: 'Harbour ferry returns',
      standfirst: 'After two years.',
      section: section.slug,
      tags: ['Transport', 'ferry timetables'],
      body: paragraphs('The ferry is back.'),
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ slug: 'harbour-ferry-returns', version: 1, status: 'draft', url: null, section: { slug: section.slug }, tags: ['Transport', 'ferry timetables'] });
    expect(res.headers.get('etag')).toBe('"1"');
    // The documented (strict) response schema accepts it.
    expect(ADMIN_COMPONENTS.AdminArticleResponse.safeParse(res.json).error).toBeUndefined();
    const id = res.json.data.id as string;

    const hook = await db.webhook.create({ data: { url: 'https://hooks.example.test/in', secret: 'whsec_test', events: ['article.published'] }, select: { id: true } });
    const published = await step(editor, id, 'publish', 1);
    const delivery = await db.webhookDelivery.findFirst({ where: { webhookId: hook.id }, select: { event: true, payload: true } });
    await db.webhook.delete({ where: { id: hook.id } });
    expect(delivery).toMatchObject({ event: 'article.published', payload: { data: { article: { id }, apiKey: { id: editor.id, label: editor.label } } } });
    expect(published.status).toBe(200);
    expect(published.json.data).toMatchObject({ status: 'published', version: 2, url: `/articles/${res.json.data.slug}` });
    expect(published.headers.get('etag')).toBe('"2"');

    const audit = await db.auditLog.findFirst({ where: { entityId: id, action: 'article.published' }, select: { actorId: true, data: true } });
    expect(audit).toMatchObject({ actorId: editor.user.id, data: { apiKey: { id: editor.id, label: editor.label } } });
    const revisions = await db.articleRevision.findMany({ where: { articleId: id }, select: { apiKeyId: true, authorId: true } });
    expect(revisions).toEqual([
      { apiKeyId: editor.id, authorId: editor.user.id },
      { apiKeyId: editor.id, authorId: editor.user.id },
    ]);
    const got = await call(getRoute, 'GET', `/api/v1/admin/articles/${id}`, { key: editor.key, params: { id } });
    expect(got.json.data.status).toBe('published');
  });

  it('converts and sanitises html through the importer’s converter', async () => {
    const res = await create(editor, { title: `Html ${unique()}`, html: '<p>Safe <strong>bold</strong><script>alert(1)</script> <a href="javascript:alert(1)">x</a></p>' });
    expect(res.status).toBe(201);
    const text = JSON.stringify(res.json.data.body);
    expect(text).toContain('bold');
    expect(text).not.toMatch(/script|javascript/);
  });

  it('answers 422 with field paths, and changes nothing', async () => {
    const before = await db.article.count();
    const res = await create(editor, { title: '', body: { type: 'doc', content: [{ type: 'marquee' }] }, colour: 'red' });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('unprocessable');
    expect(Object.keys(res.json.error.details).sort()).toEqual(['body.content.0.type', 'colour']);
    const tooLong = await create(editor, { title: 'x'.repeat(201) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.json.error.details).toHaveProperty('title');
    const noSection = await create(editor, { title: `Nowhere ${unique()}`, section: 'no-such-section' });
    expect(noSection.json.error.details).toHaveProperty('section');
    const both = await create(editor, { title: `Both ${unique()}`, body: paragraphs('a'), html: '<p>b</p>' });
    expect(both.json.error.details).toHaveProperty('html');
    expect(await db.article.count()).toBe(before);
  });
});

describe('workflow rules as in the dashboard', () => {
  it('lets an Author key submit but not publish; an empty body cannot be published', async () => {
    const { json } = await create(author, { title: `Author story ${unique()}`, body: paragraphs('Words.') });
    const id = json.data.id as string;
    const refused = await step(author, id, 'publish', 1);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden');
    const submitted = await step(author, id, 'submit', 1);
    expect(submitted.json.data).toMatchObject({ status: 'in_review', version: 2 });
    const empty = await create(editor, { title: `Empty ${unique()}` });
    const publishEmpty = await step(editor, empty.json.data.id, 'publish', 1);
    expect(publishEmpty.status).toBe(422);
    expect(publishEmpty.json.error.details).toHaveProperty('body');
  });

  it('keeps a writer to their own articles', async () => {
    const other = await adminKey('AUTHOR');
    const { json } = await create(author, { title: `Mine ${unique()}` });
    const id = json.data.id as string;
    expect((await call(getRoute, 'GET', `/api/v1/admin/articles/${id}`, { key: other.key, params: { id } })).status).toBe(403);
    expect((await call(patchRoute, 'PATCH', `/api/v1/admin/articles/${id}`, { key: other.key, params: { id }, body: { title: 'Theirs' }, headers: { 'If-Match': '"1"' } })).status).toBe(403);
  });

  it('schedules in the future only, then archives and deletes', async () => {
    const { json } = await create(editor, { title: `Later ${unique()}`, body: paragraphs('Soon.') });
    const id = json.data.id as string;
    const past = await step(editor, id, 'schedule', 1, { at: '2020-01-01T09:00:00Z' });
    expect(past.status).toBe(422);
    expect(past.json.error.details).toHaveProperty('at');
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await step(editor, id, 'schedule', 1, { at });
    expect(scheduled.json.data).toMatchObject({ status: 'scheduled', scheduledAt: at, version: 2 });
    const del = (version: number | null) =>
      call(deleteRoute, 'DELETE', `/api/v1/admin/articles/${id}`, { key: editor.key, params: { id }, headers: version === null ? {} : { 'If-Match': `"${version}"` } });
    expect((await del(2)).status).toBe(409);
    expect((await step(editor, id, 'archive', 1)).status).toBe(412);
    expect((await step(editor, id, 'archive', 2)).json.data).toMatchObject({ status: 'archived', version: 3 });
    // Deleting names the version too: without If-Match 428, a stale one 412, and the article stays.
    expect((await del(null)).status).toBe(428);
    const stale = await del(2);
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"3"');
    expect(await db.article.count({ where: { id } })).toBe(1);
    const deleted = await del(3);
    expect(deleted.json.data).toEqual({ id, deleted: true });
    expect(await db.article.findUnique({ where: { id } })).toBeNull();
  });
});

describe('versions', () => {
  it('requires If-Match (428), refuses a stale one (412 with the current version) and changes nothing', async () => {
    const { json } = await create(editor, { title: `Versioned ${unique()}`, body: paragraphs('One.') });
    const id = json.data.id as string;
    const patch = (headers: Record<string, string>, body: object = { title: 'Changed' }) =>
      call(patchRoute, 'PATCH', `/api/v1/admin/articles/${id}`, { key: editor.key, params: { id }, body, headers });
    expect((await patch({})).status).toBe(428);
    expect((await step(editor, id, 'publish', null)).status).toBe(428);
    const ok = await patch({ 'If-Match': '"1"' }, { standfirst: 'Now with a standfirst.' });
    expect(ok.status).toBe(200);
    expect(ok.json.data).toMatchObject({ version: 2, standfirst: 'Now with a standfirst.', title: json.data.title });
    const stale = await patch({ 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.json.error).toMatchObject({ code: 'precondition_failed', details: { currentVersion: ['2'] } });
    expect(stale.headers.get('etag')).toBe('"2"');
    const staleStep = await step(editor, id, 'publish', 1);
    expect(staleStep.status).toBe(412);
    const now = await db.article.findUniqueOrThrow({ where: { id }, select: { title: true, version: true, status: true } });
    expect(now).toEqual({ title: json.data.title, version: 2, status: 'DRAFT' });
    const badPath = await patch({ 'If-Match': '"2"' }, { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text' }] }] } });
    expect(badPath.status).toBe(422);
    expect(Object.keys(badPath.json.error.details)[0]).toMatch(/^body\.content\.0/);
  });
});

describe('idempotent retries', () => {
  it('replays the first response for the same key and body, and refuses another body (422)', async () => {
    const idem = { 'Idempotency-Key': `retry-${unique()}` };
    const body = { title: `Wire copy ${unique()}` };
    const first = await create(editor, body, idem);
    const again = await create(editor, body, idem);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('etag')).toBe('"1"');
    expect(await db.article.count({ where: { title: body.title } })).toBe(1);
    const other = await create(editor, { title: 'Something else' }, idem);
    expect(other.status).toBe(422);
    // Keys belong to an API key: another key may use the same value.
    expect((await create(author, body, idem)).json.data.id).not.toBe(first.json.data.id);
  });
});

describe('keys', () => {
  it('refuses missing, content, revoked keys and keys of deactivated users (401), and keys without the scope (403)', async () => {
    const admin = await createUser('ADMIN');
    expect((await create({ ...editor, key: '' }, { title: 'x' })).status).toBe(401);
    const content = await createApiKey(`Content ${unique()}`, admin);
    expect((await create({ ...editor, key: content.key }, { title: 'x' })).status).toBe(401);

    const revoked = await adminKey('EDITOR');
    expect((await create(revoked, { title: `Before ${unique()}` })).status).toBe(201);
    await revokeApiKey(revoked.id, admin);
    expect((await create(revoked, { title: `After ${unique()}` })).status).toBe(401);

    const leaver = await adminKey('EDITOR');
    await setUserActive(leaver.user.id, false, admin);
    expect((await create(leaver, { title: `Gone ${unique()}` })).status).toBe(401);

    const readOnly = await adminKey('ADMIN', ['taxonomy:write']);
    const noWrite = await create(readOnly, { title: 'x' });
    expect(noWrite.status).toBe(403);
    expect(noWrite.json.error.message).toContain('articles:write');
    const writer = await adminKey('ADMIN', ['articles:write']);
    const { json } = await create(writer, { title: `Unpublishable ${unique()}`, body: paragraphs('x') });
    expect((await step(writer, json.data.id, 'publish', 1)).status).toBe(403);
    expect((await step(writer, json.data.id, 'submit', 1)).status).toBe(200);
    // Reading needs either article scope.
    const publisher = await adminKey('EDITOR', ['articles:publish']);
    expect((await call(getRoute, 'GET', `/api/v1/admin/articles/${json.data.id}`, { key: publisher.key, params: { id: json.data.id } })).status).toBe(200);
    expect((await create(publisher, { title: 'x' })).status).toBe(403);
  });
});

describe('rate limits', () => {
  it('count each key’s calls through the app’s limiter (429 with Retry-After)', async () => {
    const limiter = createRateLimiter(`admin-test-${unique()}`, { points: 2, seconds: 60 }, { shared: false });
    const route = withAdminKey({ scope: 'articles:write' }, async () => ({ data: { ok: true } }), { rateLimiter: () => limiter });
    const get = (k: AdminKey) => call(route, 'GET', '/api/v1/admin/anything', { key: k.key });
    expect((await get(editor)).headers.get('ratelimit-remaining')).toBe('1');
    expect((await get(editor)).status).toBe(200);
    const refused = await get(editor);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await get(author)).status).toBe(200);
  });
});
