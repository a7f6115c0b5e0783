import 'server-only';
import { z } from 'zod';
import { authenticateAdminApiKey, type AuthenticatedAdminKey } from '@/lib/api-keys';
import { runAsApiKey } from '@/lib/api-keys/context';
import { bearerToken, errorResponse, parseOrBadRequest } from '@/lib/api/handler';
import { claimIdempotencyKey, finishIdempotencyKey, releaseIdempotencyKey, requestHash, type StoredResponse } from '@/lib/api/idempotency';
import { apiRateLimitedError, apiRateLimiter } from '@/lib/api/rate-limit';
import { JSON_BODY_LIMIT, parseBody, type BodyKind, type ParsedBody, type TooLarge } from '@/lib/api/request';
import { AppError, StaleVersionError } from '@/lib/errors';
import type { RateLimiter } from '@/lib/rate-limit';
import type { StaffUser } from '@/lib/users';
import type { AdminScope } from '@/lib/validation/api-keys';

// The admin API's one entrance (/api/v1/admin/…): the admin key (401), its rate limit (429),
// its scope (403), path and body (400/413/415), Idempotency-Key on POST, then the handler runs
// as the key's user, inside the key's context (audit entries, revisions and webhooks name it).
// Handlers call the same lib/ domain functions as the dashboard; nothing here decides a rule.

/** What a handler answers: `{ data }`, its status (200 unless said) and, for a versioned resource, its ETag. */
export type AdminResult = { data: unknown; status?: number; version?: number };

export type AdminContext<P> = {
  request: Request;
  params: P;
  body: ParsedBody | null;
  user: StaffUser;
  key: AuthenticatedAdminKey['key'];
};

const JSON_TYPE = 'application/json; charset=utf-8';

/** An article's JSON body (structured document or HTML) can be far larger than other requests. */
export const ADMIN_ARTICLE_BODY_LIMIT = 2 * 1024 * 1024;

/** `If-Match: "<version>"`, required by every change to a versioned resource: missing 428, unreadable 400. */
export function ifMatchVersion(request: Request): number {
  const header = request.headers.get('if-match');
  if (!header) throw new AppError('precondition_required', 'Send If-Match with the version you changed, as its ETag gave it (If-Match: "3"). Nothing was changed.');
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw new AppError('bad_request', 'If-Match must be the ETag you were given, a version number in quotes ("3").');
  return Number(m[1]);
}

/** Request-body errors keyed by their full path (`body.content.0.type`), so a client can tell which field to fix. */
export function pathErrors(error: z.ZodError, rename: Record<string, string> = {}): Record<string, string[]> {
  const out = new Map<string, string[]>();
  for (const issue of error.issues) {
    const [head, ...rest] = issue.path.map(String);
    const names = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [head, ...rest, k].filter(Boolean).join('.')) : [[rename[head ?? ''] ?? head ?? '_body', ...rest].join('.')];
    for (const name of names) out.set(name, [...(out.get(name) ?? []), issue.code === 'unrecognized_keys' ? 'Unknown field.' : issue.message]);
  }
  return Object.fromEntries(out);
}

/** Parses a JSON body with `schema`: 422 with field paths when it does not fit. */
export function parseJsonBody<S extends z.ZodType>(schema: S, body: ParsedBody | null): z.output<S> {
  return parseInput(schema, body?.kind === 'json' ? body.json : undefined);
}

/** Parses `input` (a JSON body, perhaps with path ids added) with `schema`: 422 with field paths when it does not fit. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('unprocessable', 'Some fields need attention.', pathErrors(parsed.error));
  return parsed.data;
}

function toResponse(stored: StoredResponse, extra: Record<string, string>): Response {
  return new Response(stored.body, { status: stored.status, headers: { ...extra, ...stored.headers, 'Content-Type': JSON_TYPE } });
}

/** A version conflict is 412 over HTTP, with the version to reload in details and as the ETag. */
function failure(e: unknown, headers: Record<string, string>): Response {
  if (e instanceof StaleVersionError) {
    return errorResponse(new AppError('precondition_failed', e.message, e.details), { ...headers, ETag: `"${e.currentVersion}"` });
  }
  return errorResponse(e, headers);
}

