import 'server-only';
import { z } from 'zod';
import { corsHeaders } from '@/lib/api/cors';
import { API_CACHE_CONTROL, authorizeContentKey, errorResponse, jsonResponse, parseOrBadRequest } from '@/lib/api/handler';
import { apiRateLimiter } from '@/lib/api/rate-limit';
import { JSON_BODY_LIMIT, parseBody } from '@/lib/api/request';
import { cdnTagHeaders } from '@/lib/cdn/tags.mjs';
import { graphqlRequestSchema, runGraphQL, type GraphQLRequest } from '@/lib/graphql/execute';

// HTTP for the GraphQL API: the content API's key check and rate limit (lib/api/handler), its
// body cap, CORS and ETags. Failures before the query runs (key, limit, body) answer in the REST
// API's error shape; everything about the query itself answers GraphQL's `{ errors }`.

const jsonParam = z
  .string()
  .max(20_000)
  .transform((v, ctx) => {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Not valid JSON.' });
      return z.NEVER;
    }
  });
const getParamsSchema = z.object({ query: z.string().optional(), operationName: z.string().optional(), variables: jsonParam.optional(), extensions: jsonParam.optional() });

async function readRequest(request: Request): Promise<GraphQLRequest> {
  if (request.method === 'GET') {
    const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([name]) => name !== 'key'));
    return parseOrBadRequest(graphqlRequestSchema, parseOrBadRequest(getParamsSchema, params, 'Some query parameters are not valid.'), 'Some query parameters are not valid.');
  }
  const body = await parseBody(request, { accept: ['json'], maxBytes: JSON_BODY_LIMIT });
  return parseOrBadRequest(graphqlRequestSchema, body.kind === 'json' ? body.json : null, 'The request body is not a GraphQL request ({ query, variables?, operationName?, extensions? }).');
}

/** GET and POST /api/graphql. */
export async function handleGraphQL(request: Request): Promise<Response> {
  const headers: Record<string, string> = { Vary: 'Authorization, Origin' };
  try {
    Object.assign(headers, await corsHeaders(request), { Vary: headers.Vary });
    await authorizeContentKey(request, headers, apiRateLimiter());
    const answer = await runGraphQL(await readRequest(request));
    // A kept answer names its tags for a CDN, as the REST API's do (lib/cdn/tags.mjs).
    if (answer.status === 200 && answer.etag)
      return jsonResponse(request, { body: answer.body, etag: answer.etag }, API_CACHE_CONTROL, { ...headers, ...(answer.tags ? cdnTagHeaders(answer.tags) : {}) });
    return new Response(answer.body, { status: answer.status, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e, headers);
  }
}
