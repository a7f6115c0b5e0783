// Breaking-news alerts and corrections over the admin API: their scopes, the editors-only rule of
// the dashboard, the dashboard forms' own messages as 422 with field paths, and audit naming the key.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as endAlertRoute } from '@/app/api/v1/admin/alerts/[id]/end/route';
import { GET as alertsRoute, POST as publishAlertRoute } from '@/app/api/v1/admin/alerts/route';
import { POST as withdrawRoute } from '@/app/api/v1/admin/articles/[id]/corrections/[correctionId]/withdraw/route';
import { GET as correctionsRoute, POST as addCorrectionRoute } from '@/app/api/v1/admin/articles/[id]/corrections/route';
import { ADMIN_COMPONENTS } from '@/lib/api/admin-schemas';
import { db } from '@/lib/db';
import { adminKey, call, type AdminKey } from '@/test/admin-api';
import { createArticle, unique } from '@/test/fixtures';

let editor: AdminKey;
let author: AdminKey;
let wrongScope: AdminKey;

beforeAll(async () => {
  [editor, author, wrongScope] = await Promise.all([
    adminKey('EDITOR', ['alerts:write', 'corrections:write']),
    adminKey('AUTHOR', ['alerts:write', 'corrections:write']),
    adminKey('ADMIN', ['articles:publish']),
  ]);
});

describe('alerts (alerts:write, editors)', () => {
  it('publishes an alert, lists it and ends it; refuses authors, other scopes and what the form refuses', async () => {
    const text = `Bridge closed after collision ${unique()}`;
    const publish = (k: AdminKey, body: unknown) => call(publishAlertRoute, 'POST', '/api/v1/admin/alerts', { key: k.key, body });
    const published = await publish(editor, { text, link: '/articles/bridge', level: 'BREAKING' });
    expect(published.status).toBe(201);
    expect(ADMIN_COMPONENTS.AdminAlertResponse.safeParse(published.json).error).toBeUndefined();
    const id = published.json.data.id as string;
    expect(published.json.data).toMatchObject({ text, link: '/articles/bridge', level: 'BREAKING', endsAt: null });
    expect(await db.auditLog.findFirst({ where: { entityId: id, action: 'alert.published' }, select: { data: true } })).toMatchObject({ data: { apiKey: { id: editor.id } } });

    const listed = await call(alertsRoute, 'GET', '/api/v1/admin/alerts', { key: editor.key });
    expect(ADMIN_COMPONENTS.AdminAlertListResponse.safeParse(listed.json).error).toBeUndefined();
    expect(listed.json.data.map((a: { id: string }) => a.id)).toContain(id);

    const invalid = await publish(editor, { text: '', link: 'javascript:alert(1)', level: 'URGENT', endsAt: 'tomorrow' });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.details).sort()).toEqual(['endsAt', 'level']);
    const rules = await publish(editor, { text: '', link: 'javascript:alert(1)', level: 'LIVE' });
    expect(Object.keys(rules.json.error.details).sort()).toEqual(['link', 'text']);
    expect((await publish(editor, { text: 'Over already', level: 'LIVE', endsAt: '2020-01-01T00:00:00Z' })).json.error.details).toEqual({ endsAt: ['Choose an end time in the future.'] });
    expect((await publish(author, { text: 'Not mine to send', level: 'LIVE' })).status).toBe(403);
    expect((await publish(wrongScope, { text: 'No scope', level: 'LIVE' })).status).toBe(403);

    const end = (k: AdminKey) => call(endAlertRoute, 'POST', `/api/v1/admin/alerts/${id}/end`, { key: k.key, params: { id } });
    expect((await end(author)).status).toBe(403);
    expect((await end(editor)).json.data).toEqual({ id, ended: true });
    expect((await db.breakingAlert.findUniqueOrThrow({ where: { id } })).endsAt).not.toBeNull();
  });
});

describe('corrections (corrections:write, editors)', () => {
  it('adds a correction to a published article, lists it and withdraws it; refuses drafts, authors and bad fields', async () => {
    const article = await createArticle({});
    const add = (k: AdminKey, id: string, body: unknown) => call(addCorrectionRoute, 'POST', `/api/v1/admin/articles/${id}/corrections`, { key: k.key, params: { id }, body });
    const added = await add(editor, article.id, { kind: 'CORRECTION', note: 'An earlier version gave the wrong date for the vote.' });
    expect(added.status).toBe(201);
    expect(ADMIN_COMPONENTS.AdminCorrectionResponse.safeParse(added.json).error).toBeUndefined();
    expect(added.json.data).toMatchObject({ kind: 'CORRECTION', withdrawnAt: null });
    const correctionId = added.json.data.id as string;
    expect(await db.auditLog.findFirst({ where: { entityId: article.id, action: 'article.corrected' }, select: { data: true } })).toMatchObject({ data: { apiKey: { id: editor.id } } });

    const invalid = await add(editor, article.id, { kind: 'ERRATUM', note: '', articleId: 'other' });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.details).sort()).toEqual(['articleId', 'kind', 'note']);
    const draft = await createArticle({ status: 'DRAFT' });
    expect((await add(editor, draft.id, { kind: 'UPDATE', note: 'Too early.' })).status).toBe(409);
    expect((await add(author, article.id, { kind: 'UPDATE', note: 'Not an editor.' })).status).toBe(403);
    expect((await add(wrongScope, article.id, { kind: 'UPDATE', note: 'No scope.' })).status).toBe(403);

    const listed = await call(correctionsRoute, 'GET', `/api/v1/admin/articles/${article.id}/corrections`, { key: editor.key, params: { id: article.id } });
    expect(ADMIN_COMPONENTS.AdminCorrectionListResponse.safeParse(listed.json).error).toBeUndefined();
    expect(listed.json.data.map((c: { id: string }) => c.id)).toEqual([correctionId]);
    const withdrawn = await call(withdrawRoute, 'POST', `/api/v1/admin/articles/${article.id}/corrections/${correctionId}/withdraw`, {
      key: editor.key,
      params: { id: article.id, correctionId },
    });
    expect(withdrawn.json.data.withdrawnAt).not.toBeNull();
  });
});
