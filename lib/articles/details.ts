import 'server-only';
import { publishedOnly } from '@/lib/articles/access';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { articleRefs, invalidateArticle } from '@/lib/cache';
import { db } from '@/lib/db';
import { getStorage } from '@/lib/media/driver';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { formatDateTime, getSite } from '@/lib/site';
import type { StaffUser } from '@/lib/users';
import type { ArticleDetails } from '@/lib/validation/articles';

const WRITER_EDITABLE = ['DRAFT', 'IN_REVIEW'];

/** Where readers fetch a stored image (the configured media storage: local /media/… or S3). */
export const mediaPath = (storageKey: string) => getStorage().url(storageKey);

/** What the Details panel shows, as both its first load and a refused save's comparison read it. */
const detailsSelect = {
  detailsVersion: true,
  commentsOpen: true,
  seoTitle: true,
  seoDescription: true,
  canonicalUrl: true,
  socialImageId: true,
  authors: { orderBy: { position: 'asc' }, select: { user: { select: { id: true, name: true } } } },
  pinnedRelated: { orderBy: { position: 'asc' }, select: { related: { select: { id: true, title: true } } } },
} as const;

/** Editors open any article; writers only those with them in the byline. */
function checkMayOpen(article: { authors: { user: { id: string } }[] }, user: StaffUser) {
  if (!hasRole(user.role, 'EDITOR') && !article.authors.some((a) => a.user.id === user.id)) throw new AppError('forbidden', 'You can open only your own articles.');
}

