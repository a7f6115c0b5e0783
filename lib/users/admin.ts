import 'server-only';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { hasRole, type Role } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { invalidateAuthor, pageTags } from '@/lib/cache';
import { invalidateTags } from '@/lib/cache/shared.mjs';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { slugify } from '@/lib/slug';
import type { StaffUser } from '@/lib/users';
import type { CreateUserInput } from '@/lib/validation/users';

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type UserRow = { id: string; name: string; email: string; role: Role; deactivatedAt: Date | null; createdAt: Date; twoFactor: boolean };

function assertAdmin(actor: StaffUser) {
  if (!hasRole(actor.role, 'ADMIN')) throw new AppError('forbidden', 'Only admins can manage users.');
}

/** Every user, active first, for the admins' users page. */
export async function listUsers(actor: StaffUser): Promise<UserRow[]> {
  assertAdmin(actor);
  const rows = await db.user.findMany({
    orderBy: [{ name: 'asc' }],
    select: { id: true, name: true, email: true, role: true, deactivatedAt: true, createdAt: true, totpEnabledAt: true, _count: { select: { passkeys: true } } },
  });
  return rows.map(({ totpEnabledAt, _count, ...r }) => ({ ...r, twoFactor: totpEnabledAt !== null || _count.passkeys > 0 })).sort((a, b) => Number(!!a.deactivatedAt) - Number(!!b.deactivatedAt));
}

/** Staff who can appear in bylines and filters: active users, by name. */
export async function listActiveStaff(): Promise<{ id: string; name: string }[]> {
  return db.user.findMany({ where: { deactivatedAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
}

async function uniqueUserSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base.slice(0, 76)}-${n}`;
    if (!(await tx.user.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/** Creates a user with a temporary password (hashed with argon2id); admins only. */
export async function createUser(input: CreateUserInput, actor: StaffUser): Promise<{ id: string }> {
  assertAdmin(actor);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError('conflict', 'A user with this email already exists.', { email: ['A user with this email already exists.'] });
    }
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, role: input.role, passwordHash, slug: await uniqueUserSlug(tx, input.name) },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: 'user.created', entityType: 'user', entityId: user.id, summary: input.name, data: { role: input.role } });
    return user;
  });
}

/**
 * Refuses a change that would leave the site without an active admin. Checked after the
 * write inside the transaction, so the write is rolled back when it would.
 */
async function assertAnActiveAdminRemains(tx: Tx) {
  const admins = await tx.user.count({ where: { role: 'ADMIN', deactivatedAt: null } });
  if (admins === 0) throw new AppError('forbidden', 'You are the last active admin: make someone else an admin first.');
}

async function getTarget(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id }, select: { id: true, name: true, role: true, deactivatedAt: true } });
  if (!user) throw new AppError('not_found', 'This user no longer exists.');
  return user;
}

/** Changes a user's role; admins only, and never the last active admin's. */
export async function changeUserRole(userId: string, role: Role, actor: StaffUser) {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const target = await getTarget(tx, userId);
    if (target.role === role) return { name: target.name, role };
    await tx.user.update({ where: { id: userId }, data: { role } });
    await assertAnActiveAdminRemains(tx);
    await recordAudit(tx, { actorId: actor.id, action: 'user.role_changed', entityType: 'user', entityId: userId, summary: target.name, data: { from: target.role, to: role } });
    return { name: target.name, role };
  });
}

/**
 * Deactivates or reactivates a user. A deactivated user cannot sign in, and their open
 * sessions stop working at once because lib/auth/session re-reads the user on every request.
 */
export async function setUserActive(userId: string, active: boolean, actor: StaffUser) {
  assertAdmin(actor);
  const result = await db.$transaction(async (tx) => {
    const target = await getTarget(tx, userId);
    if (!target.deactivatedAt === active) return { name: target.name, active, changed: false };
    // Deactivating also bumps the session version, so a later reactivation does not revive old sessions.
    await tx.user.update({ where: { id: userId }, data: active ? { deactivatedAt: null } : { deactivatedAt: new Date(), sessionVersion: { increment: 1 } } });
    if (!active) await assertAnActiveAdminRemains(tx);
    await recordAudit(tx, { actorId: actor.id, action: active ? 'user.reactivated' : 'user.deactivated', entityType: 'user', entityId: userId, summary: target.name });
    return { name: target.name, active, changed: true };
  });
  // Admin API keys acting as this user stop (or resume) reading the content API on every instance at once.
  if (result.changed) await invalidateTags([pageTags.apiKeys]);
  return { name: result.name, active: result.active };
}

/** The signed-in user's own profile fields. */
export async function getOwnProfile(user: StaffUser) {
  return db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, email: true, bio: true, role: true } });
}

/** Saves the signed-in user's name and bio, which show in bylines and on their author page. */
export async function updateOwnProfile(user: StaffUser, input: { name: string; bio: string | null }) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { name: input.name, bio: input.bio } });
    await recordAudit(tx, { actorId: user.id, action: 'user.profile_updated', entityType: 'user', entityId: user.id, summary: input.name });
  });
  await invalidateAuthor(user.id);
}

/**
 * Changes the user's own password after checking the current one, and ends every other session
 * (the session version goes up): returns the new version, for re-issuing the caller's session.
 */
export async function changeOwnPassword(user: StaffUser, input: { currentPassword: string; newPassword: string }): Promise<{ sessionVersion: number }> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new AppError('unprocessable', 'Your current password is not correct.', { currentPassword: ['Your current password is not correct.'] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const { sessionVersion } = await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await recordAudit(tx, { actorId: user.id, action: 'user.password_changed', entityType: 'user', entityId: user.id, summary: user.name });
    return { sessionVersion };
  });
}

/** "Sign out everywhere": ends every session of the user's but the caller's; returns the new version to re-issue it with. */
export async function signOutEverywhere(user: StaffUser): Promise<{ sessionVersion: number }> {
  return db.$transaction(async (tx) => {
    const { sessionVersion } = await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await recordAudit(tx, { actorId: user.id, action: 'user.signed_out_everywhere', entityType: 'user', entityId: user.id, summary: user.name });
    return { sessionVersion };
  });
}
