import 'server-only';
import crypto from 'node:crypto';
import { NextRequest } from 'next/server';
import { z } from 'zod';
import type { AuthenticatedApiKey } from '@/lib/api-keys';
import { authenticateApiKeyCached } from '@/lib/api-keys/memo';
import { corsHeaders } from '@/lib/api/cors';
import { apiRateLimitedError, apiRateLimiter } from '@/lib/api/rate-limit';
import { freshResponse, keepResponse, responseKey } from '@/lib/api/response-cache';
import { cdnTagHeaders } from '@/lib/cdn/tags.mjs';
import { assertSameOrigin, JSON_BODY_LIMIT, parseBody, type BodyKind, type ParsedBody, type TooLarge } from '@/lib/api/request';
import type { ApiErrorResponse } from '@/lib/api/schemas';
import type { Role } from '@/lib/auth/roles';
import { requireRole } from '@/lib/auth/session';
import { EVERY_PAGE } from '@/lib/cache';
import { AppError, retryAfterSeconds, toAppError } from '@/lib/errors';
import type { RateLimiter } from '@/lib/rate-limit';
import type { StaffUser } from '@/lib/users';

/**
 * `private`, not `public, s-maxage=60`: every response answers a request that carries an
 * API key. `public`/`s-maxage` would allow a CDN to store a response to an authorised
 * request and hand it to anyone, keyless or revoked, so keys would stop protecting
 * anything. A client's own cache may still keep the body and revalidate it with
 * If-None-Match (cheap: 304, no body), and serve it stale for up to 5 minutes meanwhile.
 */