/** The "Details" panel's current values and choices, for anyone who may open the article. */
export async function getArticleDetailsForEdit(id: string, user: StaffUser) {
  const article = await db.article.findUnique({
    where: { id },
    select: { id: true, title: true, slug: true, standfirst: true, status: true, ...detailsSelect },
  });
  if (!article) return null;
  checkMayOpen(article, user);
  const [staff, media] = await Promise.all([
    db.user.findMany({ where: { deactivatedAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.media.findMany({ where: { mimeType: { startsWith: 'image/' }, status: 'READY' }, orderBy: { createdAt: 'desc' }, take: 100, select: { id: true, filename: true, alt: true, storageKey: true } }),
  ]);
  return {
    article: { ...article, authors: article.authors.map((a) => a.user), pinnedRelated: article.pinnedRelated.map((r) => r.related) },
    staff,
    media: media.map((m) => ({ id: m.id, label: m.alt ? `${m.alt} (${m.filename})` : m.filename, url: mediaPath(m.storageKey) })),
  };
}

/** The "Details" values as saved now, for a panel whose save was refused because they changed. */
export type ArticleDetailsSnapshot = {
  detailsVersion: number;
  commentsOpen: boolean;
  seoTitle: string;
  seoDescription: string;
  canonicalUrl: string;
  socialImageId: string;
  authors: { id: string; label: string }[];
  related: { id: string; label: string }[];
  /** Who saved these details last and when (ISO), from the audit log; null when nobody has yet. */
  changedBy: string | null;
  changedAt: string | null;
};

/** The last details save of an article, as the audit log recorded it. */
async function lastDetailsChange(id: string) {
  const entry = await db.auditLog.findFirst({
    where: { entityType: 'article', entityId: id, action: 'article.details_updated' },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true, actor: { select: { name: true } } },
  });
  return entry ? { by: entry.actor?.name ?? 'A former colleague', at: entry.createdAt } : null;
}

/** The article's details as saved now, with who changed them last; same access rule as opening the article. */
export async function getArticleDetailsSnapshot(id: string, user: StaffUser): Promise<ArticleDetailsSnapshot | null> {
  const article = await db.article.findUnique({
    where: { id },
    select: detailsSelect,
  });
  if (!article) return null;
  checkMayOpen(article, user);
  const change = await lastDetailsChange(id);
  return {
    detailsVersion: article.detailsVersion,
    commentsOpen: article.commentsOpen,
    seoTitle: article.seoTitle ?? '',
    seoDescription: article.seoDescription ?? '',
    canonicalUrl: article.canonicalUrl ?? '',
    socialImageId: article.socialImageId ?? '',
    authors: article.authors.map((a) => ({ id: a.user.id, label: a.user.name })),
    related: article.pinnedRelated.map((r) => ({ id: r.related.id, label: r.related.title })),
    changedBy: change?.by ?? null,
    changedAt: change?.at.toISOString() ?? null,
  };
}

/** Thrown inside the save's transaction; turned into a worded conflict once the transaction is over. */
class StaleDetails extends Error {}

async function detailsConflict(id: string): Promise<AppError> {
  const [change, { timeZone }] = await Promise.all([lastDetailsChange(id), getSite()]);
  const who = change ? `${change.by} changed these details on ${formatDateTime(change.at, timeZone)} (${timeZone} time)` : 'Someone else changed these details';
  return new AppError('conflict', `${who}, after you opened them. Nothing was saved. Compare their details with yours, then use theirs or keep yours.`);
}

/** Published articles whose title contains `q`, for the related-articles picker. */
export async function searchPublishedArticles(q: string, excludeId: string, take = 8): Promise<{ id: string; title: string }[]> {
  const term = q.trim();
  if (!term) return [];
  const contains = env.DATABASE_PROVIDER === 'postgresql' ? { contains: term, mode: 'insensitive' as const } : { contains: term };
  return db.article.findMany({ where: { ...publishedOnly(), id: { not: excludeId }, title: contains }, orderBy: { publishedAt: 'desc' }, take, select: { id: true, title: true } });
}

/**
 * Saves the byline (in order), comments switch, SEO fields and pinned related articles.
 * Editors change any article; writers their own drafts, keeping themselves in the byline
 * (else they would lock themselves out) and leaving pinned related articles to editors.
 * The save names the details version it started from (`data.detailsVersion`); if anyone
 * saved the details since, it is refused with a conflict naming them, and nothing changes.
 * Details have their own version, so a details save never makes a body save stale.
 */
export async function updateArticleDetails(id: string, data: ArticleDetails, user: StaffUser): Promise<{ detailsVersion: number }> {
  if (!hasRole(user.role, 'CONTRIBUTOR')) throw new AppError('forbidden', 'Your role does not allow changing articles.');
  const isEditor = hasRole(user.role, 'EDITOR');
  const before = await articleRefs(id);
  const result = await db
    .$transaction(async (tx) => {
      const current = await tx.article.findUnique({
        where: { id },
        select: {
          id: true,
          title: true,
          slug: true,
          status: true,
          detailsVersion: true,
          authors: { orderBy: { position: 'asc' }, select: { userId: true } },
          pinnedRelated: { orderBy: { position: 'asc' }, select: { relatedId: true } },
        },
      });
      if (!current) throw new AppError('not_found', 'This article no longer exists. It may have been deleted.');
      // Before any other check: a writer whose pinned list is stale must see who changed it, not "only editors can pin".
      if (current.detailsVersion !== data.detailsVersion) throw new StaleDetails();
      const currentRelated = current.pinnedRelated.map((r) => r.relatedId);
      if (!isEditor) {
        if (!current.authors.some((a) => a.userId === user.id)) throw new AppError('forbidden', 'You can change only your own articles.');
        if (!WRITER_EDITABLE.includes(current.status)) throw new AppError('forbidden', 'This article is no longer a draft; ask an editor to change it.');
        if (!data.authorIds.includes(user.id))
          throw new AppError('unprocessable', 'Keep yourself in the byline; ask an editor to hand the article over.', {
            authorIds: ['Keep yourself in the byline; ask an editor to hand the article over.'],
          });
        if (data.relatedIds.join() !== currentRelated.join()) throw new AppError('forbidden', 'Only editors can pin related articles.');
      }
      const authors = await tx.user.findMany({ where: { id: { in: data.authorIds }, deactivatedAt: null }, select: { id: true, slug: true } });
      if (authors.length !== data.authorIds.length) throw new AppError('unprocessable', 'Choose authors from the list.', { authorIds: ['Choose authors from the list.'] });
      if (data.relatedIds.includes(id)) throw new AppError('unprocessable', 'An article cannot be related to itself.', { relatedIds: ['An article cannot be related to itself.'] });
      if (data.relatedIds.length) {
        const found = await tx.article.count({ where: { id: { in: data.relatedIds }, ...publishedOnly() } });
        if (found !== data.relatedIds.length) throw new AppError('unprocessable', 'Pin only published articles.', { relatedIds: ['Pin only published articles; one of them is no longer published.'] });
      }
      // Only a processed image: one still processing has no files a page may show yet.
      if (data.socialImageId && !(await tx.media.findFirst({ where: { id: data.socialImageId, status: 'READY' }, select: { id: true } }))) {
        throw new AppError('unprocessable', 'Choose a social image from the list.', { socialImageId: ['Choose a social image from the list.'] });
      }

      // Guarded by the version as well: a save that committed after the read above still wins the race only once.
      const updated = await tx.article.updateMany({
        where: { id, detailsVersion: data.detailsVersion },
        data: {
          commentsOpen: data.commentsOpen,
          seoTitle: data.seoTitle,
          seoDescription: data.seoDescription,
          canonicalUrl: data.canonicalUrl,
          socialImageId: data.socialImageId,
          detailsVersion: { increment: 1 },
        },
      });
      if (updated.count === 0) throw new StaleDetails();
      const detailsVersion = data.detailsVersion + 1;
      await tx.articleAuthor.deleteMany({ where: { articleId: id } });
      await tx.articleAuthor.createMany({ data: data.authorIds.map((userId, position) => ({ articleId: id, userId, position })) });
      if (isEditor) {
        await tx.articleRelation.deleteMany({ where: { articleId: id } });
        if (data.relatedIds.length) await tx.articleRelation.createMany({ data: data.relatedIds.map((relatedId, position) => ({ articleId: id, relatedId, position })) });
      }
      await recordAudit(tx, {
        actorId: user.id,
        action: 'article.details_updated',
        entityType: 'article',
        entityId: id,
        summary: current.title,
        data: {
          authorIds: data.authorIds,
          commentsOpen: data.commentsOpen,
          seoTitle: data.seoTitle,
          canonicalUrl: data.canonicalUrl,
          socialImageId: data.socialImageId,
          relatedIds: data.relatedIds,
          detailsVersion,
        },
      });
      return { detailsVersion, published: current.status === 'PUBLISHED' };
    })
    .catch(async (e: unknown) => {
      // The transaction is over (rolled back): now say who changed the details, and when.
      throw e instanceof StaleDetails ? await detailsConflict(id) : e;
    });
  // Bylines, SEO tags, comments open/closed and pinned related articles all show on cached pages;
  // bylines show on cards (home, section, tag, author pages), so old and new authors' pages both change.
  if (result.published) await invalidateArticle(id, { before: before ?? undefined });
  return { detailsVersion: result.detailsVersion };
}
