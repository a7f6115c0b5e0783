import 'server-only';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { recordAudit } from '@/lib/audit';
import { getTwoFactorPolicy, policyCovers } from '@/lib/auth/two-factor-policy';
import { countSecondFactors, replaceRecoveryCodes } from '@/lib/auth/two-factor';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getSiteSettings } from '@/lib/settings';
import type { StaffUser } from '@/lib/users';

/** The origin passkeys are bound to, and its host name as the WebAuthn relying party id. */
export function passkeyRelyingParty(): { origin: string; rpID: string } {
  const origin = new URL(env.PASSKEY_ORIGIN ?? env.NEXTAUTH_URL ?? env.SITE_URL).origin;
  return { origin, rpID: new URL(origin).hostname };
}

const TIMEOUT_MS = 120_000;

/** Options for the browser to create a passkey for this user (their existing ones excluded). */
export async function passkeyRegistrationOptions(user: Pick<StaffUser, 'id' | 'name' | 'email'>): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const [existing, site] = await Promise.all([db.passkey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true } }), getSiteSettings()]);
  return generateRegistrationOptions({
    rpName: site.name,
    rpID: passkeyRelyingParty().rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    timeout: TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: splitTransports(p.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/**
 * Verifies the browser's answer to `passkeyRegistrationOptions` and stores the passkey under the
 * name given. Returns fresh recovery codes when it is the user's first second factor (shown once).
 */
export async function registerPasskey(
  user: Pick<StaffUser, 'id' | 'name'>,
  input: { name: string; response: RegistrationResponseJSON; expectedChallenge: string },
): Promise<{ id: string; recoveryCodes: string[] | null }> {
  const rp = passkeyRelyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: input.expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
  } catch {
    verification = { verified: false as const };
  }
  if (!verification.verified) throw new AppError('unprocessable', 'The passkey could not be verified. Try adding it again.');
  const { credential, credentialBackedUp } = verification.registrationInfo;
  return db.$transaction(async (tx) => {
    if (await tx.passkey.findUnique({ where: { credentialId: credential.id }, select: { id: true } })) {
      throw new AppError('conflict', 'This passkey is already registered.');
    }
    const first = (await countSecondFactors(tx, user.id)) === 0;
    const passkey = await tx.passkey.create({
      data: {
        userId: user.id,
        credentialId: credential.id,
        publicKey: new Uint8Array(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: (credential.transports ?? []).join(','),
        name: input.name,
        backedUp: credentialBackedUp,
      },
      select: { id: true },
    });
    const recoveryCodes = first ? await replaceRecoveryCodes(tx, user.id) : null;
    await recordAudit(tx, { actorId: user.id, action: 'user.passkey_added', entityType: 'user', entityId: user.id, summary: `${user.name}: ${input.name}` });
    return { id: passkey.id, recoveryCodes };
  });
}

/** Removes one of the user's own passkeys; refused when the site requires a second factor and it is the last. */
export async function removePasskey(user: Pick<StaffUser, 'id' | 'name' | 'role'>, passkeyId: string): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    const passkey = await tx.passkey.findFirst({ where: { id: passkeyId, userId: user.id }, select: { id: true, name: true } });
    if (!passkey) throw new AppError('not_found', 'This passkey is no longer registered.');
    const total = await countSecondFactors(tx, user.id);
    if (total === 1 && policyCovers(await getTwoFactorPolicy(), user.role)) {
      throw new AppError('forbidden', 'The site requires two-factor authentication for your role: set up another passkey or an authenticator app before removing this one.');
    }
    await tx.passkey.delete({ where: { id: passkey.id } });
    if (total === 1) await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, { actorId: user.id, action: 'user.passkey_removed', entityType: 'user', entityId: user.id, summary: `${user.name}: ${passkey.name}` });
    return { name: passkey.name };
  });
}

/** Options for the browser to sign in with one of this user's passkeys; null when they have none. */
export async function passkeyAuthenticationOptions(userId: string): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const passkeys = await db.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  if (passkeys.length === 0) return null;
  return generateAuthenticationOptions({
    rpID: passkeyRelyingParty().rpID,
    timeout: TIMEOUT_MS,
    userVerification: 'preferred',
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: splitTransports(p.transports) })),
  });
}

/** Checks a passkey assertion for this user against the challenge it was given; true when it holds. */
export async function verifyPasskeySignIn(userId: string, response: AuthenticationResponseJSON, expectedChallenge: string): Promise<boolean> {
  const passkey = await db.passkey.findFirst({ where: { userId, credentialId: response.id }, select: { id: true, credentialId: true, publicKey: true, counter: true, transports: true } });
  if (!passkey) return false;
  const rp = passkeyRelyingParty();
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: splitTransports(passkey.transports) },
      requireUserVerification: false,
    });
    if (!verified) return false;
    await db.passkey.update({ where: { id: passkey.id }, data: { counter: BigInt(authenticationInfo.newCounter), lastUsedAt: new Date(), backedUp: authenticationInfo.credentialBackedUp } });
    return true;
  } catch {
    // A counter that went backwards (a cloned authenticator), a wrong origin, a malformed answer.
    return false;
  }
}

type Transport = NonNullable<Parameters<typeof generateAuthenticationOptions>[0]['allowCredentials']>[number]['transports'];
const splitTransports = (s: string): Transport => (s ? s.split(',').filter(Boolean) : undefined);
