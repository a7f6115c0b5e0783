import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { invalidateArticle } from '@/lib/cache';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError, assertVersion } from '@/lib/errors';
import { hashIdentifier, identifierHashes } from '@/lib/hash';
import { reportRateLimiters } from './limiters';
import { consumeRateLimits, type RateLimiters } from './rate-limit';
import type { StaffUser } from '@/lib/users';
import type { CommentEditInput, ModerationTab } from '@/lib/validation/comments';

function requireModerator(user: StaffUser) {
  if (!hasRole(user.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins moderate comments.');
}

const unresolvedReports = { reports: { some: { resolvedAt: null } } } as const;

/** The filter for one moderation tab and an optional search over text, author, email and article title. */
function queueWhere(tab: ModerationTab, q?: string) {
  const where: Record<string, unknown> = tab === 'REPORTED' ? { ...unresolvedReports, status: { not: 'TRASH' } } : { status: tab };
  const term = q?.trim();
  if (term) {
    // PostgreSQL compares case-sensitively unless asked; SQLite's LIKE already ignores ASCII case.
    const contains = env.DATABASE_PROVIDER === 'postgresql' ? { contains: term, mode: 'insensitive' as const } : { contains: term };
    where.OR = [{ body: contains }, { authorName: contains }, { authorEmail: contains }, { article: { title: contains } }];
  }
  return where;
}

export const MODERATION_PAGE_SIZE = 20;

/** One page of the moderation queue, newest first, with reports; includes commenters' emails (staff only). */
export async function listModerationQueue(user: StaffUser, opts: { tab: ModerationTab; q?: string; page?: number; perPage?: number }) {
  requireModerator(user);
  const perPage = opts.perPage ?? MODERATION_PAGE_SIZE;
  const where = queueWhere(opts.tab, opts.q);
  const [rows, total] = await Promise.all([
    db.comment.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      skip: ((opts.page ?? 1) - 1) * perPage,
      take: perPage,
      select: {
        id: true,
        parentId: true,
        authorName: true,
        authorEmail: true,
        authorUrl: true,
        body: true,
        createdAt: true,
        status: true,
        version: true,
        ipHash: true,
        userId: true,
        article: { select: { title: true, slug: true } },
        reports: { where: { resolvedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, reason: true, createdAt: true } },
      },
    }),
    db.comment.count({ where }),
  ]);
  // Whether an IP was recorded (it can be banned); the hash itself stays on the server.
  const comments = rows.map(({ ipHash, userId, ...c }) => ({ ...c, hasIp: ipHash !== null, isStaff: userId !== null }));
  return { comments, total, pages: Math.max(1, Math.ceil(total / perPage)) };
}

/** Counts for the dashboard tabs, Reported included (comments with open reports, not in the trash). */
export async function countModerationTabs(): Promise<Record<ModerationTab, number>> {
  const [rows, reported] = await Promise.all([db.comment.groupBy({ by: ['status'], _count: { _all: true } }), db.comment.count({ where: queueWhere('REPORTED') })]);
  const out = { PENDING: 0, APPROVED: 0, SPAM: 0, TRASH: 0, REPORTED: reported };
  for (const r of rows) out[r.status] = r._count._all;
  return out;
}

/** A reader reports an approved comment; one open report per comment and address. */
export async function reportComment(commentId: string, reason: string, meta: { ip?: string | null; limiters?: RateLimiters }): Promise<void> {
  const ipHash = meta.ip ? hashIdentifier(meta.ip) : null;
  // Counted first, whatever follows (unknown comment, repeated report): no way around the limit.
  await consumeRateLimits(meta.limiters ?? reportRateLimiters(), { ip: ipHash }, 'reporting comments');
  const comment = await db.comment.findFirst({ where: { id: commentId, status: 'APPROVED' }, select: { id: true } });
  if (!comment) throw new AppError('not_found', 'This comment is no longer available.');
  if (meta.ip && (await db.commentReport.count({ where: { commentId, ipHash: { in: identifierHashes(meta.ip) }, resolvedAt: null } }))) return;
  await db.commentReport.create({ data: { commentId, reason, ipHash } });
}

/** Closes a comment's open reports, leaving the comment as it is. */
export async function dismissReports(commentId: string, user: StaffUser): Promise<void> {
  requireModerator(user);
  await db.$transaction(async (tx) => {
    const { count } = await tx.commentReport.updateMany({ where: { commentId, resolvedAt: null }, data: { resolvedAt: new Date() } });
    if (!count) throw new AppError('not_found', 'This comment has no open reports.');
    await recordAudit(tx, { actorId: user.id, action: 'comment.dismiss-reports', entityType: 'comment', entityId: commentId, data: { reports: count } });
  });
}

/** Edits a comment's text, name or website from the dashboard; with `version`, refused if it changed meanwhile. */
export async function editComment(id: string, input: CommentEditInput & { version?: number }, user: StaffUser): Promise<void> {
  requireModerator(user);
  const before = await db.$transaction(async (tx) => {
    const before = await tx.comment.findUnique({ where: { id }, select: { body: true, authorName: true, authorUrl: true, status: true, articleId: true, version: true } });
    if (!before) throw new AppError('not_found', 'This comment no longer exists.');
    assertVersion('comment', before.version, input.version);
    const { count } = await tx.comment.updateMany({
      where: { id, version: before.version },
      data: { body: input.body, authorName: input.name, authorUrl: input.website ?? null, version: { increment: 1 } },
    });
    if (!count) assertVersion('comment', before.version + 1, before.version);
    await recordAudit(tx, {
      actorId: user.id,
      action: 'comment.edit',
      entityType: 'comment',
      entityId: id,
      data: { before: { body: before.body, authorName: before.authorName, authorUrl: before.authorUrl } },
    });
    return before;
  });
  // Readers see only approved comments: the article's pages change only for one of those.
  if (before.status === 'APPROVED') await invalidateArticle(before.articleId, { listings: false });
}

/** A staff reply from the dashboard: published at once, marked as staff (staff may reply below the reader depth limit). */
export async function replyAsStaff(parentId: string, body: string, user: StaffUser): Promise<{ id: string }> {
  requireModerator(user);
  const parent = await db.comment.findUnique({ where: { id: parentId }, select: { id: true, status: true, articleId: true } });
  if (!parent) throw new AppError('not_found', 'This comment no longer exists.');
  if (parent.status !== 'APPROVED') throw new AppError('unprocessable', 'Approve the comment before replying to it.');
  const reply = await db.$transaction(async (tx) => {
    const reply = await tx.comment.create({
      data: { articleId: parent.articleId, parentId: parent.id, body, authorName: user.name, authorEmail: user.email, userId: user.id, status: 'APPROVED' },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: user.id, action: 'comment.staff-reply', entityType: 'comment', entityId: reply.id, data: { parentId } });
    return reply;
  });
  // Published at once: the article's pages show it.
  await invalidateArticle(parent.articleId, { listings: false });
  return { id: reply.id };
}