export const API_CACHE_CONTROL = 'private, max-age=0, stale-while-revalidate=300';
/** For responses that need no key (the OpenAPI document): shared caches may keep them. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A weak validator: the same JSON body always gets the same tag, whichever instance served it. */
export function weakEtag(body: string): string {
  return `W/"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match uses weak comparison (RFC 9110 §13.1.2), so W/ prefixes are ignored. */
function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** A JSON body and its validator. */
export function jsonWithEtag(data: unknown): { body: string; etag: string } {
  const body = JSON.stringify(data);
  return { body, etag: weakEtag(body) };
}

/** A cacheable JSON response for a body and its ETag, or 304 when the client already holds it. */
export function jsonResponse(request: Request, { body, etag }: { body: string; etag: string }, cacheControl: string, extra: Record<string, string> = {}): Response {
  const headers = { ETag: etag, 'Cache-Control': cacheControl, ...extra };
  if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': JSON_TYPE } });
}

/** A cacheable JSON response with an ETag, or 304 when the client already holds this body. */
export function cachedJson(request: Request, data: unknown, cacheControl: string, extra: Record<string, string> = {}): Response {
  return jsonResponse(request, jsonWithEtag(data), cacheControl, extra);
}

/** Every failure of the API, in the one format: { error: { code, message, details } }. */
export function errorResponse(e: unknown, extra: Record<string, string> = {}): Response {
  const err = toAppError(e);
  const body: ApiErrorResponse = { error: { code: err.code, message: err.message, details: err.details ?? null } };
  const headers: Record<string, string> = { ...extra, 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' };
  if (err.code === 'unauthorized') headers['WWW-Authenticate'] = 'Bearer realm="Broadsheet Content API"';
  // The rest of an oversized body is not read: this connection cannot carry another request.
  if (err.code === 'payload_too_large') headers['Connection'] = 'close';
  // Every refusal that knows when to come back says so: rate limits (the API's, the comments',
  // uploads') and a database outage (503).
  const retryAfter = retryAfterSeconds(err);
  if (retryAfter) headers['Retry-After'] = String(retryAfter);
  return new Response(JSON.stringify(body), { status: err.status, headers });
}

type RequestOptions = {
  /** The body this handler reads: accepted types and a cap (JSON_BODY_LIMIT unless said). */
  body?: { accept: BodyKind[]; maxBytes?: number; tooLarge?: TooLarge };
  /** Signed-in staff of at least this role (session cookie): cross-site requests get 403 first. */
  role?: Role;
};

type RequestContext<P, U> = { request: Request; params: P; body: ParsedBody | null; user: U };

/**
 * Wraps every route handler that is not the content API's: a cookie-authenticated handler
 * (`role`) refuses cross-site requests (403) then checks the session (401/403) before reading
 * anything; a body is read with a cap counted on the stream (413), its Content-Type checked
 * (415) and parsed (400); whatever is thrown becomes the API's error shape, never a bare 500.
 */
export function withRequest<P = Record<string, never>, O extends RequestOptions = RequestOptions>(
  options: O,
  handler: (ctx: RequestContext<P, O['role'] extends Role ? StaffUser : null>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    try {
      let user: StaffUser | null = null;
      if (options.role) {
        assertSameOrigin(request);
        user = await requireRole(options.role);
      }
      const body = options.body ? await parseBody(request, { accept: options.body.accept, maxBytes: options.body.maxBytes ?? JSON_BODY_LIMIT, tooLarge: options.body.tooLarge }) : null;
      const params = ((await context?.params) ?? {}) as P;
      return await handler({ request, params, body, user: user as O['role'] extends Role ? StaffUser : null });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** Messages per parameter name, so a client can tell which parameter to fix. */
function parameterErrors(error: z.ZodError): Record<string, string[]> {
  // A Map, not an object: a parameter named "constructor" or "__proto__" must not meet Object.prototype.
  const out = new Map<string, string[]>();
  for (const issue of error.issues) {
    const names = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '_query')];
    for (const name of names) out.set(name, [...(out.get(name) ?? []), issue.code === 'unrecognized_keys' ? 'Unknown parameter.' : issue.message]);
  }
  return Object.fromEntries(out);
}

/** The token of `Authorization: Bearer …` ('' when the header is malformed), or null without the header. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  return header ? (/^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '') : null;
}

/** The key from `Authorization: Bearer …`, else from `?key=` (for clients that cannot set headers; it ends up in logs, so prefer the header). */
function keyFrom(request: Request, url: URL): string | null {
  return bearerToken(request) ?? url.searchParams.get('key');
}

export function parseOrBadRequest<S extends z.ZodType>(schema: S, input: unknown, message: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', message, parameterErrors(parsed.error));
  return parsed.data;
}

type RouteContext = { params: Promise<unknown> };

/**
 * The content key of a request (401 when missing, unknown or revoked), counted against its rate
 * limit (429); the RateLimit-* headers are added to `headers`. Shared by REST and GraphQL.
 */
export async function authorizeContentKey(request: Request, headers: Record<string, string>, limiter: RateLimiter | null): Promise<AuthenticatedApiKey> {
  const raw = keyFrom(request, new URL(request.url));
  if (!raw) throw new AppError('unauthorized', 'An API key is required: send it as "Authorization: Bearer <key>" (or ?key=<key>).');
  const apiKey = await authenticateApiKeyCached(raw);
  if (!apiKey) throw new AppError('unauthorized', 'This API key is not valid or has been revoked.');
  if (limiter) {
    headers['RateLimit-Limit'] = String(limiter.rule.points);
    const { allowed, remaining, resetSeconds } = await limiter.consume(apiKey.id);
    Object.assign(headers, { 'RateLimit-Remaining': String(remaining), 'RateLimit-Reset': String(resetSeconds) });
    if (!allowed) throw apiRateLimitedError(resetSeconds, limiter.rule);
  }
  return apiKey;
}

/**
 * Wraps a content API route handler: authenticates the API key (401 when missing, unknown
 * or revoked), counts the request against the key's rate limit (429 with Retry-After),
 * validates path and query parameters (400 naming the parameter), answers with an ETag and
 * Cache-Control (304 on If-None-Match) and CORS headers for allowed origins, and turns any
 * failure into the API's error format. A handler that labels its response with page-cache tags
 * (`tag(…)`) has it kept in memory (lib/api/response-cache) until one of them, or the site's, is
 * invalidated: until then the same URL is answered, and revalidated, without running it.
 */
export function withApiKey<Q extends z.ZodType, P extends z.ZodType, R extends z.ZodType>(
  schemas: { query: Q; params?: P; /** What the handler returns; the OpenAPI document describes it with the same schema. */ response: R },
  handler: (ctx: { query: z.output<Q>; params: z.output<P>; apiKey: AuthenticatedApiKey; request: Request; tag: (...tags: string[]) => void }) => Promise<z.input<R>>,
  /** Tests pass their own limiter; null turns limits off. */
  options: { rateLimiter?: () => RateLimiter | null } = {},
) {
  const limiterOf = options.rateLimiter ?? apiRateLimiter;
  return async (request: Request, context: RouteContext): Promise<Response> => {
    // Vary: the same URL answers differently (401 vs 200) depending on the key, and CORS headers depend on the Origin.
    const headers: Record<string, string> = { Vary: 'Authorization, Origin' };
    try {
      const cors = await corsHeaders(request);
      Object.assign(headers, cors, { Vary: headers.Vary });
      const url = new URL(request.url);
      const apiKey = await authorizeContentKey(request, headers, limiterOf());

      const params = schemas.params ? parseOrBadRequest(schemas.params, await context.params, 'The path is not valid.') : undefined;
      const searchParams = new URLSearchParams(url.searchParams);
      searchParams.delete('key');
      const query = parseOrBadRequest(schemas.query, Object.fromEntries(searchParams), 'Some query parameters are not valid.');

      const key = responseKey(url);
      const kept = freshResponse(key);
      // A kept response names its tags for a CDN (Surrogate-Key, Cache-Tag; lib/cdn/tags.mjs).
      if (kept) return jsonResponse(request, kept, API_CACHE_CONTROL, { ...headers, ...cdnTagHeaders(kept.tags) });
      const startedAt = Date.now();
      const tags: string[] = [];
      const data = await handler({ query, params: params as z.output<P>, apiKey, request, tag: (...t) => tags.push(...t) });
      const json = jsonWithEtag(data);
      if (!tags.length) return jsonResponse(request, json, API_CACHE_CONTROL, headers);
      const allTags = [EVERY_PAGE, ...tags];
      keepResponse(key, { ...json, tags: allTags }, startedAt);
      return jsonResponse(request, json, API_CACHE_CONTROL, { ...headers, ...cdnTagHeaders(allTags) });
    } catch (e) {
      return errorResponse(e, headers);
    }
  };
}

/**
 * For a handler that reads its own body (next-auth): a write request's body is read and checked
 * first (cap counted on the stream 413, type 415, syntax 400), and the handler gets a request
 * holding those same bytes, so the library never meets a body it would choke on.
 */
export function withCheckedBody<C>(handler: (request: NextRequest, context: C) => Promise<Response>, body: { accept: BodyKind[]; maxBytes?: number }) {
  return async (request: NextRequest, context: C): Promise<Response> => {
    if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return handler(request, context);
    let checked: ParsedBody;
    try {
      checked = await parseBody(request, { accept: body.accept, maxBytes: body.maxBytes ?? JSON_BODY_LIMIT });
    } catch (e) {
      return errorResponse(e);
    }
    return handler(new NextRequest(request.url, { method: request.method, headers: request.headers, body: checked.bytes as BodyInit }), context);
  };
}
