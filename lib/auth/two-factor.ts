import 'server-only';
import crypto from 'node:crypto';
import { generateSecret, generateURI, verify as verifyTotpCode, type VerifyResult as TotpVerifyResult } from 'otplib';
import QRCode from 'qrcode';
import { recordAudit } from '@/lib/audit';
import { keyedHash, seal, unseal } from '@/lib/auth/keys';
import { verifyPassword } from '@/lib/auth/password';
import { hasRole } from '@/lib/auth/roles';
import { getTwoFactorPolicy, policyCovers } from '@/lib/auth/two-factor-policy';
import { db, type Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getSiteSettings } from '@/lib/settings';
import type { StaffUser } from '@/lib/users';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export const RECOVERY_CODE_COUNT = 10;
/** Codes from the authenticator app are accepted one 30-second step early or late (clock drift). */
const TOTP_TOLERANCE_SECONDS = 30;

export type TwoFactorStatus = {
  totpEnabled: boolean;
  /** An authenticator app set up but not yet confirmed with a code. */
  totpPending: boolean;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  recoveryCodesLeft: number;
  /** The site requires two-factor for this user's role. */
  required: boolean;
};

/** What the profile shows about the user's own second factors. */
export async function getTwoFactorStatus(user: Pick<StaffUser, 'id' | 'role'>): Promise<TwoFactorStatus> {
  const [row, passkeys, recoveryCodesLeft, policy] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true, totpSecret: true } }),
    db.passkey.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true, createdAt: true, lastUsedAt: true } }),
    db.recoveryCode.count({ where: { userId: user.id, usedAt: null } }),
    getTwoFactorPolicy(),
  ]);
  return {
    totpEnabled: row.totpEnabledAt !== null,
    totpPending: row.totpEnabledAt === null && row.totpSecret !== null,
    passkeys,
    recoveryCodesLeft,
    required: policyCovers(policy, user.role),
  };
}

// ---------------------------------------------------------------- authenticator app (TOTP)

export type TotpSetup = { secret: string; uri: string; qrSvg: string };

/** Formats a base32 key in groups of four for typing into an app by hand. */
export const groupKey = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Starts setting up an authenticator app: a new secret (stored sealed, not yet in force), its
 * otpauth:// URI and a QR code of it as SVG. Confirmed by `confirmTotp` with a code from the app.
 */
export async function beginTotpSetup(user: Pick<StaffUser, 'id' | 'email'>): Promise<TotpSetup> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (row.totpEnabledAt) throw new AppError('conflict', 'An authenticator app is already set up. Remove it first to set up another.');
  const secret = generateSecret({ length: 20 });
  await db.user.update({ where: { id: user.id }, data: { totpSecret: seal('totp-secret', secret), totpLastStep: null } });
  return describeTotpSecret(secret, user.email);
}

/** The key, URI and QR code of the pending setup, to show again after a reload; null when none is pending. */
export async function getPendingTotpSetup(user: Pick<StaffUser, 'id' | 'email'>): Promise<TotpSetup | null> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true, totpSecret: true } });
  if (row.totpEnabledAt || !row.totpSecret) return null;
  const secret = unseal('totp-secret', row.totpSecret);
  return secret ? describeTotpSecret(secret, user.email) : null;
}

async function describeTotpSecret(secret: string, email: string): Promise<TotpSetup> {
  const { name } = await getSiteSettings();
  const uri = generateURI({ issuer: name, label: email, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

const TOTP_CODE = /^\d{6}$/;

/** Normalises what people type for a six-digit code ("123 456", "123-456"). */
export const normaliseCode = (code: string) => code.replace(/[\s-]/g, '');

/**
 * Checks a code against a sealed secret; returns the time step it matched, or null. Codes at or
 * before `afterStep` (already used) are refused, so an observed code cannot be replayed.
 */
export async function checkTotp(sealedSecret: string | null, code: string, afterStep: number | null): Promise<number | null> {
  const token = normaliseCode(code);
  if (!sealedSecret || !TOTP_CODE.test(token)) return null;
  const secret = unseal('totp-secret', sealedSecret);
  if (!secret) return null;
  try {
    const result = (await verifyTotpCode({ secret, token, epochTolerance: TOTP_TOLERANCE_SECONDS, ...(afterStep !== null ? { afterTimeStep: afterStep } : {}) })) as TotpVerifyResult;
    return result.valid ? result.timeStep : null;
  } catch {
    return null;
  }
}

/**
 * Records a TOTP step as used, only if no later one was: false when a concurrent request used
 * this (or a later) code first.
 */
export async function claimTotpStep(userId: string, step: number, tx: Pick<Db, 'user'> = db): Promise<boolean> {
  const { count } = await tx.user.updateMany({ where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
  return count === 1;
}

/**
 * Confirms the pending authenticator app with a code from it. Returns fresh recovery codes
 * when this is the user's first second factor (shown once), else null.
 */
export async function confirmTotp(user: Pick<StaffUser, 'id' | 'name'>, code: string): Promise<{ recoveryCodes: string[] | null }> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true, totpSecret: true, totpLastStep: true } });
  if (row.totpEnabledAt) throw new AppError('conflict', 'Your authenticator app is already set up.');
  if (!row.totpSecret) throw new AppError('unprocessable', 'Start again: choose “Set up an authenticator app”.');
  const step = await checkTotp(row.totpSecret, code, row.totpLastStep);
  if (step === null) {
    const message = 'That code did not match. Enter the 6-digit code your app shows now.';
    throw new AppError('unprocessable', message, { code: [message] });
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: user.id, totpEnabledAt: null, totpSecret: row.totpSecret }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
    if (count !== 1) throw new AppError('conflict', 'Your authenticator app setup changed meanwhile. Reload the page and try again.');
    const recoveryCodes = (await countSecondFactors(tx, user.id, { exceptTotp: true })) === 0 ? await replaceRecoveryCodes(tx, user.id) : null;
    await recordAudit(tx, { actorId: user.id, action: 'user.two_factor_enabled', entityType: 'user', entityId: user.id, summary: user.name, data: { method: 'totp' } });
    return { recoveryCodes };
  });
}

