import 'server-only';
import { z } from 'zod';
import { ADMIN_COMPONENTS } from '@/lib/api/admin-schemas';
import { adminPaths, ADMIN_REQUESTS } from '@/lib/api/openapi-admin';
import * as s from '@/lib/api/schemas';
import {
  articleParamsSchema,
  articleQuerySchema,
  listArticlesQuerySchema,
  listAuthorsQuerySchema,
  listCommentsQuerySchema,
  listPagesQuerySchema,
  listSectionsQuerySchema,
  listTagsQuerySchema,
  noQuerySchema,
  pageParamsSchema,
} from '@/lib/validation/api';

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the route handlers
// validate with and are typed against. Nothing here describes a shape by hand: adding a
// field to a schema adds it to the document.

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[]; description?: string };

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Response schemas, by the name they get under components.schemas. */
const COMPONENTS = {
  BodyNode: s.bodyNodeSchema,
  SectionRef: s.sectionRefSchema,
  TagRef: s.tagRefSchema,
  AuthorRef: s.authorRefSchema,
  ArticleSummary: s.articleSummarySchema,
  Article: s.articleSchema,
  Section: s.sectionSchema,
  Tag: s.tagSchema,
  Author: s.authorSchema,
  Comment: s.commentSchema,
  Correction: s.correctionSchema,
  Alert: s.alertSchema,
  LiveUpdate: s.liveUpdateSchema,
  LiveUpdatesResponse: s.liveUpdatesResponseSchema,
  CurrentAlertResponse: s.currentAlertResponseSchema,
  ArticleListResponse: s.articleListResponseSchema,
  ArticleResponse: s.articleResponseSchema,
  SectionListResponse: s.sectionListResponseSchema,
  TagListResponse: s.tagListResponseSchema,
  AuthorListResponse: s.authorListResponseSchema,
  CommentListResponse: s.commentListResponseSchema,
  PageSummary: s.pageSummarySchema,
  Page: s.staticPageSchema,
  PageListResponse: s.pageListResponseSchema,
  PageResponse: s.pageResponseSchema,
  PageMeta: s.pageMetaSchema,
  Error: s.errorResponseSchema,
  ...ADMIN_COMPONENTS,
} satisfies Record<string, z.ZodType>;
type ComponentName = keyof typeof COMPONENTS;

/** Responses as the server sends them; request bodies (ADMIN_REQUESTS) as clients send them (defaults optional). */
function componentSchemas(): Record<string, JsonSchema> {
  return { ...registrySchemas(COMPONENTS, 'output'), ...registrySchemas(ADMIN_REQUESTS, 'input') };
}

function registrySchemas(components: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io, unrepresentable: 'any' });
  // $schema/$id are per-document keywords; inside components they only confuse tooling.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const rest = { ...schema } as JsonSchema;
      delete rest.$schema;
      delete rest.$id;
      return [id, rest];
    }),
  );
}

/** OpenAPI parameters from an object schema (its input side: what clients send). */
function parameters(schema: z.ZodType, where: 'query' | 'path') {
  const json = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  return Object.entries(json.properties ?? {}).map(([name, { description, ...rest }]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(description ? { description } : {}),
    schema: rest,
  }));
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const cacheHeaders = {
  ETag: { description: 'Weak validator of the body; send it back as If-None-Match.', schema: { type: 'string' } },
  'Cache-Control': { description: 'private, max-age=0, stale-while-revalidate=300', schema: { type: 'string' } },
};

type Route = {
  path: string;
  summary: string;
  operationId: string;
  query: z.ZodType;
  params?: z.ZodType;
  response: ComponentName;
  /** The 404's description, for routes of one item. */ notFound?: string;
};

