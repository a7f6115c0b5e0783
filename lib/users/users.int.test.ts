import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { ROLES } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { getActiveUserById, getUserForSignIn, type StaffUser } from '@/lib/users';
import { changeOwnPassword, changeUserRole, createUser as createUserAsAdmin, listUsers, setUserActive, updateOwnProfile } from '@/lib/users/admin';
import { changePasswordSchema, createUserSchema } from '@/lib/validation/users';
import { createUser, unique } from '@/test/fixtures';

let admin: StaffUser;
const others: Partial<Record<string, StaffUser>> = {};

const newUserInput = () => createUserSchema.parse({ name: `New Person ${unique()}`, email: `New-${unique()}@Broadsheet.test`, role: 'AUTHOR', password: 'temporary-password-1' });

const auditFor = (entityId: string) => db.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } });

beforeAll(async () => {
  admin = await createUser('ADMIN');
  for (const role of ['EDITOR', 'AUTHOR', 'CONTRIBUTOR'] as const) others[role] = await createUser(role);
});

describe('user management permissions', () => {
  for (const role of ['EDITOR', 'AUTHOR', 'CONTRIBUTOR'] as const) {
    it(`refuses every user-management action to a ${role.toLowerCase()}`, async () => {
      const actor = others[role]!;
      const target = await createUser('AUTHOR');
      await expect(listUsers(actor)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(createUserAsAdmin(newUserInput(), actor)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(changeUserRole(target.id, 'ADMIN', actor)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(setUserActive(target.id, false, actor)).rejects.toMatchObject({ code: 'forbidden' });
      // Nothing changed, not even for themselves.
      await expect(changeUserRole(actor.id, 'ADMIN', actor)).rejects.toMatchObject({ code: 'forbidden' });
      expect(await getActiveUserById(target.id)).toMatchObject({ role: 'AUTHOR' });
      expect(await auditFor(target.id)).toEqual([]);
    });
  }
});

describe('admins manage users', () => {
  it('creates a user with a hashed temporary password who can then sign in', async () => {
    const input = newUserInput();
    const { id } = await createUserAsAdmin(input, admin);
    const stored = await getUserForSignIn(input.email);
    expect(stored).toMatchObject({ id, name: input.name, role: 'AUTHOR', email: input.email.toLowerCase() });
    expect(stored!.passwordHash).not.toContain('temporary-password-1');
    expect(await verifyPassword('temporary-password-1', stored!.passwordHash)).toBe(true);
    expect(await auditFor(id)).toEqual([{ action: 'user.created', actorId: admin.id }]);
  });

  it('refuses a second account with the same email, with a message on the field', async () => {
    const input = newUserInput();
    await createUserAsAdmin(input, admin);
    await expect(createUserAsAdmin({ ...input, name: 'Someone else' }, admin)).rejects.toMatchObject({ code: 'conflict', details: { email: [expect.any(String)] } });
  });

  it('changes roles, recorded in the audit log', async () => {
    const target = await createUser('AUTHOR');
    await changeUserRole(target.id, 'AUTHOR', admin); // unchanged: not recorded
    for (const role of ROLES) await changeUserRole(target.id, role, admin);
    expect(await getActiveUserById(target.id)).toMatchObject({ role: 'ADMIN' });
    const log = await auditFor(target.id);
    expect(log).toEqual(Array(4).fill({ action: 'user.role_changed', actorId: admin.id }));
  });

  it('deactivates: the user can no longer sign in and their session stops resolving; reactivates', async () => {
    const target = await createUser('EDITOR');
    expect(await getUserForSignIn(target.email)).not.toBeNull();
    await setUserActive(target.id, false, admin);
    expect(await getUserForSignIn(target.email)).toBeNull();
    // lib/auth/session re-reads the user through this on every request.
    expect(await getActiveUserById(target.id)).toBeNull();
    await setUserActive(target.id, true, admin);
    expect(await getUserForSignIn(target.email)).not.toBeNull();
    expect((await auditFor(target.id)).map((l) => l.action)).toEqual(['user.deactivated', 'user.reactivated']);
  });

  it('never lets the last active admin be demoted or deactivated', async () => {
    // Make this the only active admin of the test database for the length of the test.
    const otherAdmins = await db.user.findMany({ where: { role: 'ADMIN', deactivatedAt: null, id: { not: admin.id } }, select: { id: true } });
    await db.user.updateMany({ where: { id: { in: otherAdmins.map((a) => a.id) } }, data: { deactivatedAt: new Date() } });
    try {
      await expect(changeUserRole(admin.id, 'EDITOR', admin)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('last active admin') });
      await expect(setUserActive(admin.id, false, admin)).rejects.toMatchObject({ code: 'forbidden' });
      expect(await getActiveUserById(admin.id)).toMatchObject({ role: 'ADMIN' });

      // With a second admin, stepping down is allowed.
      const second = await createUser('ADMIN');
      await changeUserRole(admin.id, 'EDITOR', second);
      expect(await getActiveUserById(admin.id)).toMatchObject({ role: 'EDITOR' });
      await expect(changeUserRole(second.id, 'EDITOR', second)).rejects.toMatchObject({ code: 'forbidden' });
      await changeUserRole(admin.id, 'ADMIN', second);
    } finally {
      await db.user.updateMany({ where: { id: { in: otherAdmins.map((a) => a.id) } }, data: { deactivatedAt: null } });
    }
  });
});

describe('own profile', () => {
  it('every role updates their own name and bio', async () => {
    for (const role of ROLES) {
      const user = await createUser(role);
      await updateOwnProfile(user, { name: `Renamed ${role}`, bio: 'Covers the courts.' });
      expect(await db.user.findUnique({ where: { id: user.id }, select: { name: true, bio: true } })).toEqual({ name: `Renamed ${role}`, bio: 'Covers the courts.' });
      expect((await auditFor(user.id)).map((l) => l.action)).toEqual(['user.profile_updated']);
    }
  });

  it('changes the password only with the current one', async () => {
    const user = await createUser('AUTHOR');
    const input = changePasswordSchema.parse({ currentPassword: 'wrong-password', newPassword: 'a-new-long-password', confirmPassword: 'a-new-long-password' });
    await expect(changeOwnPassword(user, input)).rejects.toMatchObject({ code: 'unprocessable', details: { currentPassword: [expect.any(String)] } });
    await changeOwnPassword(user, { ...input, currentPassword: 'test-password' });
    const stored = await getUserForSignIn(user.email);
    expect(await verifyPassword('a-new-long-password', stored!.passwordHash)).toBe(true);
    expect(await verifyPassword('test-password', stored!.passwordHash)).toBe(false);
  });

  it('validates the new password', () => {
    expect(changePasswordSchema.safeParse({ currentPassword: 'x', newPassword: 'short', confirmPassword: 'short' }).success).toBe(false);
    expect(changePasswordSchema.safeParse({ currentPassword: 'x', newPassword: 'long-enough-one', confirmPassword: 'different-one!' }).success).toBe(false);
  });
});
