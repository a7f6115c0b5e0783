// Sections, tags, comments and media over the admin API: each needs its scope, and the key's
// user needs the role the dashboard asks for (editors moderate and manage taxonomy; authors upload).
// Every change names the version it read (If-Match): missing 428, stale 412, and nothing changes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as commentActionRoute } from '@/app/api/v1/admin/comments/[id]/[action]/route';
import { GET as commentsRoute } from '@/app/api/v1/admin/comments/route';
import { DELETE as deleteMediaRoute, GET as getMediaRoute, PATCH as patchMediaRoute } from '@/app/api/v1/admin/media/[id]/route';
import { POST as mediaRoute } from '@/app/api/v1/admin/media/route';
import { PATCH as sectionRoute } from '@/app/api/v1/admin/sections/[id]/route';
import { GET as sectionsRoute, POST as createSectionRoute } from '@/app/api/v1/admin/sections/route';
import { POST as mergeRoute } from '@/app/api/v1/admin/tags/[id]/merge/route';
import { PATCH as tagRoute } from '@/app/api/v1/admin/tags/[id]/route';
import { GET as tagsRoute } from '@/app/api/v1/admin/tags/route';
import { ADMIN_COMPONENTS } from '@/lib/api/admin-schemas';
import { db } from '@/lib/db';
import { setStorageForTests } from '@/lib/media/driver';
import { LocalDiskDriver } from '@/lib/media/storage';
import { adminKey, call, type AdminKey } from '@/test/admin-api';
import { createArticle, createTag, unique } from '@/test/fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-admin-media-'));
let editor: AdminKey;
let author: AdminKey;
let noScopes: AdminKey;

beforeAll(async () => {
  setStorageForTests(new LocalDiskDriver(dir));
  [editor, author, noScopes] = await Promise.all([adminKey('EDITOR'), adminKey('AUTHOR'), adminKey('ADMIN', ['pages:write'])]);
});
afterAll(() => {
  setStorageForTests(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sections and tags (taxonomy:write, editors)', () => {
  it('creates, lists and renames sections; refuses authors and keys without the scope', async () => {
    const name = `Weather ${unique()}`;
    const created = await call(createSectionRoute, 'POST', '/api/v1/admin/sections', { key: editor.key, body: { name } });
    expect(created.status).toBe(201);
    const id = created.json.data.id as string;
    const duplicate = await call(createSectionRoute, 'POST', '/api/v1/admin/sections', { key: editor.key, body: { name } });
    expect(duplicate.status).toBe(409);
    const invalid = await call(createSectionRoute, 'POST', '/api/v1/admin/sections', { key: editor.key, body: { name: '', slug: 'Not A Slug' } });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.details).sort()).toEqual(['name', 'slug']);
    expect(created.headers.get('etag')).toBe('"1"');
    const rename = (body: unknown, headers: Record<string, string> = {}) => call(sectionRoute, 'PATCH', `/api/v1/admin/sections/${id}`, { key: editor.key, params: { id }, body, headers });
    expect((await rename({ name: 'No version' })).status).toBe(428);
    const renamed = await rename({ name: `${name} & Climate` }, { 'If-Match': '"1"' });
    expect(renamed.json.data).toMatchObject({ id, name: `${name} & Climate`, version: 2 });
    expect(renamed.headers.get('etag')).toBe('"2"');
    const stale = await rename({ name: 'Overwritten' }, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.json.error.details).toEqual({ currentVersion: ['2'] });
    expect(stale.headers.get('etag')).toBe('"2"');
    expect(await db.section.findUniqueOrThrow({ where: { id }, select: { name: true, version: true } })).toEqual({ name: `${name} & Climate`, version: 2 });
    const invalidRename = await rename({ name: '', version: 9 }, { 'If-Match': '"2"' });
    expect(invalidRename.status).toBe(422);
    expect(Object.keys(invalidRename.json.error.details).sort()).toEqual(['name', 'version']);
    const listed = await call(sectionsRoute, 'GET', '/api/v1/admin/sections', { key: editor.key });
    expect(ADMIN_COMPONENTS.AdminSectionListResponse.safeParse(listed.json).error).toBeUndefined();
    expect(ADMIN_COMPONENTS.AdminSectionCreatedResponse.safeParse(created.json).error).toBeUndefined();
    expect(ADMIN_COMPONENTS.AdminRenamedResponse.safeParse(renamed.json).error).toBeUndefined();
    expect(listed.json.data.find((s: { id: string }) => s.id === id)).toMatchObject({ name: `${name} & Climate`, articleCount: 0, version: 2 });
    const audit = await db.auditLog.findFirst({ where: { entityId: id, action: 'section.updated' }, select: { data: true } });
    expect(audit?.data).toMatchObject({ apiKey: { id: editor.id } });

    expect((await call(createSectionRoute, 'POST', '/api/v1/admin/sections', { key: author.key, body: { name: `No ${unique()}` } })).status).toBe(403);
    expect((await call(sectionsRoute, 'GET', '/api/v1/admin/sections', { key: noScopes.key })).status).toBe(403);
  });

  it('renames and merges tags', async () => {
    const [from, into] = await Promise.all([createTag(), createTag()]);
    const article = await createArticle({ tagIds: [from.id] });
    const rename = (headers: Record<string, string>, name = 'Energy') =>
      call(tagRoute, 'PATCH', `/api/v1/admin/tags/${into.id}`, { key: editor.key, params: { id: into.id }, body: { name, description: 'Power and fuel.' }, headers });
    expect((await rename({})).status).toBe(428);
    expect((await rename({ 'If-Match': 'soon' })).status).toBe(400);
    const renamed = await rename({ 'If-Match': '"1"' });
    expect(renamed.json.data).toEqual({ id: into.id, name: 'Energy', slug: into.slug, description: 'Power and fuel.', version: 2 });
    const staleRename = await rename({ 'If-Match': '"1"' }, 'Lost update');
    expect(staleRename.status).toBe(412);
    expect(staleRename.json.error.details.currentVersion).toEqual(['2']);
    expect((await db.tag.findUniqueOrThrow({ where: { id: into.id } })).name).toBe('Energy');

    const merge = (headers: Record<string, string>) => call(mergeRoute, 'POST', `/api/v1/admin/tags/${from.id}/merge`, { key: editor.key, params: { id: from.id }, body: { into: into.id }, headers });
    expect((await merge({})).status).toBe(428);
    // The merged tag was renamed by someone else after this client read it: nothing is merged.
    await db.tag.update({ where: { id: from.id }, data: { version: { increment: 1 } } });
    const staleMerge = await merge({ 'If-Match': '"1"' });
    expect(staleMerge.status).toBe(412);
    expect(staleMerge.json.error.details.currentVersion).toEqual(['2']);
    expect(await db.articleTag.findMany({ where: { articleId: article.id }, select: { tagId: true } })).toEqual([{ tagId: from.id }]);
    const merged = await merge({ 'If-Match': '"2"' });
    expect(merged.json.data).toMatchObject({ from: from.name, into: 'Energy', moved: 1 });
    expect(ADMIN_COMPONENTS.AdminTagMergedResponse.safeParse(merged.json).error).toBeUndefined();
    expect(ADMIN_COMPONENTS.AdminTagListResponse.safeParse((await call(tagsRoute, 'GET', '/api/v1/admin/tags', { key: editor.key })).json).error).toBeUndefined();
    expect(await db.articleTag.findMany({ where: { articleId: article.id }, select: { tagId: true } })).toEqual([{ tagId: into.id }]);
    expect((await call(tagsRoute, 'GET', '/api/v1/admin/tags', { key: author.key })).status).toBe(403);
    expect((await call(tagsRoute, 'GET', '/api/v1/admin/tags', { key: noScopes.key })).status).toBe(403);
  });
});