/** Removes the user's own authenticator app after checking their password; refused when the site requires a second factor and it is the last. */
export async function removeTotp(user: Pick<StaffUser, 'id' | 'name' | 'role'>, password: string): Promise<void> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, totpEnabledAt: true, totpSecret: true } });
  if (!row.totpEnabledAt && !row.totpSecret) return;
  if (!(await verifyPassword(password, row.passwordHash))) {
    throw new AppError('unprocessable', 'Your password is not correct.', { password: ['Your password is not correct.'] });
  }
  await db.$transaction(async (tx) => {
    const others = await countSecondFactors(tx, user.id, { exceptTotp: true });
    if (others === 0 && row.totpEnabledAt && policyCovers(await getTwoFactorPolicy(), user.role)) {
      throw new AppError('forbidden', 'The site requires two-factor authentication for your role: add a passkey before removing your authenticator app.');
    }
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    if (others === 0) await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    if (row.totpEnabledAt) await recordAudit(tx, { actorId: user.id, action: 'user.two_factor_disabled', entityType: 'user', entityId: user.id, summary: user.name, data: { method: 'totp' } });
  });
}

/** How many second factors the user has (an enabled authenticator app counts one, each passkey one). */
export async function countSecondFactors(tx: Pick<Db, 'user' | 'passkey'>, userId: string, opts: { exceptTotp?: boolean } = {}): Promise<number> {
  const [row, passkeys] = await Promise.all([tx.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } }), tx.passkey.count({ where: { userId } })]);
  return passkeys + (row.totpEnabledAt && !opts.exceptTotp ? 1 : 0);
}

// ---------------------------------------------------------------- recovery codes

// Ten lowercase letters and digits without look-alikes (0/o, 1/l/i): about 50 bits each.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newRecoveryCode(): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** What people type for a recovery code: case, spaces and dashes do not matter. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

const recoveryHash = (userId: string, code: string) => keyedHash('recovery-code', `${userId}:${normaliseRecoveryCode(code)}`);

/** Replaces the user's recovery codes with ten new ones; returns them in plain text (stored only hashed). */
export async function replaceRecoveryCodes(tx: Pick<Db, 'recoveryCode'>, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: recoveryHash(userId, code) })) });
  return codes;
}

/** New recovery codes on the user's request (the old ones stop working); only with two-factor on. */
export async function regenerateRecoveryCodes(user: Pick<StaffUser, 'id' | 'name'>): Promise<string[]> {
  return db.$transaction(async (tx) => {
    if ((await countSecondFactors(tx, user.id)) === 0) throw new AppError('unprocessable', 'Set up an authenticator app or a passkey first.');
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, { actorId: user.id, action: 'user.recovery_codes_regenerated', entityType: 'user', entityId: user.id, summary: user.name });
    return codes;
  });
}

/** Uses up one recovery code: true once per code, false for anything else (unknown, used, malformed). */
export async function redeemRecoveryCode(userId: string, code: string): Promise<{ ok: boolean; left: number }> {
  const normalised = normaliseRecoveryCode(code);
  if (!/^[a-z0-9]{10}$/.test(normalised)) return { ok: false, left: -1 };
  const { count } = await db.recoveryCode.updateMany({ where: { userId, codeHash: recoveryHash(userId, normalised), usedAt: null }, data: { usedAt: new Date() } });
  const left = count === 1 ? await db.recoveryCode.count({ where: { userId, usedAt: null } }) : -1;
  return { ok: count === 1, left };
}

// ---------------------------------------------------------------- admins

/**
 * Removes every second factor of another user (authenticator app, passkeys, recovery codes)
 * and ends their sessions, e.g. after a lost phone; admins only, audited.
 */
export async function resetTwoFactor(userId: string, actor: StaffUser): Promise<{ name: string }> {
  if (!hasRole(actor.role, 'ADMIN')) throw new AppError('forbidden', 'Only admins can reset two-factor authentication.');
  return db.$transaction(async (tx: Tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { name: true, totpEnabledAt: true, totpSecret: true } });
    if (!target) throw new AppError('not_found', 'This user no longer exists.');
    const [passkeys, codes] = await Promise.all([tx.passkey.deleteMany({ where: { userId } }), tx.recoveryCode.deleteMany({ where: { userId } })]);
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.two_factor_reset',
      entityType: 'user',
      entityId: userId,
      summary: target.name,
      data: { authenticatorApp: target.totpEnabledAt !== null, passkeys: passkeys.count, recoveryCodes: codes.count },
    });
    return { name: target.name };
  });
}
