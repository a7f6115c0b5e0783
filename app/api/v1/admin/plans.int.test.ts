// The story budget over the admin API: the plans:write scope, the planning screens' roles (editors
// plan and assign; a writer sees and moves along only their own plans), the plan form's rules as
// 422 with field paths, and If-Match on every change (missing 428, stale 412, nothing changed).
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as startDraftRoute } from '@/app/api/v1/admin/plans/[id]/start-draft/route';
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from '@/app/api/v1/admin/plans/[id]/route';
import { GET as listRoute, POST as createRoute } from '@/app/api/v1/admin/plans/route';
import { ADMIN_COMPONENTS } from '@/lib/api/admin-schemas';
import { db } from '@/lib/db';
import { adminKey, call, type AdminKey } from '@/test/admin-api';
import { createSection, unique } from '@/test/fixtures';

let editor: AdminKey;
let writer: AdminKey;
let otherWriter: AdminKey;
let noScope: AdminKey;

beforeAll(async () => {
  [editor, writer, otherWriter, noScope] = await Promise.all([
    adminKey('EDITOR', ['plans:write']),
    adminKey('AUTHOR', ['plans:write']),
    adminKey('CONTRIBUTOR', ['plans:write']),
    adminKey('EDITOR', ['articles:write', 'articles:publish']),
  ]);
});

const create = (k: AdminKey, body: unknown) => call(createRoute, 'POST', '/api/v1/admin/plans', { key: k.key, body });
const patch = (k: AdminKey, id: string, body: unknown, version?: number) =>
  call(patchRoute, 'PATCH', `/api/v1/admin/plans/${id}`, { key: k.key, params: { id }, body, headers: version ? { 'If-Match': `"${version}"` } : {} });

