import 'server-only';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { isSameOrigin } from '@/lib/api/request';
import { passkeyChallengeCookieName, secureAuthCookies, signInStateCookieName } from '@/lib/auth/auth-url';
import { resolveCallbackUrl } from '@/lib/auth/callback-url';
import { HashingBusyError } from '@/lib/auth/password';
import { passkeyRelyingParty } from '@/lib/auth/passkeys';
import { ENROL_PATH } from '@/lib/auth/session';
import { clearCookie, startSession } from '@/lib/auth/session-cookie';
import type { PendingSignIn, SignInResult } from '@/lib/auth/sign-in';
import { readState, signState } from '@/lib/auth/signed-state';
import { tooManyAttemptsMessage } from '@/lib/auth/throttle';
import { getTwoFactorPolicy, policyCovers } from '@/lib/auth/two-factor-policy';
import { clientIpFrom } from '@/lib/client-ip';
import { env } from '@/lib/env';
import { fieldErrors } from '@/lib/errors';

// The sign-in route handlers' shared plumbing: reading a small JSON body from this site only,
// the pending-sign-in and passkey-challenge cookies, and turning results into responses.

/** How long the "password checked, second factor next" state lasts. */
export const PENDING_SIGN_IN_SECONDS = 5 * 60;
const MAX_BODY_BYTES = 16 * 1024;

const noStore = { 'Cache-Control': 'no-store' };

export function jsonError(status: number, code: string, message: string, extra: { fields?: Record<string, string[]>; headers?: Record<string, string> } = {}): Response {
  return Response.json({ error: { code, message, ...(extra.fields ? { fields: extra.fields } : {}) } }, { status, headers: { ...noStore, ...extra.headers } });
}

/** A refusal before any work: the reason as a response. */
class Refusal extends Error {
  constructor(readonly response: Response) {
    super('refused');
  }
}

/**
 * The request's JSON body, parsed with `schema`: only from this site's own pages (a cross-site
 * page cannot sign someone in to an account of its choosing), as `application/json`, at most
 * 16 KiB counted as it streams in.
 */
export async function readSignInBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  if (!isSameSite(request)) throw new Refusal(jsonError(403, 'forbidden', 'Sign in from this site’s own sign-in page.'));
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
    throw new Refusal(jsonError(415, 'unsupported_media_type', 'Send the sign-in as application/json.'));
  }
  const text = await readCapped(request, MAX_BODY_BYTES);
  if (text === null) throw new Refusal(jsonError(413, 'payload_too_large', 'The sign-in request is too large.'));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Refusal(jsonError(400, 'bad_request', 'The sign-in request is not valid JSON.'));
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Refusal(jsonError(422, 'unprocessable', 'Some fields need attention.', { fields: fieldErrors(parsed.error) }));
  return parsed.data;
}

async function readCapped(request: Request, max: number): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? 0) > max) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

// Browsers send Origin on every POST fetch; a client without one is not a browser a page could drive.
const isSameSite = (request: Request) => isSameOrigin(request, [passkeyRelyingParty().origin]);

/** Runs a route body, turning refusals and a busy password queue into their responses. */
export async function handleSignIn(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof Refusal) return e.response;
    if (e instanceof HashingBusyError) {
      return jsonError(503, 'busy', 'Too many people are signing in right now. Try again in a few seconds.', { headers: { 'Retry-After': '5' } });
    }
    console.error('sign-in failed', e);
    return jsonError(500, 'internal', 'Something went wrong on our side. Please try again in a moment.');
  }
}

export function signInContext(request: Request) {
  return { ip: clientIpFrom(request.headers, env.TRUST_PROXY) };
}

/** Where a signed-in user goes next: enrolment when the site requires two-factor they lack, else the callback. */
async function nextPath(result: Extract<SignInResult, { kind: 'signed-in' }>, callbackUrl: unknown): Promise<string> {
  // Signed in on the password alone means no second factor: enrolment comes first when required.
  if (result.method === 'password' && policyCovers(await getTwoFactorPolicy(), result.user.role)) return ENROL_PATH;
  return resolveCallbackUrl(callbackUrl, env.SITE_URL);
}

/** The response for a sign-in result: a session, the second step, or the one generic refusal. */
export async function signInResponse(result: SignInResult, callbackUrl: unknown, invalidMessage: string): Promise<Response> {
  const jar = await cookies();
  const secure = secureAuthCookies();
  switch (result.kind) {
    case 'signed-in':
      await startSession(result.user, [result.method]);
      if (jar.has(passkeyChallengeCookieName(secure))) clearCookie(jar, passkeyChallengeCookieName(secure), secure);
      return Response.json({ status: 'signed-in', redirect: await nextPath(result, callbackUrl) }, { headers: noStore });
    case 'second-factor':
      jar.set(signInStateCookieName(secure), signState('pending-sign-in', result.pending, PENDING_SIGN_IN_SECONDS), {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure,
        maxAge: PENDING_SIGN_IN_SECONDS,
      });
      return Response.json({ status: 'second-factor', methods: result.methods }, { headers: noStore });
    case 'throttled': {
      const message = tooManyAttemptsMessage(result.retryAfterSeconds);
      return jsonError(429, 'rate_limited', message, { headers: { 'Retry-After': String(result.retryAfterSeconds) } });
    }
    case 'invalid':
      return jsonError(401, 'unauthorized', invalidMessage);
  }
}

/** The pending sign-in of this browser (password checked), or null when none or expired. */
export async function readPendingSignIn(): Promise<PendingSignIn | null> {
  const jar = await cookies();
  return readState<PendingSignIn>('pending-sign-in', jar.get(signInStateCookieName())?.value);
}

export const EXPIRED_MESSAGE = 'Your sign-in took too long. Enter your email and password again.';

type Challenge = { c: string; u: string; purpose: 'sign-in' | 'register' };

/** Remembers a WebAuthn challenge for this browser, for this user and purpose, for two minutes. */
export async function rememberPasskeyChallenge(challenge: string, userId: string, purpose: Challenge['purpose']): Promise<void> {
  const secure = secureAuthCookies();
  (await cookies()).set(passkeyChallengeCookieName(secure), signState<Challenge>('passkey-challenge', { c: challenge, u: userId, purpose }, 120), {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure,
    maxAge: 120,
  });
}

/** Takes (reads and clears) the remembered challenge if it was made for this user and purpose. */
export async function takePasskeyChallenge(userId: string, purpose: Challenge['purpose']): Promise<string | null> {
  const jar = await cookies();
  const secure = secureAuthCookies();
  const state = readState<Challenge>('passkey-challenge', jar.get(passkeyChallengeCookieName(secure))?.value);
  clearCookie(jar, passkeyChallengeCookieName(secure), secure);
  return state && state.u === userId && state.purpose === purpose ? state.c : null;
}