/** Wraps an admin API route handler; see the module comment for what it checks, in order. */
export function withAdminKey<P extends z.ZodType = z.ZodObject<Record<string, never>>>(
  options: {
    /** The scope the key needs (any one of a list); a function of the path when it depends on it. */
    scope: AdminScope | AdminScope[] | ((params: z.output<P>) => AdminScope);
    params?: P;
    /** `optional`: a request without a body (no Content-Type) is fine too. */
    body?: { accept: BodyKind[]; maxBytes?: number; tooLarge?: TooLarge; optional?: boolean };
  },
  handler: (ctx: AdminContext<z.output<P>>) => Promise<AdminResult>,
  /** Tests pass their own limiter; null turns limits off. The same per-key limit as the content API by default. */
  limits: { rateLimiter?: () => RateLimiter | null } = {},
) {
  return async (request: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    const headers: Record<string, string> = { 'Cache-Control': 'no-store', Vary: 'Authorization' };
    let claimed: { apiKeyId: string; key: string } | null = null;
    try {
      const raw = bearerToken(request);
      if (!raw) throw new AppError('unauthorized', 'An admin API key is required: send it as "Authorization: Bearer <key>".');
      const auth = await authenticateAdminApiKey(raw);
      if (!auth) throw new AppError('unauthorized', 'This key is not a valid admin key: it is unknown, revoked, a content key, or the user it acts as is deactivated.');
      const limiter = (limits.rateLimiter ?? apiRateLimiter)();
      if (limiter) {
        const { allowed, remaining, resetSeconds } = await limiter.consume(auth.key.id);
        Object.assign(headers, { 'RateLimit-Limit': String(limiter.rule.points), 'RateLimit-Remaining': String(remaining), 'RateLimit-Reset': String(resetSeconds) });
        if (!allowed) throw apiRateLimitedError(resetSeconds, limiter.rule);
      }
      const params = options.params ? parseOrBadRequest(options.params, await context.params, 'The path is not valid.') : ({} as z.output<P>);
      const wanted = ([] as AdminScope[]).concat(typeof options.scope === 'function' ? options.scope(params) : options.scope);
      if (!wanted.some((s) => auth.key.scopes.includes(s))) {
        throw new AppError('forbidden', `This key lacks the "${wanted.join('" or "')}" scope. Create a key with it in the dashboard (API keys).`);
      }
      const bodyless = options.body?.optional && !request.headers.get('content-type') && !Number(request.headers.get('content-length') ?? 0);
      const body = options.body && !bodyless ? await parseBody(request, { accept: options.body.accept, maxBytes: options.body.maxBytes ?? JSON_BODY_LIMIT, tooLarge: options.body.tooLarge }) : null;

      const idempotencyKey = request.method === 'POST' ? request.headers.get('idempotency-key') : null;
      if (idempotencyKey !== null) {
        const replay = await claimIdempotencyKey(auth.key.id, idempotencyKey, requestHash(request.method, new URL(request.url).pathname, body?.bytes ?? null));
        if (replay) return toResponse(replay, { ...headers, 'Idempotent-Replayed': 'true' });
        claimed = { apiKeyId: auth.key.id, key: idempotencyKey };
      }

      let response: Response;
      try {
        const result = await runAsApiKey({ id: auth.key.id, label: auth.key.label }, () => handler({ request, params, body, user: auth.user, key: auth.key }));
        const own: Record<string, string> = result.version !== undefined ? { ETag: `"${result.version}"` } : {};
        response = new Response(JSON.stringify({ data: result.data }), { status: result.status ?? 200, headers: { ...headers, ...own, 'Content-Type': JSON_TYPE } });
      } catch (e) {
        response = failure(e, headers);
      }
      if (claimed) {
        if (response.status >= 500) await releaseIdempotencyKey(claimed.apiKeyId, claimed.key);
        else {
          const etag = response.headers.get('etag');
          await finishIdempotencyKey(claimed.apiKeyId, claimed.key, { status: response.status, body: await response.clone().text(), headers: etag ? { ETag: etag } : {} });
        }
      }
      return response;
    } catch (e) {
      if (claimed) await releaseIdempotencyKey(claimed.apiKeyId, claimed.key).catch(() => undefined);
      return failure(e, headers);
    }
  };
}
