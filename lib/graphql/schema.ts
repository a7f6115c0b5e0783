import 'server-only';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { listApiAuthors, listApiSections, listApiTags, listPublishedArticles } from '@/lib/api/content';
import { parseOrBadRequest } from '@/lib/api/handler';
import { articleTags, EVERY_PAGE, pageTags } from '@/lib/cache';
import { AppError } from '@/lib/errors';
import { Article, ArticleConnection } from '@/lib/graphql/article';
import type { ObjectRef } from '@pothos/core';
import type { z } from 'zod';
import { builder, connectionOf, toConnection, type Connection, type GraphQLContext } from '@/lib/graphql/builder';
import { Author, Page, PageSummaryType, Section, Tag, type ArticleShape } from '@/lib/graphql/types';
import { getApiPage, listApiPages } from '@/lib/pages/content-api';
import { listArticlesQuerySchema, type PageQuery, listAuthorsQuerySchema, listPagesQuerySchema, listSectionsQuerySchema, listTagsQuerySchema } from '@/lib/validation/api';

// The GraphQL content API (read only). Every field calls the REST content API's functions with
// arguments checked by its zod schemas, so the published-only rules are the same in both.

const notFoundAsNull = <T>(read: Promise<T>): Promise<T | null> =>
  read.catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') return null;
    throw e;
  });

/** Only the arguments given, as the REST API's query parameters. */
const defined = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null));

const SectionConnection = connectionOf('Section', Section);
const TagConnection = connectionOf('Tag', Tag);
const AuthorConnection = connectionOf('Author', Author);
const PageConnection = connectionOf('Page', PageSummaryType);

/** Arguments of the lists other than articles: a page of up to 100, after a cursor. */
const pageArgs = builder.args((t) => ({
  first: t.int({ defaultValue: 100, description: 'How many, 1–100.' }),
  after: t.string({ description: 'pageInfo.endCursor of the previous page.' }),
}));

/**
 * A list other than articles: a page of up to 100 after a cursor, read by the REST function with
 * the REST schema's checks, labelled with the page-cache tags that refresh it.
 */
function listField<T>(
  name: string,
  type: ObjectRef<PothosSchemaTypes.ExtendDefaultTypes<{ Context: GraphQLContext; DefaultFieldNullability: false }>, Connection<T>>,
  description: string,
  schema: z.ZodType<PageQuery>,
  read: (query: PageQuery) => Promise<{ data: T[]; meta: { next: string | null } }>,
  tags: string[],
) {
  return {
    type,
    description,
    args: pageArgs,
    resolve: async (_: unknown, a: { first?: number | null; after?: string | null }, ctx: GraphQLContext) => {
      ctx.tag(...tags);
      return toConnection(await read(parseOrBadRequest(schema, defined({ limit: a.first, cursor: a.after }), `Some arguments of ${name} are not valid.`)));
    },
  } as const;
}

builder.queryType({
  fields: (t) => ({
    article: t.field({
      type: Article,
      nullable: true,
      description: 'A published article by id or slug (give one); null when none is published under it.',
      args: { id: t.arg.id(), slug: t.arg.string() },
      resolve: async (_, { id, slug }, ctx) => {
        if ((id == null) === (slug == null)) throw new AppError('bad_request', 'Give either id or slug, not both.');
        const article = await notFoundAsNull(ctx.loaders.article(String(id ?? slug)));
        // Not published yet: publishing refreshes `latest`.
        ctx.tag(article ? pageTags.article(article.id) : pageTags.latest);
        return article as ArticleShape | null;
      },
    }),
    articles: t.field({
      type: ArticleConnection,
      description: 'Published articles, newest first (best match first with `query`).',
      args: {
        first: t.arg.int({ defaultValue: 20, description: 'How many, 1–100.' }),
        after: t.arg.string({ description: 'pageInfo.endCursor of the previous page.' }),
        section: t.arg.string({ description: 'Only this section (slug).' }),
        tag: t.arg.string({ description: 'Only this tag (slug).' }),
        author: t.arg.string({ description: 'Only this author (slug).' }),
        query: t.arg.string({ description: "Full-text search, as on the site's search page." }),
      },
      resolve: async (_, a, ctx) => {
        const params = defined({ limit: a.first, cursor: a.after, section: a.section, tag: a.tag, author: a.author, q: a.query, include: 'authors,section,tags' });
        const list = await listPublishedArticles(parseOrBadRequest(listArticlesQuerySchema, params, 'Some arguments of articles are not valid.'));
        ctx.tag(pageTags.latest, ...articleTags(list.data));
        return toConnection(list as { data: ArticleShape[]; meta: { next: string | null } });
      },
    }),
    sections: t.field(listField('sections', SectionConnection, 'Sections in navigation order.', listSectionsQuerySchema, listApiSections, [EVERY_PAGE])),
    tags: t.field(listField('tags', TagConnection, 'Tags of at least one published article, by name.', listTagsQuerySchema, listApiTags, [pageTags.latest, pageTags.taxonomy])),
    authors: t.field(listField('authors', AuthorConnection, 'People with a byline on a published article, by name.', listAuthorsQuerySchema, listApiAuthors, [pageTags.latest, pageTags.taxonomy])),
    // Every change to a published page refreshes the sitemaps (lib/cache invalidateStaticPage).
    pages: t.field(listField('pages', PageConnection, 'Published static pages, by title.', listPagesQuerySchema, listApiPages, [pageTags.sitemaps])),
    page: t.field({
      type: Page,
      nullable: true,
      description: 'A published static page by slug ("about" for /about), or null.',
      args: { slug: t.arg.string({ required: true }) },
      resolve: async (_, { slug }, ctx) => {
        ctx.tag(pageTags.sitemaps);
        return (await notFoundAsNull(getApiPage(slug)))?.data ?? null;
      },
    }),
  }),
});

export const schema = builder.toSchema();

/** The schema in SDL, fields sorted, for the dashboard and contract tests. */
export const schemaSdl = () => printSchema(lexicographicSortSchema(schema));
