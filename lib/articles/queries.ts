import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';
import { publishedOnly } from '@/lib/articles/access';

const cardSelect = {
  id: true,
  slug: true,
  title: true,
  standfirst: true,
  publishedAt: true,
  section: { select: { name: true, slug: true } },
  authors: { orderBy: { position: 'asc' }, select: { user: { select: { name: true, slug: true } } } },
  _count: { select: { comments: { where: { status: 'APPROVED' } } } },
} as const;

export type ArticleCard = {
  id: string;
  slug: string;
  title: string;
  standfirst: string;
  publishedAt: Date;
  section: { name: string; slug: string } | null;
  authors: { name: string; slug: string }[];
  /** Approved comments, shown on cards. */
  commentCount: number;
};

type CardRow = {
  id: string;
  slug: string;
  title: string;
  standfirst: string;
  publishedAt: Date | null;
  section: { name: string; slug: string } | null;
  authors: { user: { name: string; slug: string } }[];
  _count: { comments: number };
};

function toCard({ _count, ...row }: CardRow): ArticleCard {
  return { ...row, publishedAt: row.publishedAt ?? new Date(0), authors: row.authors.map((a) => a.user), commentCount: _count.comments };
}

/** A published article for its public page; shared by generateMetadata and the page through cache(). */
export const getPublishedArticleBySlug = cache(async (slug: string) => {
  const row = await db.article.findFirst({
    where: { slug, ...publishedOnly() },
    select: {
      ...cardSelect,
      bodyHtml: true,
      bodyJson: true,
      canonicalUrl: true,
      updatedAt: true,
      commentsOpen: true,
      seoTitle: true,
      seoDescription: true,
      socialImage: { select: { storageKey: true, alt: true, width: true, height: true } },
      sectionId: true,
      heroImageId: true,
      socialImageId: true,
      tags: { select: { tag: { select: { id: true, name: true, slug: true } } } },
      authors: { orderBy: { position: 'asc' }, select: { user: { select: { name: true, slug: true, bio: true } } } },
    },
  });
  if (!row) return null;
  return { ...row, publishedAt: row.publishedAt ?? row.updatedAt, authors: row.authors.map((a) => a.user), tags: row.tags.map((t) => t.tag) };
});
export type PublicArticle = NonNullable<Awaited<ReturnType<typeof getPublishedArticleBySlug>>>;

/** Newest published articles, optionally leaving one out (the article being read). */
export async function listLatestArticles({ take = 5, excludeId }: { take?: number; excludeId?: string } = {}): Promise<ArticleCard[]> {
  const rows = await db.article.findMany({
    where: { ...publishedOnly(), ...(excludeId ? { id: { not: excludeId } } : {}) },
    orderBy: { publishedAt: 'desc' },
    take,
    select: cardSelect,
  });
  return rows.map(toCard);
}

/**
 * Related articles: those an editor pinned, in their order, then those sharing the most tags,
 * then the same section, newest first; never the article itself, never one twice, only published.
 */
export async function listRelatedArticles(article: { id: string; sectionId: string | null; tags: { id: string }[] }, take = 4): Promise<ArticleCard[]> {
  const pinnedRows = await db.articleRelation.findMany({
    where: { articleId: article.id, relatedId: { not: article.id }, related: publishedOnly() },
    orderBy: { position: 'asc' },
    take,
    select: { related: { select: cardSelect } },
  });
  const pinned = pinnedRows.map((r) => toCard(r.related));
  if (pinned.length >= take) return pinned;
  const skip = new Set([article.id, ...pinned.map((p) => p.id)]);
  const tagIds = article.tags.map((t) => t.id);
  if (!tagIds.length && !article.sectionId) return pinned;
  const candidates = await db.article.findMany({
    where: {
      ...publishedOnly(),
      id: { notIn: [...skip] },
      OR: [...(tagIds.length ? [{ tags: { some: { tagId: { in: tagIds } } } }] : []), ...(article.sectionId ? [{ sectionId: article.sectionId }] : [])],
    },
    orderBy: { publishedAt: 'desc' },
    take: 50,
    select: { ...cardSelect, sectionId: true, tags: { select: { tagId: true } } },
  });
  const now = Date.now();
  const score = (c: (typeof candidates)[number]) => {
    const shared = c.tags.filter((t) => tagIds.includes(t.tagId)).length;
    const sameSection = c.sectionId === article.sectionId ? 1 : 0;
    const ageDays = (now - (c.publishedAt?.getTime() ?? 0)) / 86_400_000;
    return (shared * 2 + sameSection) / (1 + ageDays / 30);
  };
  const computed = candidates
    .map((c) => ({ c, s: score(c) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, take - pinned.length)
    .map(({ c }) => toCard(c));
  return [...pinned, ...computed];
}

type PageOf<T> = { articles: T[]; total: number; pages: number };

async function listPublishedPage(filter: Record<string, unknown>, page: number, perPage: number): Promise<PageOf<ArticleCard>> {
  const where = { ...publishedOnly(), ...filter };
  const [rows, total] = await Promise.all([
    db.article.findMany({ where, orderBy: { publishedAt: 'desc' }, skip: (page - 1) * perPage, take: perPage, select: cardSelect }),
    db.article.count({ where }),
  ]);
  return { articles: rows.map(toCard), total, pages: Math.max(1, Math.ceil(total / perPage)) };
}

/** Published articles of one section, newest first, with a page count. */
export async function listSectionArticles(sectionId: string, page = 1, perPage = 12) {
  return listPublishedPage({ sectionId }, page, perPage);
}

/** Published articles carrying one tag, newest first, with a page count. */
export async function listTagArticles(tagId: string, page = 1, perPage = 12) {
  return listPublishedPage({ tags: { some: { tagId } } }, page, perPage);
}

/** Published articles with this person in the byline, newest first, with a page count. */
export async function listAuthorArticles(userId: string, page = 1, perPage = 12) {
  return listPublishedPage({ authors: { some: { userId } } }, page, perPage);
}

/** Every published article's path and last change, newest first, for the sitemap. */
export async function listArticlesForSitemap(take = 50_000) {
  return db.article.findMany({ where: publishedOnly(), orderBy: { publishedAt: 'desc' }, take, select: { slug: true, updatedAt: true, publishedAt: true } });
}