/** Every route of /api/v1 that needs a key; one entry per route handler in app/api/v1. */
const ROUTES: Route[] = [
  { path: '/articles', operationId: 'listArticles', summary: 'List published articles, newest first', query: listArticlesQuerySchema, response: 'ArticleListResponse' },
  {
    path: '/articles/{idOrSlug}',
    operationId: 'getArticle',
    summary: 'A published article by id or slug',
    query: articleQuerySchema,
    params: articleParamsSchema,
    response: 'ArticleResponse',
    notFound: 'No published article has this id or slug.',
  },
  {
    path: '/articles/{idOrSlug}/comments',
    operationId: 'listArticleComments',
    summary: 'Approved comments of a published article, oldest first',
    query: listCommentsQuerySchema,
    params: articleParamsSchema,
    response: 'CommentListResponse',
    notFound: 'No published article has this id or slug.',
  },
  {
    path: '/articles/{idOrSlug}/updates',
    operationId: 'listArticleLiveUpdates',
    summary: 'Live coverage of a published article: its state and updates, pinned first then newest first',
    query: noQuerySchema,
    params: articleParamsSchema,
    response: 'LiveUpdatesResponse',
    notFound: 'No published article has this id or slug.',
  },
  { path: '/alerts/current', operationId: 'getCurrentAlert', summary: 'The breaking-news alert live now, if any', query: noQuerySchema, response: 'CurrentAlertResponse' },
  { path: '/sections', operationId: 'listSections', summary: 'Sections in navigation order', query: listSectionsQuerySchema, response: 'SectionListResponse' },
  { path: '/tags', operationId: 'listTags', summary: 'Tags of published articles, by name', query: listTagsQuerySchema, response: 'TagListResponse' },
  { path: '/pages', operationId: 'listPages', summary: 'Published static pages (About, Terms…), by title', query: listPagesQuerySchema, response: 'PageListResponse' },
  {
    path: '/pages/{slug}',
    operationId: 'getPage',
    summary: 'A published static page by its slug',
    query: noQuerySchema,
    params: pageParamsSchema,
    response: 'PageResponse',
    notFound: 'No published page has this slug.',
  },
  { path: '/authors', operationId: 'listAuthors', summary: 'People with a byline on a published article, by name', query: listAuthorsQuerySchema, response: 'AuthorListResponse' },
];

/** The OpenAPI 3.1 document served at /api/v1/openapi.json. */
export function buildOpenApiDocument() {
  const paths: Record<string, unknown> = {};
  for (const r of ROUTES) {
    paths[r.path] = {
      get: {
        operationId: r.operationId,
        summary: r.summary,
        parameters: [...(r.params ? parameters(r.params, 'path') : []), ...parameters(r.query, 'query')],
        responses: {
          200: { description: 'OK', headers: cacheHeaders, content: { 'application/json': { schema: ref(r.response) } } },
          304: { description: 'Not modified: the If-None-Match tag still matches.', headers: cacheHeaders },
          400: errorResponse('A parameter is not valid; error.details names it.'),
          401: errorResponse('The API key is missing, unknown or revoked.'),
          429: {
            ...errorResponse('This key used up its requests for now (API_RATE_LIMIT); wait Retry-After seconds.'),
            headers: { 'Retry-After': { description: 'Seconds to wait before the next request.', schema: { type: 'integer' } } },
          },
          ...(r.notFound ? { 404: errorResponse(r.notFound) } : {}),
        },
      },
    };
  }
  Object.assign(paths, adminPaths());
  paths['/openapi.json'] = {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document (no key needed)',
      security: [],
      responses: { 200: { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Broadsheet Content API',
      version: '1.0.0',
      description:
        'Published content for any key (/articles, /sections, …), and writes for admin keys (/admin/…), which act as a staff user within their scopes, with the dashboard’s rules. Create keys in the dashboard (API keys) and send them as a bearer token.',
    },
    servers: [{ url: '/api/v1' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ bearerKey: [] }, { queryKey: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerKey: { type: 'http', scheme: 'bearer', description: 'An API key (bs_live_…) from the dashboard: a content key, or an admin key for /admin/….' },
        queryKey: { type: 'apiKey', in: 'query', name: 'key', description: 'The same key as a query parameter, for clients that cannot set headers.' },
      },
      schemas: componentSchemas(),
    },
  };
}
