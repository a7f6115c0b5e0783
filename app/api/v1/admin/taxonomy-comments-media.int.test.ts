// Sections, tags, comments and media over the admin API: each needs its scope, and the key's
// user needs the role the dashboard asks for (editors moderate and manage taxonomy; authors upload).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as commentActionRoute } from '@/app/api/v1/admin/comments/[id]/[action]/route';
import { GET as commentsRoute } from '@/app/api/v1/admin/comments/route';
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
    const renamed = await call(sectionRoute, 'PATCH', `/api/v1/admin/sections/${id}`, { key: editor.key, params: { id }, body: { name: `${name} & Climate` } });
    expect(renamed.json.data).toMatchObject({ id, name: `${name} & Climate` });
    const listed = await call(sectionsRoute, 'GET', '/api/v1/admin/sections', { key: editor.key });
    expect(ADMIN_COMPONENTS.AdminSectionListResponse.safeParse(listed.json).error).toBeUndefined();
    expect(ADMIN_COMPONENTS.AdminSectionCreatedResponse.safeParse(created.json).error).toBeUndefined();
    expect(ADMIN_COMPONENTS.AdminRenamedResponse.safeParse(renamed.json).error).toBeUndefined();
    expect(listed.json.data.find((s: { id: string }) => s.id === id)).toMatchObject({ name: `${name} & Climate`, articleCount: 0 });
    const audit = await db.auditLog.findFirst({ where: { entityId: id, action: 'section.updated' }, select: { data: true } });
    expect(audit?.data).toMatchObject({ apiKey: { id: editor.id } });

    expect((await call(createSectionRoute, 'POST', '/api/v1/admin/sections', { key: author.key, body: { name: `No ${unique()}` } })).status).toBe(403);
    expect((await call(sectionsRoute, 'GET', '/api/v1/admin/sections', { key: noScopes.key })).status).toBe(403);
  });

  it('renames and merges tags', async () => {
    const [from, into] = await Promise.all([createTag(), createTag()]);
    const article = await createArticle({ tagIds: [from.id] });
    const renamed = await call(tagRoute, 'PATCH', `/api/v1/admin/tags/${into.id}`, { key: editor.key, params: { id: into.id }, body: { name: 'Energy', description: 'Power and fuel.' } });
    expect(renamed.json.data).toEqual({ id: into.id, name: 'Energy', description: 'Power and fuel.' });
    const merged = await call(mergeRoute, 'POST', `/api/v1/admin/tags/${from.id}/merge`, { key: editor.key, params: { id: from.id }, body: { into: into.id } });
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

    const act = (k: AdminKey, action: string) => call(commentActionRoute, 'POST', `/api/v1/admin/comments/${comment.id}/${action}`, { key: k.key, params: { id: comment.id, action } });
    expect((await act(author, 'approve')).status).toBe(403);
    expect((await act(noScopes, 'approve')).status).toBe(403);
    const approved = await act(editor, 'approve');
    expect(approved.json.data).toEqual({ id: comment.id, status: 'approved' });
    expect(ADMIN_COMPONENTS.AdminModeratedResponse.safeParse(approved.json).error).toBeUndefined();
    expect((await act(editor, 'spam')).json.data.status).toBe('spam');
    expect((await act(editor, 'trash')).json.data.status).toBe('trash');
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe('TRASH');
    expect((await act(editor, 'delete')).status).toBe(400);
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
});
