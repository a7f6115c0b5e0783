// Query parameters of the content API (/api/v1). The same schemas validate requests in
// lib/api/handler.ts and describe the parameters in the OpenAPI document (lib/api/openapi.ts).
import { z } from 'zod';
import { decodeCursor, decodeRankCursor, type CursorValue, type ListOrder } from '@/lib/api/cursor';

const slugParam = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `Use the ${what}'s slug: lowercase letters, digits and hyphens.`)
    .describe(`Only articles with this ${what} (slug).`);

const isoDateParam = (description: string) =>
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'Use an ISO 8601 date or date-time, e.g. 2026-11-29 or 2026-11-29T12:00:00Z.' })
    .transform((v) => new Date(v))
    .describe(description);

/** A comma-separated list of names from `allowed`, e.g. fields=id,slug,title; unknown names are an error naming them. */
function listParam<T extends string>(allowed: readonly T[], what: string, description: string) {
  return z
    .string()
    .max(500)
    .transform((v, ctx) => {
      const names = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = names.filter((n) => !(allowed as readonly string[]).includes(n));
      if (unknown.length) {
        ctx.addIssue({ code: 'custom', message: `Unknown ${what} ${unknown.map((u) => `"${u}"`).join(', ')}. Choose from: ${allowed.join(', ')}.` });
        return z.NEVER;
      }
      return new Set(names as T[]);
    })
    .describe(`${description} Comma-separated, from: ${allowed.join(', ')}.`);
}

const limitParam = (fallback: number, what: string) => z.coerce.number().int().min(1).max(100).default(fallback).describe(`${what} per page, 1–100.`);
const cursorParam = z.string().max(600).optional().describe('The meta.next value of the previous page, passed back unchanged (with the same sort).');

const BAD_CURSOR = 'This cursor is not valid for this list and sort: pass meta.next from the previous page unchanged, with the same sort.';

/** Adds the decoded cursor (`after`), or an issue on `cursor` when it was not issued for this order. */
function withCursor<T extends { cursor?: string }>(value: T, order: ListOrder, ctx: z.RefinementCtx): T & { order: ListOrder; after?: CursorValue[]; offset?: number } {
  if (value.cursor === undefined) return { ...value, order };
  const after = decodeCursor(order, value.cursor);
  if (!after) {
    ctx.addIssue({ code: 'custom', path: ['cursor'], message: BAD_CURSOR });
    return z.NEVER;
  }
  return { ...value, order, after };
}

/** With q= the list is ranked: its cursor is a position in the ranking (`offset`). */
function withRankCursor<T extends { cursor?: string }>(value: T, order: ListOrder, ctx: z.RefinementCtx): T & { order: ListOrder; after?: CursorValue[]; offset?: number } {
  if (value.cursor === undefined) return { ...value, order, offset: 0 };
  const rank = decodeRankCursor(value.cursor);
  if (!rank) {
    ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'This cursor is not valid for this search: pass meta.next from the previous page unchanged, with the same q and filters.' });
    return z.NEVER;
  }
  return { ...value, order, offset: rank.offset };
}

const id = { field: 'id', dir: 'desc', type: 'string' } as const;
const idAsc = { field: 'id', dir: 'asc', type: 'string' } as const;

/** Article list orders by `sort` value: a leading "-" means descending. */
export const ARTICLE_ORDERS = {
  '-publishedAt': { name: 'a:-publishedAt', keys: [{ field: 'publishedAt', dir: 'desc', type: 'date' }, id] },
  publishedAt: { name: 'a:publishedAt', keys: [{ field: 'publishedAt', dir: 'asc', type: 'date' }, idAsc] },
  '-updatedAt': { name: 'a:-updatedAt', keys: [{ field: 'updatedAt', dir: 'desc', type: 'date' }, id] },
  updatedAt: { name: 'a:updatedAt', keys: [{ field: 'updatedAt', dir: 'asc', type: 'date' }, idAsc] },
  title: { name: 'a:title', keys: [{ field: 'title', dir: 'asc', type: 'string' }, idAsc] },
  '-title': { name: 'a:-title', keys: [{ field: 'title', dir: 'desc', type: 'string' }, id] },
} satisfies Record<string, ListOrder>;
export type ArticleSort = keyof typeof ARTICLE_ORDERS;
const ARTICLE_SORTS = Object.keys(ARTICLE_ORDERS) as [ArticleSort, ...ArticleSort[]];

