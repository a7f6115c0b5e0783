import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { articlePath } from '@/lib/articles/urls';
import { invalidateArticlePages } from '@/lib/cache';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hashIdentifier, identifierHashes } from '@/lib/hash';
import { outboxReference } from '@/lib/notifications';
import type { StaffUser } from '@/lib/users';

function requireAdmin(user: StaffUser) {
  if (!hasRole(user.role, 'ADMIN')) throw new AppError('forbidden', 'Only admins can export or erase a commenter’s data.');
}

const commentSelect = {
  id: true,
  parentId: true,
  authorName: true,
  authorEmail: true,
  authorUrl: true,
  body: true,
  status: true,
  userAgent: true,
  createdAt: true,
  updatedAt: true,
  article: { select: { title: true, slug: true } },
  reports: { select: { reason: true, createdAt: true, resolvedAt: true } },
} as const;

/** Everything stored about one commenter's email address, as a JSON-ready object (admins). */
export async function exportCommenterData(email: string, user: StaffUser) {
  requireAdmin(user);
  const address = email.trim().toLowerCase();
  const [comments, ban] = await Promise.all([
    db.comment.findMany({ where: { authorEmail: address }, orderBy: { createdAt: 'asc' }, select: commentSelect }),
    db.ban.findFirst({ where: { kind: 'EMAIL', valueHash: { in: identifierHashes(address) } }, orderBy: { createdAt: 'desc' }, select: { reason: true, expiresAt: true, createdAt: true } }),
  ]);
  await db.$transaction((tx) => recordAudit(tx, { actorId: user.id, action: 'commenter.export', entityType: 'commenter', entityId: hashIdentifier(address), data: { comments: comments.length } }));
  return {
    email: address,
    exportedAt: new Date().toISOString(),
    comments: comments.map(({ article, ...c }) => ({ ...c, article: { title: article.title, path: articlePath(article.slug) } })),
    ban,
    notes: 'IP addresses are stored only as keyed hashes and cannot be reversed; the hashed IP of each comment is therefore not included.',
  };
}

/**
 * Erases everything stored about one email address (admins): its comments (with their reports;
 * replies by others move up a level), notification mails quoting them, and the comment text kept
 * in audit entries. An email ban stays, stored only as a hash. Returns how many comments went.
 */
export async function eraseCommenterData(email: string, user: StaffUser): Promise<{ comments: number }> {
  requireAdmin(user);
  const address = email.trim().toLowerCase();
  const erased = await db.$transaction(async (tx) => {
    const comments = await tx.comment.findMany({ where: { authorEmail: address }, select: { id: true, status: true, articleId: true } });
    const ids = comments.map((c) => c.id);
    for (const c of comments) await tx.comment.updateMany({ where: { parentId: c.id, id: { notIn: ids } }, data: { parentId: null } });
    await tx.comment.deleteMany({ where: { id: { in: ids } } });
    for (const c of comments) await tx.outboxMessage.deleteMany({ where: { text: { contains: outboxReference(c.id) } } });
    if (ids.length) await tx.auditLog.updateMany({ where: { entityType: 'comment', entityId: { in: ids } }, data: { data: { erased: true }, summary: '' } });
    await recordAudit(tx, { actorId: user.id, action: 'commenter.erase', entityType: 'commenter', entityId: hashIdentifier(address), data: { comments: ids.length } });
    return { comments: ids.length, shownOn: comments.filter((c) => c.status === 'APPROVED').map((c) => c.articleId) };
  });
  // Pages showing an approved comment of theirs drop it.
  await invalidateArticlePages(erased.shownOn);
  return { comments: erased.comments };
}
