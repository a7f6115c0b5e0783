import 'server-only';
import { afterCursor, encodeCursor, encodeRankCursor, orderByOf, type CursorValue, type ListOrder } from '@/lib/api/cursor';
import type { ArticleListResponse, ArticleResponse, BodyNode } from '@/lib/api/schemas';
import { publishedOnly } from '@/lib/articles/access';
import { articlePath } from '@/lib/articles/urls';
import { listArticleCorrections } from '@/lib/corrections';
import { db } from '@/lib/db';
import { listLiveUpdates } from '@/lib/live-coverage';
import { AppError } from '@/lib/errors';
import { searchArticleIds } from '@/lib/search';
import { LIST_ORDERS, type ArticleField, type ArticleInclude, type ArticleQuery, type ListArticlesQuery, type PageQuery } from '@/lib/validation/api';

// The content API's reads. Everything here goes through publishedOnly(): drafts, scheduled
// and archived articles, and anything only reachable through them, never leave this module.

type Include = ReadonlySet<ArticleInclude> | undefined;
type Fields = ReadonlySet<ArticleField> | undefined;

/** Columns every article read needs (for fields, sort keys and cursors); related objects only when included, as they cost joins. */
function articleSelect(include: Include, full: boolean) {
  return {
    id: true,
    slug: true,
    title: true,
    standfirst: true,
    publishedAt: true,
    updatedAt: true,
    ...(include?.has('section') ? { section: { select: { name: true, slug: true } } } : {}),
    ...(include?.has('tags') ? { tags: { orderBy: { tag: { name: 'asc' as const } }, select: { tag: { select: { name: true, slug: true } } } } } : {}),
    ...(include?.has('authors') ? { authors: { orderBy: { position: 'asc' as const }, select: { user: { select: { name: true, slug: true, ...(full ? { bio: true } : {}) } } } } } : {}),
  } as const;
}

type ArticleRow = {
  id: string;
  slug: string;
  title: string;
  standfirst: string;
  publishedAt: Date | null;
  updatedAt: Date;
  section?: { name: string; slug: string } | null;
  tags?: { tag: { name: string; slug: string } }[];
  authors?: { user: { name: string; slug: string; bio?: string | null } }[];
};

/** The API's view of an article row: the requested fields (all by default; id always) plus included objects. */
function toApiArticle(row: ArticleRow, fields: Fields, include: Include, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id: row.id,
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    url: articlePath(row.slug),
    // publishedOnly() guarantees publishedAt; the fallback only satisfies the type.
    publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...extra,
  };
  const out: Record<string, unknown> = fields ? Object.fromEntries(Object.entries(all).filter(([k]) => k === 'id' || fields.has(k as ArticleField))) : all;
  if (include?.has('section')) out.section = row.section ? { name: row.section.name, slug: row.section.slug } : null;
  if (include?.has('tags')) out.tags = (row.tags ?? []).map(({ tag }) => ({ name: tag.name, slug: tag.slug }));
  if (include?.has('authors'))
    out.authors = (row.authors ?? []).map(({ user }) => ('bio' in user ? { name: user.name, slug: user.slug, bio: user.bio ?? null } : { name: user.name, slug: user.slug }));
  return out;
}

/** The most results a ranked (q=) list pages through, as on the site's search page. */
const RANKED_LIST_MAX = 1000;

/** One page of rows fetched with limit + 1, and the cursor of the next page. */
export function paginate<T extends Record<string, unknown>>(rows: T[], limit: number, order: ListOrder) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, meta: { limit, next: rows.length > limit && last ? encodeCursor(order, last) : null } };
}

export const keyset = (order: ListOrder, after: CursorValue[] | undefined) => (after ? afterCursor(order, after) : {});

/** A page of published articles in the requested order (newest first by default), with the cursor of the next page. */
export async function listPublishedArticles(query: ListArticlesQuery, now = new Date()): Promise<ArticleListResponse> {
  const { limit, order, after, include, fields } = query;
  const filters = [
    publishedOnly(now),
    query.section ? { section: { slug: query.section } } : {},
    query.tag ? { tags: { some: { tag: { slug: query.tag } } } } : {},
    query.author ? { authors: { some: { user: { slug: query.author } } } } : {},
    query.published_before ? { publishedAt: { lt: query.published_before } } : {},
    query.published_after ? { publishedAt: { gt: query.published_after } } : {},
  ];
  if (query.q) {
    // The site's full-text search (lib/search): ranked ids first, then the other filters on those.
    const ids = await searchArticleIds(query.q, { take: RANKED_LIST_MAX });
    const found = ids.length ? await db.article.findMany({ where: { AND: [...filters, { id: { in: ids } }] }, select: articleSelect(include, false) }) : [];
    const position = new Map(ids.map((id, i) => [id, i]));
    found.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    const offset = query.offset ?? 0;
    const page = found.slice(offset, offset + limit);
    const next = found.length > offset + limit ? encodeRankCursor({ offset: offset + limit }) : null;
    return { data: page.map((r) => toApiArticle(r as unknown as ArticleRow, fields, include) as ArticleListResponse['data'][number]), meta: { limit, next } };
  }
  const rows = await db.article.findMany({
    where: {
      AND: [
        ...filters,
        // Keyset pagination: stable while articles are published between pages, unlike offsets.
        keyset(order, after),
      ],
    },
    // id ends every order, so articles with equal sort keys are neither repeated nor skipped.
    orderBy: orderByOf(order),
    take: limit + 1,
    select: articleSelect(include, false),
  });
  const { page, meta } = paginate(rows, limit, order);
  // The select is built per request, which Prisma's result type cannot follow: ArticleRow states what it holds.
  return { data: page.map((r) => toApiArticle(r as unknown as ArticleRow, fields, include) as ArticleListResponse['data'][number]), meta };
}

