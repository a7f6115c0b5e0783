import { beforeAll, describe, expect, it } from 'vitest';
import { authenticateAdminApiKey, authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from '@/lib/api-keys';
import { authenticateApiKeyCached } from '@/lib/api-keys/memo';
import { changeUserRole, setUserActive } from '@/lib/users/admin';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { createUser, unique } from '@/test/fixtures';

let admin: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  [admin, editor] = await Promise.all([createUser('ADMIN'), createUser('EDITOR')]);
});

const stored = (id: string) => db.apiKey.findUniqueOrThrow({ where: { id }, select: { label: true, prefix: true, keyHash: true, lastUsedAt: true, revokedAt: true, createdById: true } });

describe('creating keys', () => {
  it('returns the key once and stores only its hash and a short prefix', async () => {
    const label = `Mobile app ${unique()}`;
    const created = await createApiKey(`  ${label} `, admin);
    expect(created.key).toMatch(/^bs_live_[A-Za-z0-9_-]{32}$/);
    expect(created).toMatchObject({ label, prefix: created.key.slice(0, 12) });

    const row = await stored(created.id);
    expect(row).toMatchObject({ label, prefix: created.key.slice(0, 12), createdById: admin.id, lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(created.key.slice(12));
    expect(row.keyHash).not.toBe(created.key);

    const audit = await db.auditLog.findFirst({ where: { entityType: 'api_key', entityId: created.id }, select: { action: true, actorId: true } });
    expect(audit).toEqual({ action: 'api_key.created', actorId: admin.id });
  });

  it('gives every key a different value', async () => {
    const [a, b] = await Promise.all([createApiKey('One', admin), createApiKey('Two', admin)]);
    expect(a.key).not.toBe(b.key);
  });

  it('refuses editors, and an empty label', async () => {
    const label = `Editor key ${unique()}`;
    await expect(createApiKey(label, editor)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.apiKey.count({ where: { label } })).toBe(0);
    await expect(createApiKey('   ', admin)).rejects.toMatchObject({ name: 'ZodError' });
    await expect(listApiKeys(editor)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('authenticating', () => {
  it('accepts an active key and records its use at most once a minute', async () => {
    const created = await createApiKey(`Partner ${unique()}`, admin);
    const t0 = new Date();
    expect(await authenticateApiKey(created.key, t0)).toEqual({ id: created.id, label: created.label, prefix: created.prefix });
    expect((await stored(created.id)).lastUsedAt).toEqual(t0);

    await authenticateApiKey(created.key, new Date(t0.getTime() + 30_000));
    expect((await stored(created.id)).lastUsedAt).toEqual(t0);

    const later = new Date(t0.getTime() + 61_000);
    await authenticateApiKey(created.key, later);
    expect((await stored(created.id)).lastUsedAt).toEqual(later);
  });

  it('rejects unknown, malformed and altered keys', async () => {
    const created = await createApiKey(`Partner ${unique()}`, admin);
    const last = created.key.at(-1) === 'A' ? 'B' : 'A';
    for (const raw of ['', 'bs_live_', 'Bearer x', `${created.key}x`, created.key.slice(0, -1) + last, created.key.toUpperCase()]) {
      expect(await authenticateApiKey(raw)).toBeNull();
    }
  });
});

describe('revoking', () => {
  it('stops the key working at once, keeps it listed, and is audited', async () => {
    const created = await createApiKey(`Old site ${unique()}`, admin);
    expect(await authenticateApiKey(created.key)).not.toBeNull();

    await expect(revokeApiKey(created.id, editor)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await authenticateApiKey(created.key)).not.toBeNull();

    const revoked = await revokeApiKey(created.id, admin);
    expect(revoked.revokedAt).toEqual(expect.any(Date));
    expect(await authenticateApiKey(created.key)).toBeNull();

    // Revoking again changes nothing and records nothing new.
    expect((await revokeApiKey(created.id, admin)).revokedAt).toEqual(revoked.revokedAt);
    const actions = await db.auditLog.findMany({ where: { entityType: 'api_key', entityId: created.id }, orderBy: { createdAt: 'asc' }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(['api_key.created', 'api_key.revoked']);

    const listed = (await listApiKeys(admin)).find((k) => k.id === created.id);
    expect(listed).toMatchObject({ label: created.label, prefix: created.prefix, revokedAt: revoked.revokedAt, createdBy: { name: admin.name } });
    expect(Object.keys(listed!)).not.toContain('keyHash');
  });

  it('reports a key that does not exist', async () => {
    await expect(revokeApiKey('no-such-key', admin)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('admin keys', () => {
  it('need a user to act as and at least one scope; a content key has neither', async () => {
    const label = `Wire ${unique()}`;
    await expect(createApiKey({ label, kind: 'ADMIN', scopes: ['articles:write'] }, admin)).rejects.toMatchObject({ name: 'ZodError' });
    await expect(createApiKey({ label, kind: 'ADMIN', actsAsId: editor.id, scopes: [] }, admin)).rejects.toMatchObject({ name: 'ZodError' });
    await expect(createApiKey({ label, kind: 'ADMIN', actsAsId: editor.id, scopes: ['articles:delete-everything' as 'articles:write'] }, admin)).rejects.toMatchObject({ name: 'ZodError' });
    await expect(createApiKey({ label, kind: 'ADMIN', actsAsId: 'nobody', scopes: ['articles:write'] }, admin)).rejects.toMatchObject({
      code: 'unprocessable',
      details: { actsAsId: expect.any(Array) },
    });
    await expect(createApiKey({ label, kind: 'ADMIN', actsAsId: editor.id, scopes: ['articles:write'] }, editor)).rejects.toMatchObject({ code: 'forbidden' });
    const content = await createApiKey({ label, kind: 'CONTENT', actsAsId: editor.id, scopes: ['articles:write'] }, admin);
    expect(await authenticateAdminApiKey(content.key)).toBeNull();
    expect((await listApiKeys(admin)).find((k) => k.id === content.id)).toMatchObject({ kind: 'CONTENT', scopes: [], actsAs: null });
  });

  it('act as their user with that user’s current role, until the user is deactivated', async () => {
    const user = await createUser('AUTHOR');
    const created = await createApiKey({ label: `Phone app ${unique()}`, kind: 'ADMIN', actsAsId: user.id, scopes: ['articles:write', 'articles:write', 'media:write'] }, admin);
    expect(await authenticateAdminApiKey(created.key)).toEqual({
      key: { id: created.id, label: created.label, prefix: created.prefix, scopes: ['articles:write', 'media:write'] },
      user: expect.objectContaining({ id: user.id, role: 'AUTHOR' }),
    });
    await changeUserRole(user.id, 'EDITOR', admin);
    expect((await authenticateAdminApiKey(created.key))?.user.role).toBe('EDITOR');
    // An admin key reads the content API too, while its user is active.
    expect(await authenticateApiKey(created.key)).not.toBeNull();
    expect(await authenticateApiKeyCached(created.key)).not.toBeNull();
    await setUserActive(user.id, false, admin);
    // The content API's remembered key check is dropped too.
    expect(await authenticateApiKeyCached(created.key)).toBeNull();
    expect(await authenticateAdminApiKey(created.key)).toBeNull();
    expect(await authenticateApiKey(created.key)).toBeNull();
    expect((await listApiKeys(admin)).find((k) => k.id === created.id)?.actsAs).toMatchObject({ name: user.name, deactivatedAt: expect.any(Date) });
  });
});