/** Top-level fields of an article in a list; `id` always comes back. */
export const ARTICLE_SUMMARY_FIELDS = ['id', 'slug', 'title', 'standfirst', 'url', 'publishedAt', 'updatedAt'] as const;
/** Top-level fields of a single article. */
export const ARTICLE_FIELDS = [...ARTICLE_SUMMARY_FIELDS, 'wordCount', 'commentsOpen', 'body', 'corrections'] as const;
/** Related objects that `include` adds. */
export const ARTICLE_INCLUDES = ['authors', 'section', 'tags'] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];
export type ArticleInclude = (typeof ARTICLE_INCLUDES)[number];

const includeParam = listParam(ARTICLE_INCLUDES, 'include', 'Related objects to add to each article (left out unless named).');

/** GET /api/v1/articles. Strict: a misspelt parameter is an error, not a silently unfiltered list. */
export const listArticlesQuerySchema = z
  .object({
    section: slugParam('section').optional(),
    tag: slugParam('tag').optional(),
    author: slugParam('author').optional(),
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'Full-text search over title, standfirst and body, as on the site\'s search page ("phrases", OR, -exclusions). Results come best match first (sort is ignored), at most 1,000, paged with their own cursor.',
      ),
    published_before: isoDateParam('Only articles published strictly before this date or date-time.').optional(),
    published_after: isoDateParam('Only articles published strictly after this date or date-time.').optional(),
    sort: z
      .enum(ARTICLE_SORTS, { error: `Use one of: ${ARTICLE_SORTS.join(', ')}.` })
      .default('-publishedAt')
      .describe('Order of the list; a leading "-" means descending (newest first by default).'),
    fields: listParam(ARTICLE_SUMMARY_FIELDS, 'field', 'Only these top-level fields of each article (id always comes back).').optional(),
    include: includeParam.optional(),
    limit: limitParam(20, 'Articles'),
    cursor: cursorParam,
  })
  .strict()
  .transform((v, ctx) => (v.q ? withRankCursor(v, ARTICLE_ORDERS[v.sort], ctx) : withCursor(v, ARTICLE_ORDERS[v.sort], ctx)));
export type ListArticlesQuery = z.output<typeof listArticlesQuerySchema>;

/** GET /api/v1/articles/:idOrSlug. */
export const articleQuerySchema = z
  .object({
    fields: listParam(ARTICLE_FIELDS, 'field', 'Only these top-level fields of the article (id always comes back).').optional(),
    include: includeParam.optional(),
  })
  .strict();
export type ArticleQuery = z.output<typeof articleQuerySchema>;

/** Orders of the other lists; each ends with id so the order is total. */
export const LIST_ORDERS = {
  sections: { name: 's', keys: [{ field: 'position', dir: 'asc', type: 'number' }, { field: 'name', dir: 'asc', type: 'string' }, idAsc] },
  tags: { name: 't', keys: [{ field: 'name', dir: 'asc', type: 'string' }, idAsc] },
  authors: { name: 'u', keys: [{ field: 'name', dir: 'asc', type: 'string' }, idAsc] },
  comments: { name: 'c', keys: [{ field: 'createdAt', dir: 'asc', type: 'date' }, idAsc] },
  pages: { name: 'p', keys: [{ field: 'title', dir: 'asc', type: 'string' }, idAsc] },
} satisfies Record<string, ListOrder>;

/** limit + cursor of the sections, tags, authors and comments lists. */
export function pageQuerySchema(order: ListOrder, what: string) {
  return z
    .object({ limit: limitParam(100, what), cursor: cursorParam })
    .strict()
    .transform((v, ctx) => withCursor(v, order, ctx));
}
export type PageQuery = z.output<ReturnType<typeof pageQuerySchema>>;

export const listSectionsQuerySchema = pageQuerySchema(LIST_ORDERS.sections, 'Sections');
export const listTagsQuerySchema = pageQuerySchema(LIST_ORDERS.tags, 'Tags');
export const listAuthorsQuerySchema = pageQuerySchema(LIST_ORDERS.authors, 'Authors');
export const listCommentsQuerySchema = pageQuerySchema(LIST_ORDERS.comments, 'Comments');
export const listPagesQuerySchema = pageQuerySchema(LIST_ORDERS.pages, 'Pages');

/** GET /api/v1/pages/{slug}: a static page by its slug. */
export const pageParamsSchema = z.object({ slug: z.string().trim().min(1).max(200).describe('The page slug ("about" for /about).') });

/** Endpoints that take no query parameters (other than the key). */
export const noQuerySchema = z.object({}).strict();

/** The [idOrSlug] path segment. */
export const articleParamsSchema = z.object({
  idOrSlug: z.string().trim().min(1).max(200).describe('The article id or its slug.'),
});