describe('comments (comments:moderate, editors)', () => {
  it('lists by status without commenters’ emails, and approves, spams and trashes', async () => {
    const article = await createArticle({});
    const comment = await db.comment.create({ data: { articleId: article.id, authorName: 'Reader', authorEmail: 'reader@example.test', body: `First ${unique()}` }, select: { id: true } });
    const pending = await call(commentsRoute, 'GET', '/api/v1/admin/comments?status=pending', { key: editor.key });
    expect(pending.status).toBe(200);
    const listed = pending.json.data.comments.find((c: { id: string }) => c.id === comment.id);
    expect(listed).toMatchObject({ status: 'pending', authorName: 'Reader', article: { slug: article.slug } });
    expect(JSON.stringify(pending.json)).not.toContain('reader@example.test');
    expect(ADMIN_COMPONENTS.AdminCommentListResponse.safeParse(pending.json).error).toBeUndefined();
    expect((await call(commentsRoute, 'GET', '/api/v1/admin/comments?status=nope', { key: editor.key })).status).toBe(400);

    expect(listed.version).toBe(1);
    const act = (k: AdminKey, action: string, version?: number) =>
      call(commentActionRoute, 'POST', `/api/v1/admin/comments/${comment.id}/${action}`, { key: k.key, params: { id: comment.id, action }, headers: version ? { 'If-Match': `"${version}"` } : {} });
    expect((await act(author, 'approve', 1)).status).toBe(403);
    expect((await act(noScopes, 'approve', 1)).status).toBe(403);
    expect((await act(editor, 'approve')).status).toBe(428);
    const approved = await act(editor, 'approve', 1);
    expect(approved.json.data).toEqual({ id: comment.id, status: 'approved', version: 2 });
    expect(approved.headers.get('etag')).toBe('"2"');
    expect(ADMIN_COMPONENTS.AdminModeratedResponse.safeParse(approved.json).error).toBeUndefined();
    // A second moderator acting on what they saw before the approval is told, and nothing changes.
    const stale = await act(editor, 'trash', 1);
    expect(stale.status).toBe(412);
    expect(stale.json.error.details.currentVersion).toEqual(['2']);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe('APPROVED');
    expect((await act(editor, 'spam', 2)).json.data).toMatchObject({ status: 'spam', version: 3 });
    expect((await act(editor, 'trash', 3)).json.data.status).toBe('trash');
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe('TRASH');
    expect((await act(editor, 'delete', 4)).status).toBe(400);
  });
});