describe('plans (plans:write)', () => {
  it('plans and assigns a story for editors only, with the form’s rules as field paths', async () => {
    const section = await createSection();
    const headline = `Council budget vote ${unique()}`;
    const created = await create(editor, { headline, assigneeId: writer.user.id, sectionId: section.id, targetWords: 800, due: '2026-12-10T15:30', notes: 'Ring the treasurer.' });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.json.data).toMatchObject({
      headline,
      status: 'IDEA',
      due: '2026-12-10T15:30',
      targetWords: 800,
      assignee: { id: writer.user.id },
      section: { id: section.id },
      article: null,
      version: 1,
    });
    expect(ADMIN_COMPONENTS.AdminPlanResponse.safeParse(created.json).error).toBeUndefined();
    expect(await db.auditLog.findFirst({ where: { entityId: created.json.data.id, action: 'plan.created' }, select: { data: true } })).toMatchObject({ data: { apiKey: { id: editor.id } } });

    const invalid = await create(editor, { headline: '', targetWords: 0, due: '2026-02-30T10:00', colour: 'red' });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.details).sort()).toEqual(['colour']);
    const rules = await create(editor, { headline: '', targetWords: 0, due: '2026-02-30T10:00' });
    expect(rules.status).toBe(422);
    expect(Object.keys(rules.json.error.details).sort()).toEqual(['due', 'headline', 'targetWords']);
    const nobody = await create(editor, { headline: 'Who?', assigneeId: 'no-such-user' });
    expect(nobody.status).toBe(422);
    expect(nobody.json.error.details).toEqual({ assigneeId: ['Choose someone from the list.'] });

    expect((await create(writer, { headline: 'My own idea' })).status).toBe(403);
    expect((await create(noScope, { headline: 'No scope' })).status).toBe(403);
    expect((await call(listRoute, 'GET', '/api/v1/admin/plans', { key: noScope.key })).status).toBe(403);
  });

  it('shows a writer only their plans, lets them move one along, and refuses stale or missing versions', async () => {
    const headline = `Flood defences ${unique()}`;
    const id = (await create(editor, { headline, assigneeId: writer.user.id, due: '2026-12-11T09:00' })).json.data.id as string;

    const mine = await call(listRoute, 'GET', '/api/v1/admin/plans?day=2026-12-11', { key: writer.key });
    expect(ADMIN_COMPONENTS.AdminPlanListResponse.safeParse(mine.json).error).toBeUndefined();
    expect(mine.json.data.map((p: { id: string }) => p.id)).toContain(id);
    expect((await call(listRoute, 'GET', '/api/v1/admin/plans?day=2026-12-11', { key: otherWriter.key })).json.data.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await call(getRoute, 'GET', `/api/v1/admin/plans/${id}`, { key: otherWriter.key, params: { id } })).status).toBe(404);
    expect((await call(listRoute, 'GET', '/api/v1/admin/plans?day=11-12-2026', { key: writer.key })).status).toBe(422);

    expect((await patch(writer, id, { status: 'WRITING' })).status).toBe(428);
    const moved = await patch(writer, id, { status: 'WRITING', notes: 'Two interviews booked.' }, 1);
    expect(moved.status).toBe(200);
    expect(moved.json.data).toMatchObject({ status: 'WRITING', notes: 'Two interviews booked.', version: 2 });
    expect(moved.headers.get('etag')).toBe('"2"');
    // The writer may not reassign or retitle: that is the editor's form.
    expect((await patch(writer, id, { headline: 'Mine now' }, 2)).status).toBe(403);
    expect((await patch(writer, id, { status: 'PUBLISHED' }, 2)).status).toBe(403);

    // The editor saved from what they read before the writer's progress: refused, nothing changed.
    const stale = await patch(editor, id, { headline: 'Flood defences fail' }, 1);
    expect(stale.status).toBe(412);
    expect(stale.json.error.details).toEqual({ currentVersion: ['2'] });
    expect(await db.storyPlan.findUniqueOrThrow({ where: { id }, select: { headline: true, status: true, version: true } })).toEqual({ headline, status: 'WRITING', version: 2 });
    const edited = await patch(editor, id, { headline: 'Flood defences fail', targetWords: null, due: null }, 2);
    expect(edited.json.data).toMatchObject({ headline: 'Flood defences fail', status: 'WRITING', notes: 'Two interviews booked.', due: null, assignee: { id: writer.user.id }, version: 3 });
    const badPatch = await patch(editor, id, { status: 'LATE', version: 3 }, 3);
    expect(Object.keys(badPatch.json.error.details).sort()).toEqual(['status', 'version']);
  });

  it('starts the plan’s draft for its writer once, and deletes a plan only from its current version', async () => {
    const id = (await create(editor, { headline: `Ferry strike ${unique()}`, assigneeId: writer.user.id })).json.data.id as string;
    const start = (k: AdminKey, version?: number) =>
      call(startDraftRoute, 'POST', `/api/v1/admin/plans/${id}/start-draft`, { key: k.key, params: { id }, headers: version ? { 'If-Match': `"${version}"` } : {} });
    expect((await start(writer)).status).toBe(428);
    expect((await start(otherWriter, 1)).status).toBe(404);
    const started = await start(writer, 1);
    expect(started.status).toBe(200);
    expect(started.json.data).toMatchObject({ status: 'WRITING', version: 2, article: { status: 'DRAFT' } });
    const article = await db.article.findUniqueOrThrow({ where: { id: started.json.data.article.id }, select: { authors: { select: { userId: true } } } });
    expect(article.authors.map((a) => a.userId)).toEqual([writer.user.id]);
    expect((await start(writer, 2)).status).toBe(409);

    const remove = (k: AdminKey, version?: number) => call(deleteRoute, 'DELETE', `/api/v1/admin/plans/${id}`, { key: k.key, params: { id }, headers: version ? { 'If-Match': `"${version}"` } : {} });
    expect((await remove(editor)).status).toBe(428);
    expect((await remove(writer, 2)).status).toBe(403);
    expect((await remove(editor, 1)).status).toBe(412);
    expect((await remove(editor, 2)).json.data).toEqual({ id, deleted: true });
    expect(await db.storyPlan.count({ where: { id } })).toBe(0);
    expect(await db.article.count({ where: { id: started.json.data.article.id } })).toBe(1);
  });
});
