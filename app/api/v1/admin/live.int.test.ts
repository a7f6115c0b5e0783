// Live coverage over the admin API: the live:write scope, the live desk's rule (editors on any
// article, authors on their own), the server's own rendering of each update, and If-Match on
// edits and deletes (missing 428, stale 412 with the current version, nothing changed).
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as intentRoute } from '@/app/api/v1/admin/articles/[id]/live/[intent]/route';
import { GET as liveRoute } from '@/app/api/v1/admin/articles/[id]/live/route';
import { DELETE as deleteRoute, PATCH as patchRoute } from '@/app/api/v1/admin/articles/[id]/live/updates/[updateId]/route';
import { POST as postRoute } from '@/app/api/v1/admin/articles/[id]/live/updates/route';
import { db } from '@/lib/db';
import { adminKey, call, paragraphs, type AdminKey } from '@/test/admin-api';
import { createArticle } from '@/test/fixtures';

let editor: AdminKey;
let author: AdminKey;
let wrongScope: AdminKey;

beforeAll(async () => {
  [editor, author, wrongScope] = await Promise.all([adminKey('EDITOR', ['live:write']), adminKey('AUTHOR', ['live:write']), adminKey('EDITOR', ['articles:write'])]);
});

describe('live coverage (live:write)', () => {
  it('opens coverage, posts sanitised updates, edits and deletes them from the version read', async () => {
    const article = await createArticle({});
    const id = article.id;
    const intent = (k: AdminKey, to: string) => call(intentRoute, 'POST', `/api/v1/admin/articles/${id}/live/${to}`, { key: k.key, params: { id, intent: to } });
    const post = (k: AdminKey, body: unknown) => call(postRoute, 'POST', `/api/v1/admin/articles/${id}/live/updates`, { key: k.key, params: { id }, body });

    expect((await post(editor, { body: paragraphs('Too early.') })).status).toBe(409);
    expect((await intent(author, 'start')).status).toBe(403);
    expect((await intent(wrongScope, 'start')).status).toBe(403);
    expect((await intent(editor, 'start')).json.data).toMatchObject({ open: true });

    const posted = await post(editor, { headline: 'Polls close', html: '<p>Counting <strong>begins</strong>.<script>alert(1)</script></p>', keyEvent: true });
    expect(posted.status).toBe(201);
    expect(posted.headers.get('etag')).toBe('"1"');
    expect(posted.json.data).toMatchObject({ headline: 'Polls close', keyEvent: true, pinned: false, version: 1 });
    expect(posted.json.data.html).toContain('<strong>begins</strong>');
    expect(posted.json.data.html).not.toContain('script');
    const updateId = posted.json.data.id as string;
    expect(await db.auditLog.findFirst({ where: { entityId: id, action: 'live.update_published' }, select: { data: true } })).toMatchObject({ data: { apiKey: { id: editor.id } } });

    const invalid = await post(editor, { headline: 'x'.repeat(201), body: paragraphs('Both'), html: '<p>both</p>', colour: 'red' });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.details).sort()).toEqual(['body', 'colour']);
    expect(Object.keys((await post(editor, { headline: 'x'.repeat(201), body: paragraphs('Long') })).json.error.details)).toEqual(['headline']);
    expect((await post(editor, { headline: 'Nothing' })).json.error.details).toHaveProperty('body');

    const patch = (k: AdminKey, body: unknown, version?: number) =>
      call(patchRoute, 'PATCH', `/api/v1/admin/articles/${id}/live/updates/${updateId}`, { key: k.key, params: { id, updateId }, body, headers: version ? { 'If-Match': `"${version}"` } : {} });
    expect((await patch(editor, { pinned: true })).status).toBe(428);
    const pinned = await patch(editor, { pinned: true }, 1);
    expect(pinned.json.data).toMatchObject({ headline: 'Polls close', pinned: true, keyEvent: true, version: 2 });
    expect(pinned.json.data.html).toContain('<strong>begins</strong>');
    const stale = await patch(editor, { headline: 'Lost' }, 1);
    expect(stale.status).toBe(412);
    expect(stale.json.error.details).toEqual({ currentVersion: ['2'] });

    const listed = await call(liveRoute, 'GET', `/api/v1/admin/articles/${id}/live`, { key: editor.key, params: { id } });
    expect(listed.json.data.updates).toEqual([expect.objectContaining({ id: updateId, headline: 'Polls close', version: 2, body: expect.objectContaining({ type: 'doc' }) })]);
    // An author who does not write this article may not run its coverage.
    expect((await call(liveRoute, 'GET', `/api/v1/admin/articles/${id}/live`, { key: author.key, params: { id } })).status).toBe(403);

    const remove = (version?: number) =>
      call(deleteRoute, 'DELETE', `/api/v1/admin/articles/${id}/live/updates/${updateId}`, { key: editor.key, params: { id, updateId }, headers: version ? { 'If-Match': `"${version}"` } : {} });
    expect((await remove()).status).toBe(428);
    expect((await remove(1)).status).toBe(412);
    expect(await db.liveUpdate.count({ where: { id: updateId } })).toBe(1);
    expect((await remove(2)).json.data).toEqual({ id: updateId, deleted: true });
    expect((await intent(editor, 'end')).json.data).toMatchObject({ open: false });
  });
});
