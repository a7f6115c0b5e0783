import 'server-only';
import { recordAudit } from '@/lib/audit';
import { countWords, renderDocToHtml, type BodyDoc } from '@/lib/articles/body';
import { invalidateSite, pageTags } from '@/lib/cache';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getBodyImages } from '@/lib/media';
import { REDIRECTS_TAG } from '@/lib/redirects';
import { reindexArticles } from '@/lib/search';
import { freeSlug } from '@/lib/slug';

// Articles written by an import (lib/import). Unlike the editor's save, an import keeps the
// source's dates, bylines, slug and status; it is still one transaction per article with its
// revision and audit entry, and it refuses to overwrite an article changed since (version).
// Its public consequences (search index, caches, feeds, sitemaps) are refreshed once, when the
// import ends (refreshAfterImport), rather than per article. No webhook events: an archive
// arriving is not news.

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type ImportedArticle = {
  title: string;
  slug: string;
  standfirst: string;
  bodyJson: BodyDoc;
  status: 'DRAFT' | 'IN_REVIEW' | 'SCHEDULED' | 'PUBLISHED';
  publishedAt: Date | null;
  scheduledAt: Date | null;
  createdAt: Date | null;
  /** The source's last change (kept so feeds and the API say when the story last changed there). */
  updatedAt: Date | null;
  sectionId: string | null;
  tagIds: string[];
  /** Byline order. */
  authorIds: string[];
  heroImageId: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
  sticky: boolean;
  commentsOpen: boolean;
};

/** An imported article's columns (its HTML rendered with its images): shared by the one-by-one and the bulk writers. */
export function importedArticleContent(a: ImportedArticle, images: Awaited<ReturnType<typeof getBodyImages>>) {
  return {
    title: a.title,
    standfirst: a.standfirst,
    bodyJson: a.bodyJson,
    bodyHtml: renderDocToHtml(a.bodyJson, images),
    wordCount: countWords(a.bodyJson),
    status: a.status,
    publishedAt: a.publishedAt ?? (a.status === 'PUBLISHED' ? new Date() : null),
    scheduledAt: a.status === 'SCHEDULED' ? a.scheduledAt : null,
    sectionId: a.sectionId,
    heroImageId: a.heroImageId,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    canonicalUrl: a.canonicalUrl,
    sticky: a.sticky,
    commentsOpen: a.commentsOpen,
    ...(a.updatedAt ? { updatedAt: a.updatedAt } : {}),
  };
}

/**
 * Creates (no `id`) or updates an imported article inside `tx`. An update names the version
 * the import left it at; if an editor saved since, it throws a conflict and changes nothing.
 */
export async function writeImportedArticle(tx: Tx, a: ImportedArticle, opts: { id?: string; expectedVersion?: number; actorId: string }): Promise<{ id: string; slug: string; version: number }> {
  const content = importedArticleContent(a, await getBodyImages(a.bodyJson));
  let row: { id: string; slug: string; version: number };
  if (!opts.id) {
    row = await tx.article.create({
      data: {
        ...content,
        slug: await freeSlug(a.slug, async (slug) => !!(await tx.article.findUnique({ where: { slug }, select: { id: true } }))),
        ...(a.createdAt ? { createdAt: a.createdAt } : {}),
      },
      select: { id: true, slug: true, version: true },
    });
  } else {
    const updated = await tx.article.updateMany({ where: { id: opts.id, version: opts.expectedVersion }, data: { ...content, version: { increment: 1 } } });
    if (updated.count === 0) throw new AppError('conflict', 'This article was changed in Broadsheet since it was imported.');
    row = await tx.article.findUniqueOrThrow({ where: { id: opts.id }, select: { id: true, slug: true, version: true } });
    await tx.articleAuthor.deleteMany({ where: { articleId: row.id } });
    await tx.articleTag.deleteMany({ where: { articleId: row.id } });
  }
  const authorIds = [...new Set(a.authorIds)];
  if (authorIds.length) await tx.articleAuthor.createMany({ data: authorIds.map((userId, position) => ({ articleId: row.id, userId, position })) });
  const tagIds = [...new Set(a.tagIds)];
  if (tagIds.length) await tx.articleTag.createMany({ data: tagIds.map((tagId) => ({ articleId: row.id, tagId })) });
  await tx.articleRevision.create({
    data: { articleId: row.id, version: row.version, title: a.title, standfirst: a.standfirst, bodyJson: a.bodyJson, status: a.status, authorId: opts.actorId },
  });
  await recordAudit(tx, { actorId: opts.actorId, action: opts.id ? 'article.import-updated' : 'article.imported', entityType: 'article', entityId: row.id, summary: a.title });
  return row;
}

/** After an import: the search index follows the imported articles; every page, feed, sitemap and old-address answer refreshes. */
export async function refreshAfterImport(articleIds: string[]): Promise<void> {
  for (let i = 0; i < articleIds.length; i += 500) await reindexArticles(articleIds.slice(i, i + 500));
  // Every page (the layout's tag), so article pages already cached refresh too, without one tag per article.
  await invalidateSite(pageTags.latest, pageTags.front, REDIRECTS_TAG);
}
