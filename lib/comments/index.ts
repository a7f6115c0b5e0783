import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { publishedOnly } from '@/lib/articles/access';
import { articlePath } from '@/lib/articles/urls';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hashIdentifier } from '@/lib/hash';
import type { StaffUser } from '@/lib/users';
import type { ModerationAction } from '@/lib/validation/comments';

export type PublicComment = { id: string; parentId: string | null; authorName: string; authorUrl: string | null; body: string; createdAt: Date; isStaff: boolean };

/** Approved comments of an article, oldest first, with only what readers may see. */
export async function listApprovedComments(articleId: string): Promise<PublicComment[]> {
  const rows = await db.comment.findMany({
    where: { articleId, status: 'APPROVED' },
    orderBy: { createdAt: 'asc' },
    select: { id: true, parentId: true, authorName: true, authorUrl: true, body: true, createdAt: true, userId: true },
  });
  return rows.map(({ userId, ...c }) => ({ ...c, isStaff: userId !== null }));
}

/** Stores a reader's comment for moderation; the article must be published and open for comments. */
export async function submitComment(
  input: { articleId: string; parentId?: string; body: string; name: string; email: string; website?: string },
  meta: { ip?: string | null; userAgent?: string | null },
): Promise<{ id: string; status: 'PENDING' }> {
  const article = await db.article.findFirst({ where: { id: input.articleId, ...publishedOnly() }, select: { id: true, commentsOpen: true } });
  if (!article) throw new AppError('not_found', 'This article is not available for comments.');
  if (!article.commentsOpen) throw new AppError('forbidden', 'Comments are closed on this article.');
  if (input.parentId) {
    const parent = await db.comment.findFirst({ where: { id: input.parentId, articleId: article.id, status: 'APPROVED' }, select: { id: true } });
    if (!parent) throw new AppError('unprocessable', 'The comment you are replying to is no longer available.');
  }
  const comment = await db.comment.create({
    data: {
      articleId: article.id,
      parentId: input.parentId ?? null,
      body: input.body,
      authorName: input.name,
      authorEmail: input.email,
      authorUrl: input.website ?? null,
      ipHash: meta.ip ? hashIdentifier(meta.ip) : null,
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
      status: 'PENDING',
    },
    select: { id: true },
  });
  return { id: comment.id, status: 'PENDING' };
}

/** The moderation queue for one status, newest first; includes commenters' emails (staff only). */
export async function listCommentsForModeration(user: StaffUser, status: 'PENDING' | 'APPROVED' | 'SPAM' | 'TRASH' = 'PENDING', take = 50) {
  if (!hasRole(user.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins moderate comments.');
  return db.comment.findMany({
    where: { status },
    orderBy: { createdAt: 'desc' },
    take,
    select: {
      id: true,
      authorName: true,
      authorEmail: true,
      authorUrl: true,
      body: true,
      createdAt: true,
      status: true,
      article: { select: { title: true, slug: true } },
    },
  });
}

const STATUS_FOR: Record<ModerationAction, 'APPROVED' | 'SPAM' | 'TRASH'> = { approve: 'APPROVED', spam: 'SPAM', trash: 'TRASH' };

/** Approves, spams or trashes a comment; returns the public paths to refresh. */
export async function moderateComment(id: string, action: ModerationAction, user: StaffUser): Promise<{ paths: string[] }> {
  if (!hasRole(user.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins moderate comments.');
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id }, select: { id: true, status: true, article: { select: { slug: true } } } });
    if (!comment) throw new AppError('not_found', 'This comment no longer exists.');
    const status = STATUS_FOR[action];
    await tx.comment.update({ where: { id }, data: { status } });
    await recordAudit(tx, { actorId: user.id, action: `comment.${action}`, entityType: 'comment', entityId: id, data: { from: comment.status, to: status } });
    return { paths: [articlePath(comment.article.slug)] };
  });
}

/** Counts per moderation status, for the dashboard tabs. */
export async function countCommentsByStatus() {
  const rows = await db.comment.groupBy({ by: ['status'], _count: { _all: true } });
  const out = { PENDING: 0, APPROVED: 0, SPAM: 0, TRASH: 0 };
  for (const r of rows) out[r.status] = r._count._all;
  return out;
}
