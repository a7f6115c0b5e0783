import 'server-only';
import { encodeCursor, encodeRankCursor } from '@/lib/api/cursor';
import type { ArticleListResponse, ArticleResponse, ArticleSummary, BodyNode } from '@/lib/api/schemas';
import { publishedOnly } from '@/lib/articles/access';
import { articlePath } from '@/lib/articles/urls';
import { listApprovedComments } from '@/lib/comments';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { searchArticleIds } from '@/lib/search';
import type { ListArticlesQuery } from '@/lib/validation/api';

// The content API's reads. Everything here goes through publishedOnly(): drafts, scheduled
// and archived articles, and anything only reachable through them, never leave this module.

const summarySelect = {
  id: true,
  slug: true,
  title: true,
  standfirst: true,
  publishedAt: true,
  updatedAt: true,
  section: { select: { name: true, slug: true } },
  tags: { orderBy: { tag: { name: 'asc' } }, select: { tag: { select: { name: true, slug: true } } } },
  authors: { orderBy: { position: 'asc' }, select: { user: { select: { name: true, slug: true } } } },
} as const;

type SummaryRow = {
  id: string;
  slug: string;
  title: string;
  standfirst: string;
  publishedAt: Date | null;
  updatedAt: Date;
  section: { name: string; slug: string } | null;
  tags: { tag: { name: string; slug: string } }[];
};

function toSummary(row: SummaryRow & { authors: { user: { name: string; slug: string } }[] }): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    url: articlePath(row.slug),
    // publishedOnly() guarantees publishedAt; the fallback only satisfies the type.
    publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    section: row.section ? { name: row.section.name, slug: row.section.slug } : null,
    tags: row.tags.map(({ tag }) => ({ name: tag.name, slug: tag.slug })),
    authors: row.authors.map(({ user }) => ({ name: user.name, slug: user.slug })),
  };
}

/** How many of the best full-text matches a q= list covers. */
export const RANKED_LIST_MAX = 1000;

/** A page of published articles, newest first (or best match first with q), with the cursor of the next page. */
export async function listPublishedArticles(query: ListArticlesQuery, now = new Date()): Promise<ArticleListResponse> {
  const { cursor, limit } = query;
  const filters = [
    publishedOnly(now),
    query.section ? { section: { slug: query.section } } : {},
    query.tag ? { tags: { some: { tag: { slug: query.tag } } } } : {},
    query.author ? { authors: { some: { user: { slug: query.author } } } } : {},
    query.published_before ? { publishedAt: { lt: query.published_before } } : {},
    query.published_after ? { publishedAt: { gt: query.published_after } } : {},
  ];
  const ranked = cursor && 'offset' in cursor;
  if (query.q || ranked) {
    if (!query.q || (cursor && !ranked)) throw new AppError('bad_request', 'This cursor belongs to a different list: pass meta.next with the same q and filters as the page it came from.');
    // The same search as the site's /search page: ranked ids first, then the other filters on those.
    const ids = await searchArticleIds(query.q, { take: RANKED_LIST_MAX });
    const rows = ids.length ? await db.article.findMany({ where: { AND: [...filters, { id: { in: ids } }] }, select: summarySelect }) : [];
    const position = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    const offset = cursor && 'offset' in cursor ? cursor.offset : 0;
    const page = rows.slice(offset, offset + limit);
    const next = rows.length > offset + limit ? encodeRankCursor({ offset: offset + limit }) : null;
    return { data: page.map(toSummary), meta: { limit, next } };
  }
  const rows = await db.article.findMany({
    where: {
      AND: [
        ...filters,
        // Keyset pagination: stable while articles are published between pages, unlike offsets.
        cursor ? { OR: [{ publishedAt: { lt: cursor.publishedAt } }, { publishedAt: cursor.publishedAt, id: { lt: cursor.id } }] } : {},
      ],
    },
    // id breaks ties, so articles published in the same millisecond are neither repeated nor skipped.
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: summarySelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last?.publishedAt ? encodeCursor({ publishedAt: last.publishedAt, id: last.id }) : null;
  return { data: page.map(toSummary), meta: { limit, next } };
}

/** The published article with this id or slug, or a not_found AppError. */
export async function getPublishedArticle(idOrSlug: string): Promise<ArticleResponse> {
  const row = await db.article.findFirst({
    where: { AND: [publishedOnly(), { OR: [{ id: idOrSlug }, { slug: idOrSlug }] }] },
    select: {
      ...summarySelect,
      authors: { orderBy: { position: 'asc' }, select: { user: { select: { name: true, slug: true, bio: true } } } },
      wordCount: true,
      commentsOpen: true,
      bodyHtml: true,
      bodyJson: true,
    },
  });
  if (!row) throw new AppError('not_found', 'No published article has this id or slug.');
  return {
    data: {
      ...toSummary({ ...row, authors: [] }),
      authors: row.authors.map(({ user }) => ({ name: user.name, slug: user.slug, bio: user.bio })),
      wordCount: row.wordCount,
      commentsOpen: row.commentsOpen,
      // Stored only after bodyDocSchema (lib/articles/body.ts) accepted it.
      body: { html: row.bodyHtml, json: row.bodyJson as { type: 'doc'; content: BodyNode[] } },
    },
  };
}

/** Approved comments of a published article, oldest first, without commenters' emails, IPs or websites. */
export async function listPublishedArticleComments(idOrSlug: string) {
  const article = await db.article.findFirst({ where: { AND: [publishedOnly(), { OR: [{ id: idOrSlug }, { slug: idOrSlug }] }] }, select: { id: true } });
  if (!article) throw new AppError('not_found', 'No published article has this id or slug.');
  const comments = await listApprovedComments(article.id);
  return { data: comments.map((c) => ({ id: c.id, parentId: c.parentId, authorName: c.authorName, body: c.body, createdAt: c.createdAt.toISOString() })) };
}

/** Every section, in navigation order. */
export async function listApiSections() {
  const rows = await db.section.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { name: true, slug: true, description: true } });
  return { data: rows };
}

/** Tags of at least one published article: a tag made only for an unpublished scoop would give it away. */
export async function listApiTags(now = new Date()) {
  const rows = await db.tag.findMany({
    where: { articles: { some: { article: publishedOnly(now) } } },
    orderBy: { name: 'asc' },
    select: { name: true, slug: true, description: true },
  });
  return { data: rows };
}

/** People with a byline on a published article; other staff accounts stay private. Never emails. */
export async function listApiAuthors(now = new Date()) {
  const rows = await db.user.findMany({
    where: { bylines: { some: { article: publishedOnly(now) } } },
    orderBy: [{ name: 'asc' }, { slug: 'asc' }],
    select: { name: true, slug: true, bio: true },
  });
  return { data: rows };
}