/** The published article with this id or slug, or a not_found AppError. */
export async function getPublishedArticle(idOrSlug: string, query: ArticleQuery = {}): Promise<ArticleResponse> {
  const { fields, include } = query;
  const wants = (f: ArticleField) => !fields || fields.has(f);
  const row = await db.article.findFirst({
    where: { AND: [publishedOnly(), { OR: [{ id: idOrSlug }, { slug: idOrSlug }] }] },
    select: { ...articleSelect(include, true), wordCount: true, commentsOpen: true, bodyHtml: wants('body'), bodyJson: wants('body') },
  });
  if (!row) throw new AppError('not_found', 'No published article has this id or slug.');
  const extra: Record<string, unknown> = { wordCount: row.wordCount, commentsOpen: row.commentsOpen };
  // Stored only after bodyDocSchema (lib/articles/body.ts) accepted it.
  if (wants('body')) extra.body = { html: row.bodyHtml, json: row.bodyJson as { type: 'doc'; content: BodyNode[] } };
  if (wants('corrections'))
    extra.corrections = (await listArticleCorrections(row.id)).map((n) => ({
      id: n.id,
      kind: n.kind,
      note: n.note,
      createdAt: n.createdAt.toISOString(),
      withdrawnAt: n.withdrawnAt?.toISOString() ?? null,
    }));
  return { data: toApiArticle(row as unknown as ArticleRow, fields, include, extra) as ArticleResponse['data'] };
}

/** Approved comments of a published article, oldest first, without commenters' emails, IPs or websites. */
export async function listPublishedArticleComments(idOrSlug: string, query: PageQuery = { limit: 100, order: LIST_ORDERS.comments }) {
  const article = await db.article.findFirst({ where: { AND: [publishedOnly(), { OR: [{ id: idOrSlug }, { slug: idOrSlug }] }] }, select: { id: true } });
  if (!article) throw new AppError('not_found', 'No published article has this id or slug.');
  const rows = await db.comment.findMany({
    where: { AND: [{ articleId: article.id, status: 'APPROVED' }, keyset(query.order, query.after)] },
    orderBy: orderByOf(query.order),
    take: query.limit + 1,
    select: { id: true, parentId: true, authorName: true, body: true, createdAt: true },
  });
  const { page, meta } = paginate(rows, query.limit, query.order);
  return { data: page.map((c) => ({ id: c.id, parentId: c.parentId, authorName: c.authorName, body: c.body, createdAt: c.createdAt.toISOString() })), meta };
}

const firstPage = (order: ListOrder): PageQuery => ({ limit: 100, order });

/** Sections in navigation order. */
export async function listApiSections(query: PageQuery = firstPage(LIST_ORDERS.sections)) {
  const rows = await db.section.findMany({
    where: keyset(query.order, query.after),
    orderBy: orderByOf(query.order),
    take: query.limit + 1,
    select: { id: true, position: true, name: true, slug: true, description: true },
  });
  const { page, meta } = paginate(rows, query.limit, query.order);
  return { data: page.map(({ name, slug, description }) => ({ name, slug, description })), meta };
}

/** Tags of at least one published article: a tag made only for an unpublished scoop would give it away. */
export async function listApiTags(query: PageQuery = firstPage(LIST_ORDERS.tags), now = new Date()) {
  const rows = await db.tag.findMany({
    where: { AND: [{ articles: { some: { article: publishedOnly(now) } } }, keyset(query.order, query.after)] },
    orderBy: orderByOf(query.order),
    take: query.limit + 1,
    select: { id: true, name: true, slug: true, description: true },
  });
  const { page, meta } = paginate(rows, query.limit, query.order);
  return { data: page.map(({ name, slug, description }) => ({ name, slug, description })), meta };
}

/** People with a byline on a published article; other staff accounts stay private. Never emails. */
export async function listApiAuthors(query: PageQuery = firstPage(LIST_ORDERS.authors), now = new Date()) {
  const rows = await db.user.findMany({
    where: { AND: [{ bylines: { some: { article: publishedOnly(now) } } }, keyset(query.order, query.after)] },
    orderBy: orderByOf(query.order),
    take: query.limit + 1,
    select: { id: true, name: true, slug: true, bio: true },
  });
  const { page, meta } = paginate(rows, query.limit, query.order);
  return { data: page.map(({ name, slug, bio }) => ({ name, slug, bio })), meta };
}

/** A published article's live coverage and updates (pinned first, then newest first), without editing details. */
export async function listPublishedLiveUpdates(idOrSlug: string) {
  const article = await db.article.findFirst({ where: { AND: [publishedOnly(), { OR: [{ id: idOrSlug }, { slug: idOrSlug }] }] }, select: { id: true } });
  if (!article) throw new AppError('not_found', 'No published article has this id or slug.');
  const { coverage, updates } = await listLiveUpdates(article.id);
  return {
    data: {
      coverage,
      updates: updates.map((u) => ({ id: u.id, headline: u.headline, html: u.html, keyEvent: u.keyEvent, pinned: u.pinned, createdAt: u.createdAt, updatedAt: u.updatedAt, author: u.author })),
    },
  };
}
