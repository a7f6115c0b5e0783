import 'server-only';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

// Reading what a client sends to a route handler: the body with a size cap counted as it
// arrives (a declared Content-Length is refused early, but never trusted: chunked bodies and
// lying headers are counted too), its type checked, its syntax parsed; and where the request
// comes from. Every failure is an AppError the handler wrappers (./handler.ts) answer in the
// API's error shape: 413, 415 or 400, never a 500.

/** Comments and JSON APIs: far more than any honest request needs. */
export const JSON_BODY_LIMIT = 64 * 1024;

export type BodyKind = 'json' | 'form' | 'multipart';
export type ParsedBody = ({ kind: 'json'; json: unknown } | { kind: 'form' | 'multipart'; form: FormData }) & { bytes: Uint8Array };

const TYPE_NAMES: Record<BodyKind, string> = { json: 'application/json', form: 'application/x-www-form-urlencoded', multipart: 'multipart/form-data' };

const kib = (bytes: number) => (bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 1024)} KB`);

/** The 413 for a body over the cap; `declared` is its Content-Length when that gave it away (null when counted). */
export type TooLarge = (declared: number | null) => AppError;

export const bodyTooLarge = (maxBytes: number) => new AppError('payload_too_large', `The request body is larger than the ${kib(maxBytes)} this endpoint accepts.`);

/**
 * After a refusal the rest of an oversized body is read and dropped for a while, so the client
 * reads the 413 instead of a reset connection (closing a socket with unread data resets it).
 * Bounded, so a client cannot keep a handler busy with an endless body.
 */
const LINGER_BYTES = 32 * 1024 * 1024;
const LINGER_MS = 5_000;

function drainInBackground(reader: ReadableStreamDefaultReader<Uint8Array>) {
  const until = Date.now() + LINGER_MS;
  let dropped = 0;
  void (async () => {
    try {
      for (;;) {
        const step = await reader.read();
        if (step.done) return;
        dropped += step.value.byteLength;
        if (dropped > LINGER_BYTES || Date.now() > until) break;
      }
      await reader.cancel();
    } catch {
      // The client went away: nothing to drain.
    }
  })();
}

/**
 * The body's bytes, at most `maxBytes`: a larger declared Content-Length is refused before
 * reading, and reading stops as soon as the stream passes the cap.
 */
export async function readBodyCapped(request: Request, maxBytes: number, tooLarge: TooLarge = () => bodyTooLarge(maxBytes)): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    if (request.body) drainInBackground(request.body.getReader());
    throw tooLarge(Number(declared));
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      throw new AppError('bad_request', 'The request body could not be read (the connection closed before it was complete).');
    }
    if (step.done) break;
    total += step.value.byteLength;
    if (total > maxBytes) {
      drainInBackground(reader);
      throw tooLarge(null);
    }
    chunks.push(step.value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The media type of the request body, lower-cased, without parameters ('' when none). */
export function mediaTypeOf(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

function kindOf(type: string): BodyKind | null {
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'multipart/form-data') return 'multipart';
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid UTF-8 text.');
  }
}

/**
 * Reads, checks and parses the body: 415 unless its Content-Type is one of `accept`, 413 past
 * `maxBytes`, 400 for JSON, form or multipart data that does not parse.
 */
export async function parseBody(request: Request, options: { accept: BodyKind[]; maxBytes: number; tooLarge?: TooLarge }): Promise<ParsedBody> {
  const type = mediaTypeOf(request);
  const kind = kindOf(type);
  if (!kind || !options.accept.includes(kind)) {
    const wanted = options.accept.map((k) => TYPE_NAMES[k]).join(' or ');
    throw new AppError('unsupported_media_type', `Send the body as ${wanted}${type ? ` (this request sent ${type.slice(0, 100)})` : ' with a Content-Type header'}.`);
  }
  const bytes = await readBodyCapped(request, options.maxBytes, options.tooLarge);
  if (kind === 'json') {
    const text = decodeText(bytes);
    try {
      return { kind, json: JSON.parse(text), bytes };
    } catch (e) {
      throw new AppError('bad_request', `The body is not valid JSON: ${e instanceof Error ? e.message.slice(0, 200) : 'it does not parse'}.`);
    }
  }
  if (kind === 'form') {
    const form = new FormData();
    for (const [k, v] of new URLSearchParams(decodeText(bytes))) form.append(k, v);
    return { kind, form, bytes };
  }
  try {
    const form = await new Response(bytes as BodyInit, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
    return { kind, form, bytes };
  } catch {
    throw new AppError('bad_request', 'The body is not valid multipart/form-data (check its boundary and parts).');
  }
}

/** The string fields of a form (files left out), as a plain record; a repeated name keeps its last value. */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The origins this site answers on: the request's own, SITE_URL's and NEXTAUTH_URL's (and `also`). */
function ownOrigins(request: Request, also: string[] = []): string[] {
  const out = [new URL(request.url).origin, env.SITE_URL, ...also];
  if (env.NEXTAUTH_URL && URL.canParse(env.NEXTAUTH_URL)) out.push(new URL(env.NEXTAUTH_URL).origin);
  return out.map((o) => (URL.canParse(o) ? new URL(o).origin : o));
}

/** Whether a browser page of this site (or no browser page at all) sent `request`; `also`: further origins of this site. */
export function isSameOrigin(request: Request, also: string[] = []): boolean {
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  return !((site !== null && site !== 'same-origin' && site !== 'none') || (origin !== null && !ownOrigins(request, also).includes(origin)));
}

/**
 * Refuses (403) a request another site's page made a browser send: a session cookie goes with
 * it, so it would act as the signed-in user. Browsers say so in Sec-Fetch-Site, and in Origin
 * on every cross-origin POST; a request with neither comes from no browser page (curl, a
 * server), which cannot borrow anyone's cookie.
 */
export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) throw new AppError('forbidden', 'This request came from another site. Use the Broadsheet dashboard on this site.');
}
