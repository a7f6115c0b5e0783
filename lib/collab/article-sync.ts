import 'server-only';
import { countWords, renderDocToHtml } from '@/lib/articles/body';
import { db } from '@/lib/db';
import { getBodyImages } from '@/lib/media';
import type { SharedContent } from './content';
import { takeContributors } from './store';

const DRAFT_STATUSES = ['DRAFT', 'IN_REVIEW'];
const REVISION_EVERY_MS = Number(process.env.COLLAB_REVISION_MINUTES || 3) * 60_000;

/**
 * What autosave did, now done by the shared document: a draft's title, standfirst and body follow
 * the shared document (each change a new version, which clients that cannot co-edit meet with today's conflict check), and
 * every few minutes of typing a revision is recorded naming everyone who typed. Live and scheduled
 * articles change only on an explicit Update, as before.
 */
export async function syncArticleFromShared(articleId: string, content: SharedContent, now = new Date()): Promise<void> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { status: true, version: true, title: true, standfirst: true, bodyJson: true } });
  if (!article || !DRAFT_STATUSES.includes(article.status)) return;
  const title = content.title.trim() ? content.title : article.title;
  if (title === article.title && content.standfirst === article.standfirst && JSON.stringify(content.bodyJson) === JSON.stringify(article.bodyJson)) return;
  const images = await getBodyImages(content.bodyJson);
  const fields = { title, standfirst: content.standfirst, bodyJson: content.bodyJson, bodyHtml: renderDocToHtml(content.bodyJson, images), wordCount: countWords(content.bodyJson) };
  const shared = await db.collabDocument.findUnique({ where: { articleId }, select: { revisedAt: true, contributorIds: true } });
  const due = !!shared && now.getTime() - shared.revisedAt.getTime() >= REVISION_EVERY_MS && Array.isArray(shared.contributorIds) && shared.contributorIds.length > 0;
  if (!due) {
    // A new version, so that clients which cannot co-edit (the API) meet co-edited text as a conflict instead of overwriting it.
    await db.article.update({ where: { id: articleId }, data: { ...fields, version: { increment: 1 } } });
    return;
  }
  const firstId = (shared.contributorIds as string[])[0];
  const contributors = await takeContributors(articleId);
  await db.$transaction(async (tx) => {
    const updated = await tx.article.updateMany({ where: { id: articleId, version: article.version }, data: { ...fields, version: { increment: 1 } } });
    if (!updated.count) return;
    await tx.articleRevision.create({
      data: { articleId, version: article.version + 1, title, standfirst: content.standfirst, bodyJson: content.bodyJson, status: article.status, authorId: firstId ?? null, contributors },
    });
  });
}
