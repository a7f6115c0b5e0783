import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditFilterOptions, listAuditLog, recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { createUser, unique } from '@/test/fixtures';

let editor: StaffUser;
let admin: StaffUser;
const type = `thing${unique()}`;

beforeAll(async () => {
  [editor, admin] = await Promise.all([createUser('EDITOR'), createUser('ADMIN')]);
  // 60 entries: older ones by the editor, then the scheduler ("System"), newest by the admin.
  for (let i = 0; i < 60; i++) {
    const actorId = i < 30 ? editor.id : i < 40 ? null : admin.id;
    await recordAudit(db, { actorId, action: i % 2 ? `${type}.updated` : `${type}.created`, entityType: type, entityId: `e${i}`, summary: `Entry ${i}` });
  }
});

describe('audit log', () => {
  it('is readable by editors and admins only', async () => {
    for (const role of ['AUTHOR', 'CONTRIBUTOR'] as const) {
      const user = await createUser(role);
      await expect(listAuditLog({ page: 1 }, user)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(listAuditFilterOptions(user)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(listAuditLog({ page: 1 }, editor)).resolves.toBeTruthy();
    await expect(listAuditLog({ page: 1 }, admin)).resolves.toBeTruthy();
  });

  it('lists newest first in pages of 50, with actor names and "System"', async () => {
    const first = await listAuditLog({ entityType: type, page: 1 }, editor);
    expect(first.total).toBe(60);
    expect(first.pages).toBe(2);
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]).toMatchObject({ summary: 'Entry 59', actorName: admin.name });
    const second = await listAuditLog({ entityType: type, page: 2 }, editor);
    expect(second.entries.map((e) => e.summary)).toEqual(Array.from({ length: 10 }, (_, i) => `Entry ${9 - i}`));
    expect(first.entries.find((e) => e.summary === 'Entry 35')?.actorName).toBe('System');
  });

  it('filters by action and actor (including System)', async () => {
    const created = await listAuditLog({ entityType: type, action: `${type}.created`, page: 1 }, editor);
    expect(created.total).toBe(30);
    const system = await listAuditLog({ entityType: type, actorId: 'system', page: 1 }, editor);
    expect(system.total).toBe(10);
    const byEditor = await listAuditLog({ entityType: type, actorId: editor.id, page: 1 }, admin);
    expect(byEditor.total).toBe(30);
    const options = await listAuditFilterOptions(editor);
    expect(options.entityTypes).toContain(type);
    expect(options.actions).toEqual(expect.arrayContaining([`${type}.created`, `${type}.updated`]));
    expect(options.actors.map((a) => a.id)).toEqual(expect.arrayContaining([editor.id, admin.id]));
  });
});
