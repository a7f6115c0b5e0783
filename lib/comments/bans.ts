import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hashIdentifier } from '@/lib/hash';
import type { StaffUser } from '@/lib/users';

function requireAdmin(user: StaffUser) {
  if (!hasRole(user.role, 'ADMIN')) throw new AppError('forbidden', 'Only admins can ban or unban commenters.');
}

/** Whether a ban is in force at `now`: permanent, or not yet expired. */
export const activeBanFilter = (now = new Date()) => ({ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

type Hashes = string | string[] | null;
const list = (h: Hashes) => (h === null ? [] : Array.isArray(h) ? h : [h]);

/**
 * True when the commenter's email or IP is under an active ban. Each may be given as every hash
 * it can be stored under (identifierHashes: bans made before identifiers had their own key).
 */
export async function isBanned(hashes: { emailHash: Hashes; ipHash: Hashes }, now = new Date()): Promise<boolean> {
  const which = [...list(hashes.emailHash).map((valueHash) => ({ kind: 'EMAIL' as const, valueHash })), ...list(hashes.ipHash).map((valueHash) => ({ kind: 'IP' as const, valueHash }))];
  if (!which.length) return false;
  return (await db.ban.count({ where: { AND: [{ OR: which }, activeBanFilter(now)] } })) > 0;
}

type BanInput = { reason: string; days: number | null };

async function upsertBan(kind: 'EMAIL' | 'IP', valueHash: string, input: BanInput, user: StaffUser, source: object) {
  const expiresAt = input.days ? new Date(Date.now() + input.days * 86_400_000) : null;
  return db.$transaction(async (tx) => {
    const ban = await tx.ban.upsert({
      where: { kind_valueHash: { kind, valueHash } },
      create: { kind, valueHash, reason: input.reason, expiresAt, createdById: user.id },
      update: { reason: input.reason, expiresAt, createdById: user.id, createdAt: new Date() },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'ban.create',
      entityType: 'ban',
      entityId: ban.id,
      summary: `${kind} ban${expiresAt ? ` until ${expiresAt.toISOString()}` : ', permanent'}`,
      data: { kind, reason: input.reason, expiresAt, ...source },
    });
    return ban.id;
  });
}

/** Bans the email and/or IP behind a comment (admins); the values are already stored hashed or are hashed here. */
export async function banCommentAuthor(commentId: string, opts: BanInput & { email: boolean; ip: boolean }, user: StaffUser): Promise<{ banned: ('email' | 'IP')[] }> {
  requireAdmin(user);
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { authorEmail: true, ipHash: true } });
  if (!comment) throw new AppError('not_found', 'This comment no longer exists.');
  if (!opts.email && !opts.ip) throw new AppError('unprocessable', 'Choose the email address, the IP address or both.');
  const banned: ('email' | 'IP')[] = [];
  if (opts.email) {
    await upsertBan('EMAIL', hashIdentifier(comment.authorEmail), opts, user, { commentId });
    banned.push('email');
  }
  if (opts.ip) {
    if (!comment.ipHash) throw new AppError('unprocessable', 'No IP address was recorded for this comment.');
    await upsertBan('IP', comment.ipHash, opts, user, { commentId });
    banned.push('IP');
  }
  return { banned };
}

/** Bans an email address or IP address typed by an admin. */
export async function banValue(kind: 'EMAIL' | 'IP', value: string, opts: BanInput, user: StaffUser): Promise<string> {
  requireAdmin(user);
  return upsertBan(kind, hashIdentifier(value), opts, user, {});
}

/** Active and expired bans, newest first; the banned values are hashes and never shown. */
export async function listBans(user: StaffUser) {
  requireAdmin(user);
  const rows = await db.ban.findMany({
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { id: true, kind: true, reason: true, expiresAt: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  const now = Date.now();
  return rows.map((b) => ({ ...b, active: !b.expiresAt || b.expiresAt.getTime() > now }));
}

/** Lifts a ban (admins). */
export async function liftBan(id: string, user: StaffUser): Promise<void> {
  requireAdmin(user);
  await db.$transaction(async (tx) => {
    const ban = await tx.ban.findUnique({ where: { id }, select: { kind: true, reason: true } });
    if (!ban) throw new AppError('not_found', 'This ban no longer exists.');
    await tx.ban.delete({ where: { id } });
    await recordAudit(tx, { actorId: user.id, action: 'ban.lift', entityType: 'ban', entityId: id, data: ban });
  });
}
