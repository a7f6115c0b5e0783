import 'server-only';
import { GraphQLError, parse, print, type DocumentNode } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { z } from 'zod';
import { weakEtag } from '@/lib/api/handler';
import { freshResponse, keepResponse } from '@/lib/api/response-cache';
import { EVERY_PAGE } from '@/lib/cache';
import type { AppError } from '@/lib/errors';
import type { GraphQLContext } from '@/lib/graphql/builder';
import { limitError, measureQuery } from '@/lib/graphql/limits';
import { createLoaders } from '@/lib/graphql/loaders';
import { persistedQuery, persistQuery, sha256Hex } from '@/lib/graphql/persisted';
import { schema } from '@/lib/graphql/schema';

// Runs one GraphQL request of the content API: the persisted-query protocol, depth and cost
// limits, then the response cache (lib/api/response-cache, keyed by the normalised query and
// its variables, tagged with what the answer shows), and graphql-yoga to execute on a miss.

/** A GraphQL request as POSTed (or decoded from GET parameters). */
export const graphqlRequestSchema = z.object({
  query: z.string().max(20_000, 'The query is longer than 20,000 characters.').nullish(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().max(200).nullish(),
  extensions: z.object({ persistedQuery: z.object({ version: z.literal(1), sha256Hash: z.string().regex(/^[a-f0-9]{64}$/, 'sha256Hash must be 64 lowercase hex digits.') }).optional() }).nullish(),
});
export type GraphQLRequest = z.output<typeof graphqlRequestSchema>;

/** `tags`: what the answer shows, as page-cache tags (for a CDN's Surrogate-Key and Cache-Tag). */
export type GraphQLAnswer = { status: number; body: string; etag?: string; tags?: string[] };

const yoga = createYoga<GraphQLContext>({
  schema,
  graphqlEndpoint: '/api/graphql',
  graphiql: false,
  landingPage: false,
  batching: false,
  logging: false,
  maskedErrors: {
    // Domain refusals keep their message and code; anything else is "Unexpected error." (logged).
    maskError: (error, message) => {
      // By shape, not instanceof: graphql and lib/errors may each be loaded twice (ESM and CommonJS).
      const wrapped = (e: unknown): e is GraphQLError => e instanceof Error && e.name === 'GraphQLError';
      const gql = wrapped(error) ? error : null;
      let original: unknown = gql ? gql.originalError : error;
      // Yoga wraps resolver errors once more: look through to what the resolver threw.
      while (wrapped(original) && original.originalError) original = original.originalError;
      if (original instanceof Error && original.name === 'AppError' && 'code' in original) {
        const app = original as AppError;
        return new GraphQLError(app.message, { nodes: gql?.nodes, path: gql?.path, extensions: { code: app.code.toUpperCase(), details: app.details ?? null } });
      }
      if (gql && !original) return gql;
      console.error('graphql: resolver failed', original);
      return new GraphQLError(message, { nodes: gql?.nodes, path: gql?.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    },
  },
});

const errorAnswer = (status: number, message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLAnswer => ({
  status,
  body: JSON.stringify({ errors: [{ message, extensions: { code } }], ...(Object.keys(extensions).length ? { extensions } : {}) }),
});

/** Keys in a fixed order, so equal variables make equal cache keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

function queryText(input: GraphQLRequest): string | GraphQLAnswer {
  const hash = input.extensions?.persistedQuery?.sha256Hash;
  if (hash && input.query) return persistQuery(hash, input.query) ? input.query : errorAnswer(400, 'The sha256Hash is not the hash of this query.', 'PERSISTED_QUERY_HASH_MISMATCH');
  if (hash) return persistedQuery(hash) ?? errorAnswer(200, 'PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND');
  return input.query || errorAnswer(400, 'Send a query, or the sha256Hash of one in extensions.persistedQuery.', 'BAD_REQUEST');
}

/** The answer to one GraphQL request, from memory when the same query was answered and nothing it shows changed since. */
export async function runGraphQL(input: GraphQLRequest): Promise<GraphQLAnswer> {
  const query = queryText(input);
  if (typeof query !== 'string') return query;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 5_000 });
  } catch (e) {
    return errorAnswer(400, e instanceof GraphQLError ? e.message : 'The query cannot be parsed.', 'GRAPHQL_PARSE_FAILED');
  }
  const variables = input.variables ?? {};
  const measure = measureQuery(document, input.operationName, variables);
  const refused = limitError(measure);
  if (refused) return errorAnswer(400, refused.message, refused.code, { cost: measure.cost, depth: measure.depth });

  const key = `graphql:${sha256Hex(`${print(document)}\n${canonical(variables)}\n${input.operationName ?? ''}`)}`;
  const kept = freshResponse(key);
  if (kept) return { status: 200, body: kept.body, etag: kept.etag, tags: kept.tags };

  const startedAt = Date.now();
  const tags: string[] = [];
  const context = { loaders: createLoaders(), tag: (...t: string[]) => tags.push(...t) };
  const response = await yoga.fetch(
    'http://internal/api/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: print(document), variables, operationName: input.operationName }),
    },
    context,
  );
  const result = (await response.json()) as { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> };
  const body = JSON.stringify({ ...result, extensions: { ...result.extensions, cost: measure.cost } });
  const etag = weakEtag(body);
  if (response.status !== 200 || result.errors || !tags.length) return { status: response.status, body, etag };
  const allTags = [EVERY_PAGE, ...new Set(tags)];
  keepResponse(key, { body, etag, tags: allTags }, startedAt);
  return { status: response.status, body, etag, tags: allTags };
}