describe('media (media:write, authors and up)', () => {
  const png = () =>
    sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 200 } } })
      .png()
      .toBuffer();
  const upload = async (k: AdminKey, fields: Record<string, string> = {}, file?: Blob) => {
    const form = new FormData();
    form.set('file', file ?? new Blob([new Uint8Array(await png())], { type: 'image/png' }), 'harbour.png');
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return call(mediaRoute, 'POST', '/api/v1/admin/media', { key: k.key, body: form });
  };

  it('uploads through the library’s pipeline, with its words', async () => {
    const res = await upload(author, { alt: 'The harbour at dawn', credit: 'Staff' });
    expect(res.status).toBe(201);
    // Answered at once; its sizes are made by a background job (lib/media/upload-job.int.test.ts).
    expect(res.json.data).toMatchObject({ filename: 'harbour.png', width: 40, height: 30, alt: 'The harbour at dawn', credit: 'Staff', status: 'PROCESSING', thumbnailUrl: '' });
    expect(ADMIN_COMPONENTS.AdminMediaResponse.safeParse(res.json).error).toBeUndefined();
    const notImage = await upload(author, {}, new Blob(['plain text'], { type: 'image/png' }));
    expect(notImage.status).toBe(422);
    expect(notImage.json.error.details).toHaveProperty('file');
    const longAlt = await upload(author, { alt: 'x'.repeat(301) });
    expect(longAlt.json.error.details).toHaveProperty('alt');
    expect((await upload(noScopes)).status).toBe(403);
    const json = await call(mediaRoute, 'POST', '/api/v1/admin/media', { key: author.key, body: { file: 'x' } });
    expect(json.status).toBe(415);
  });

  it('changes an image’s words from the version read, and deletes it only from the current one', async () => {
    const uploaded = await upload(author, { alt: 'Quay' });
    const id = uploaded.json.data.id as string;
    expect(uploaded.headers.get('etag')).toBe('"1"');
    const patch = (k: AdminKey, body: unknown, headers: Record<string, string> = {}) => call(patchMediaRoute, 'PATCH', `/api/v1/admin/media/${id}`, { key: k.key, params: { id }, body, headers });
    expect((await patch(author, { caption: 'No version' })).status).toBe(428);
    expect((await patch(noScopes, { caption: 'x' }, { 'If-Match': '"1"' })).status).toBe(403);
    const invalid = await patch(author, { alt: 'x'.repeat(301), focalX: 140, size: 3 }, { 'If-Match': '"1"' });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.details).sort()).toEqual(['alt', 'focalX', 'size']);
    const saved = await patch(author, { caption: 'The quay at noon', credit: 'Staff' }, { 'If-Match': '"1"' });
    expect(saved.status).toBe(200);
    expect(saved.json.data).toMatchObject({ alt: 'Quay', caption: 'The quay at noon', credit: 'Staff', version: 2 });
    expect(saved.headers.get('etag')).toBe('"2"');
    const stale = await patch(author, { alt: 'Overwritten' }, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.json.error.details).toEqual({ currentVersion: ['2'] });
    const read = await call(getMediaRoute, 'GET', `/api/v1/admin/media/${id}`, { key: author.key, params: { id } });
    expect(read.json.data.alt).toBe('Quay');
    expect(read.headers.get('etag')).toBe('"2"');
    // Another author may not change someone else's image (the library's own rule).
    const other = await adminKey('AUTHOR', ['media:write']);
    expect((await patch(other, { alt: 'Not mine' }, { 'If-Match': '"2"' })).status).toBe(403);

    const remove = (headers: Record<string, string>) => call(deleteMediaRoute, 'DELETE', `/api/v1/admin/media/${id}`, { key: author.key, params: { id }, headers });
    expect((await remove({})).status).toBe(428);
    expect((await remove({ 'If-Match': '"1"' })).status).toBe(412);
    expect(await db.media.count({ where: { id } })).toBe(1);
    const deleted = await remove({ 'If-Match': '"2"' });
    expect(deleted.json.data).toEqual({ id, deleted: true });
    expect(await db.media.count({ where: { id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: id, action: 'media.deleted' } })).toBe(1);
  });
});
