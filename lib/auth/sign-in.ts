import 'server-only';
import { recordAudit } from '@/lib/audit';
import { keyedHash } from '@/lib/auth/keys';
import { dummyPasswordHash, hashPassword, passwordNeedsRehash, verifyPassword } from '@/lib/auth/password';
import { verifyPasskeySignIn } from '@/lib/auth/passkeys';
import type { SessionSubject } from '@/lib/auth/session-cookie';
import { beginSignInAttempt, lockedFor, passwordAccepted, signInSucceeded, throttleKeys, type ThrottleKeys } from '@/lib/auth/throttle';
import { checkTotp, claimTotpStep, redeemRecoveryCode } from '@/lib/auth/two-factor';
import { db } from '@/lib/db';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';

/** Where a sign-in attempt comes from: the client IP as lib/client-ip decides it (TRUST_PROXY). */
export type SignInContext = { ip: string | null };

export type SecondFactorMethods = { totp: boolean; passkey: boolean; recovery: boolean };

/** The signed "password checked" state carried between the two steps (never a session). */
export type PendingSignIn = { uid: string; sv: number };

export type SignInResult =
  | { kind: 'signed-in'; user: SessionSubject; method: string }
  | { kind: 'second-factor'; pending: PendingSignIn; methods: SecondFactorMethods }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

const ipHash = (ip: string | null) => (ip ? keyedHash('audit-ip', ip) : null);

async function auditSignIn(event: 'auth.sign_in' | 'auth.sign_in_failed', who: { id: string; name: string } | { email: string }, ctx: SignInContext, data: Record<string, string | number | boolean>) {
  const known = 'id' in who;
  await recordAudit(db, {
    // A failure is not the account holder's act: no actor.
    actorId: known && event === 'auth.sign_in' ? who.id : null,
    action: event,
    entityType: known ? 'user' : 'sign_in',
    // Unknown emails are kept only as a keyed hash (people type passwords into the email field).
    entityId: known ? who.id : keyedHash('audit-ip', `email:${who.email}`).slice(0, 24),
    summary: known ? who.name : 'Unknown account',
    data: { ...data, ipHash: ipHash(ctx.ip) },
  });
}

/** A failed attempt: audited (with whether it locked the account or network), and the wait when it did. */
async function failed(keys: ThrottleKeys, who: { id: string; name: string } | { email: string }, ctx: SignInContext, stage: string): Promise<SignInResult> {
  const wait = await lockedFor(keys);
  await auditSignIn('auth.sign_in_failed', who, ctx, { stage, ...(wait > 0 ? { locked: true } : {}) });
  return wait > 0 ? { kind: 'throttled', retryAfterSeconds: wait } : { kind: 'invalid' };
}

/**
 * The first step: email and password. The throttle is consulted before any hashing (a locked
 * account or network costs nothing to refuse). An unknown email costs the same hash as a known
 * one. A user with two-factor gets a pending state, never a session; everyone else is signed in.
 * An outdated password hash is replaced with one at today's parameters.
 */
export async function signInWithPassword(input: { email: string; password: string }, ctx: SignInContext): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, ctx.ip);
  const attempt = await beginSignInAttempt(keys);
  if (!attempt.ok) return { kind: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };

  const user = await db.user.findFirst({
    where: { email, deactivatedAt: null },
    select: { id: true, name: true, email: true, role: true, passwordHash: true, sessionVersion: true, totpEnabledAt: true, _count: { select: { passkeys: true } } },
  });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok) return failed(keys, user ?? { email }, ctx, 'password');

  if (passwordNeedsRehash(user.passwordHash)) {
    const fresh = await hashPassword(input.password);
    // Only if the password did not change meanwhile.
    await db.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: fresh } });
  }
  const methods = { totp: user.totpEnabledAt !== null, passkey: user._count.passkeys > 0, recovery: false };
  if (methods.totp || methods.passkey) {
    // The sign-in succeeds only once the second factor is in: until then the account's count stays.
    await passwordAccepted(keys);
    methods.recovery = (await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })) > 0;
    return { kind: 'second-factor', pending: { uid: user.id, sv: user.sessionVersion }, methods };
  }
  await signInSucceeded(keys);
  const subject = { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
  await auditSignIn('auth.sign_in', subject, ctx, { method: 'password' });
  return { kind: 'signed-in', user: subject, method: 'password' };
}

export type SecondFactorInput = { method: 'totp'; code: string } | { method: 'recovery'; code: string } | { method: 'passkey'; response: AuthenticationResponseJSON; expectedChallenge: string | null };

/**
 * The second step, for a pending sign-in whose password was checked: a code from the
 * authenticator app, a recovery code (each works once) or a passkey. Failures count on the
 * same limits as wrong passwords.
 */
export async function completeSignIn(pending: PendingSignIn, input: SecondFactorInput, ctx: SignInContext): Promise<SignInResult> {
  const user = await db.user.findFirst({
    where: { id: pending.uid, deactivatedAt: null },
    select: { id: true, name: true, email: true, role: true, sessionVersion: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  // A password change, reset or sign-out-everywhere since the password step voids it.
  if (!user || user.sessionVersion !== pending.sv) return { kind: 'invalid' };
  const keys = throttleKeys(user.email, ctx.ip);
  const attempt = await beginSignInAttempt(keys);
  if (!attempt.ok) return { kind: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };

  let ok = false;
  let extra: Record<string, number> = {};
  if (input.method === 'totp') {
    const step = user.totpEnabledAt ? await checkTotp(user.totpSecret, input.code, user.totpLastStep) : null;
    ok = step !== null && (await claimTotpStep(user.id, step));
  } else if (input.method === 'recovery') {
    const used = await redeemRecoveryCode(user.id, input.code);
    ok = used.ok;
    if (ok) extra = { recoveryCodesLeft: used.left };
  } else {
    ok = !!input.expectedChallenge && (await verifyPasskeySignIn(user.id, input.response, input.expectedChallenge));
  }
  if (!ok) return failed(keys, user, ctx, input.method);

  await signInSucceeded(keys);
  const subject = { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
  await auditSignIn('auth.sign_in', subject, ctx, { method: input.method, ...extra });
  return { kind: 'signed-in', user: subject, method: input.method };
}
