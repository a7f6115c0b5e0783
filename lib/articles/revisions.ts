import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { bodyDocSchema, countWords, docToPlainText, renderDocToHtml } from '@/lib/articles/body';
import { diffParagraphs, diffWords, type DiffPart } from '@/lib/articles/diff';
import { invalidateArticle } from '@/lib/cache';
import { replaceSharedContent } from '@/lib/collab/shared';
import { db } from '@/lib/db';
import { getBodyImages } from '@/lib/media';
import { AppError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';

async function articleForStaff(articleId: string, user: StaffUser) {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, title: true, slug: true, status: true, version: true, authors: { select: { userId: true } } },
  });
  if (!article) throw new AppError('not_found', 'This article no longer exists.');
  if (!hasRole(user.role, 'EDITOR') && !article.authors.some((a) => a.userId === user.id)) {
    throw new AppError('forbidden', 'You can see the history of your own articles only.');
  }
  return article;
}

/** Every saved revision of an article, newest first, with who saved it. */
export async function listRevisions(articleId: string, user: StaffUser) {
  const article = await articleForStaff(articleId, user);
  const revisions = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: [{ version: 'desc' }, { createdAt: 'desc' }],
    select: { id: true, version: true, title: true, status: true, createdAt: true, contributors: true, author: { select: { name: true } } },
  });
  return { article, revisions };
}

export type RevisionComparison = { from: { id: string; version: number }; to: { id: string; version: number }; title: DiffPart[]; standfirst: DiffPart[]; body: DiffPart[][] };

const plainBody = (json: unknown) => {
  const doc = bodyDocSchema.safeParse(json);
  return doc.success ? docToPlainText(doc.data) : '';
};

/** A readable diff between two revisions of the same article. */
export async function compareRevisions(articleId: string, fromId: string, toId: string, user: StaffUser): Promise<RevisionComparison> {
  await articleForStaff(articleId, user);
  const rows = await db.articleRevision.findMany({
    where: { articleId, id: { in: [fromId, toId] } },
    select: { id: true, version: true, title: true, standfirst: true, bodyJson: true },
  });
  const from = rows.find((r) => r.id === fromId);
  const to = rows.find((r) => r.id === toId);
  if (!from || !to) throw new AppError('not_found', 'Choose two revisions of this article to compare.');
  return {
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    title: diffWords(from.title, to.title),
    standfirst: diffWords(from.standfirst, to.standfirst),
    body: diffParagraphs(plainBody(from.bodyJson), plainBody(to.bodyJson)),
  };
}

/**
 * Restores a revision's title, standfirst and body as a new version. Like any save it
 * names the version the user was looking at, so it never overwrites a newer change.
 */
export async function restoreRevision(articleId: string, revisionId: string, expectedVersion: number, user: StaffUser) {
  const article = await articleForStaff(articleId, user);
  if (!hasRole(user.role, 'EDITOR') && !['DRAFT', 'IN_REVIEW'].includes(article.status)) {
    throw new AppError('forbidden', 'This article is no longer a draft; ask an editor to restore it.');
  }
  const revision = await db.articleRevision.findFirst({ where: { id: revisionId, articleId }, select: { version: true, title: true, standfirst: true, bodyJson: true } });
  if (!revision) throw new AppError('not_found', 'That revision does not belong to this article.');
  const doc = bodyDocSchema.parse(revision.bodyJson);
  // Images deleted since render as nothing; the others keep their figures.
  const images = await getBodyImages(doc);
  await db.$transaction(async (tx) => {
    const updated = await tx.article.updateMany({
      where: { id: articleId, version: expectedVersion },
      data: { title: revision.title, standfirst: revision.standfirst, bodyJson: doc, bodyHtml: renderDocToHtml(doc, images), wordCount: countWords(doc), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError('conflict', 'The article changed since you opened its history. Reload the page and try again.');
    await tx.articleRevision.create({
      data: { articleId, version: expectedVersion + 1, title: revision.title, standfirst: revision.standfirst, bodyJson: doc, status: article.status, authorId: user.id },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'article.restored',
      entityType: 'article',
      entityId: articleId,
      summary: revision.title,
      data: { restoredVersion: revision.version, version: expectedVersion + 1 },
    });
  });
  if (article.status === 'PUBLISHED') await invalidateArticle(articleId);
  // Everyone co-editing the article sees the restored text at once.
  await replaceSharedContent(articleId, { title: revision.title, standfirst: revision.standfirst, bodyJson: doc });
  return { version: expectedVersion + 1 };
}
