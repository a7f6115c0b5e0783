import crypto from 'node:crypto';
import { generate } from 'otplib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unseal } from '@/lib/auth/keys';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { signInWithPassword, completeSignIn, type PendingSignIn, type SignInResult } from '@/lib/auth/sign-in';
import { tooManyAttemptsMessage } from '@/lib/auth/throttle';
import { db } from '@/lib/db';
import { createUser, unique } from '@/test/fixtures';

const PASSWORD = 'test-password';
let ipCounter = 0;
/** A fresh address per call, so only the account's own count is in play. */
const freshIp = () => `198.51.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;

const attempt = (email: string, password: string, ip: string | null = freshIp()) => signInWithPassword({ email, password }, { ip });

const auditOf = (userId: string) =>
  db.auditLog.findMany({ where: { entityId: userId, action: { startsWith: 'auth.' } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { action: true, actorId: true, data: true } });

afterEach(() => vi.useRealTimers());

describe('sign-in throttling', () => {
  it('locks an account after 5 failures in 15 minutes, from any address, even for the right password', async () => {
    const user = await createUser('EDITOR');
    for (let i = 1; i <= 4; i++) expect(await attempt(user.email, 'wrong-password')).toEqual({ kind: 'invalid' });
    // The fifth failure locks the account, and says so at once.
    const fifth = await attempt(user.email, 'wrong-password');
    expect(fifth).toMatchObject({ kind: 'throttled' });
    const wait = (fifth as Extract<SignInResult, { kind: 'throttled' }>).retryAfterSeconds;
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(tooManyAttemptsMessage(wait)).toBe('Too many sign-in attempts. Try again in 15 minutes.');
    // Now even the right password is refused, before any hashing.
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ kind: 'throttled' });
    expect(await attempt(user.email.toUpperCase(), PASSWORD)).toMatchObject({ kind: 'throttled' });
    // Another account is not affected.
    const other = await createUser('EDITOR');
    expect(await attempt(other.email, PASSWORD)).toMatchObject({ kind: 'signed-in' });
  });

  it('opens again when the 15-minute window has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const user = await createUser('AUTHOR');
    for (let i = 0; i < 5; i++) await attempt(user.email, 'wrong-password');
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ kind: 'throttled' });
    vi.setSystemTime(Date.now() + 14 * 60_000);
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ kind: 'throttled', retryAfterSeconds: expect.any(Number) });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ kind: 'signed-in' });
  });

  it('a successful sign-in clears the account count', async () => {
    const user = await createUser('AUTHOR');
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, 'wrong-password')).toEqual({ kind: 'invalid' });
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ kind: 'signed-in' });
    // Four more failures are allowed again before the lock.
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, 'wrong-password')).toEqual({ kind: 'invalid' });
    expect(await attempt(user.email, 'wrong-password')).toMatchObject({ kind: 'throttled' });
  });

  it('counts unknown emails like known ones, so a lock reveals nothing', async () => {
    const email = `nobody-${unique()}@broadsheet.test`;
    for (let i = 0; i < 4; i++) expect(await attempt(email, 'whatever')).toEqual({ kind: 'invalid' });
    expect(await attempt(email, 'whatever')).toMatchObject({ kind: 'throttled' });
  });

  it('locks a client address after 20 failures across accounts; an IPv6 /64 counts as one address', async () => {
    const ip = '2001:db8:abcd:12::1';
    for (let i = 1; i <= 19; i++) expect(await attempt(`spray-${unique()}@broadsheet.test`, 'Spring2026!', i % 2 ? ip : `2001:db8:abcd:12:${i.toString(16)}::9`)).toEqual({ kind: 'invalid' });
    expect(await attempt(`spray-${unique()}@broadsheet.test`, 'Spring2026!', '2001:0db8:abcd:0012:ffff::')).toMatchObject({ kind: 'throttled' });
    // Every account is refused from that network now, even with the right password…
    const user = await createUser('EDITOR');
    expect(await attempt(user.email, PASSWORD, '2001:db8:abcd:12:1:2:3:4')).toMatchObject({ kind: 'throttled' });
    // …while the next /64 and IPv4 clients are not.
    expect(await attempt(user.email, PASSWORD, '2001:db8:abcd:13::1')).toMatchObject({ kind: 'signed-in' });
    // A refused attempt did not count on the account: it has all five tries.
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, 'wrong-password')).toEqual({ kind: 'invalid' });
  });

  it('a right password does not use up the address: a busy newsroom behind one IP keeps signing in', async () => {
    const ip = '203.0.113.50';
    for (let i = 0; i < 25; i++) {
      const user = await createUser('AUTHOR');
      expect(await attempt(user.email, PASSWORD, ip)).toMatchObject({ kind: 'signed-in' });
    }
  });

  it('records successes and failures in the audit log with the address hashed, never in clear', async () => {
    const user = await createUser('EDITOR');
    const ip = '192.0.2.77';
    await attempt(user.email, 'wrong-password', ip);
    await attempt(user.email, PASSWORD, ip);
    const log = await auditOf(user.id);
    expect(log.map((l) => [l.action, l.actorId])).toEqual([
      ['auth.sign_in_failed', null],
      ['auth.sign_in', user.id],
    ]);
    const hashes = log.map((l) => (l.data as { ipHash: string }).ipHash);
    expect(hashes[0]).toMatch(/^[\w-]{43}$/);
    expect(hashes[0]).toBe(hashes[1]);
    expect(JSON.stringify(log)).not.toContain(ip);
    expect(log[0]!.data).toMatchObject({ stage: 'password' });
    expect(log[1]!.data).toMatchObject({ method: 'password' });
  });

  it('marks the failure that locks the account in the audit log', async () => {
    const user = await createUser('EDITOR');
    for (let i = 0; i < 5; i++) await attempt(user.email, 'wrong-password');
    const log = await auditOf(user.id);
    expect(log.map((l) => (l.data as { locked?: boolean }).locked ?? false)).toEqual([false, false, false, false, true]);
    // Attempts refused by the lock are not written (a flood must not fill the log).
    await attempt(user.email, 'wrong-password');
    expect(await auditOf(user.id)).toHaveLength(5);
  });
});

describe('password hashes are upgraded at sign-in', () => {
  it('re-hashes a legacy scrypt hash with argon2id at the next successful sign-in', async () => {
    const user = await createUser('AUTHOR');
    const salt = crypto.randomBytes(16);
    const legacy = ['scrypt', 1024, 8, 1, salt.toString('base64url'), crypto.scryptSync(PASSWORD, salt, 64, { N: 1024, r: 8, p: 1 }).toString('base64url')].join('$');
    await db.user.update({ where: { id: user.id }, data: { passwordHash: legacy } });

    expect(await attempt(user.email, 'wrong-password')).toEqual({ kind: 'invalid' });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash).toBe(legacy);

    expect(await attempt(user.email, PASSWORD)).toMatchObject({ kind: 'signed-in' });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await verifyPassword(PASSWORD, passwordHash)).toBe(true);
    expect(await attempt(user.email, PASSWORD)).toMatchObject({ kind: 'signed-in' });
  });

  it('re-hashes an argon2id hash made with other parameters, and leaves a current one alone', async () => {
    const user = await createUser('AUTHOR');
    const old = await hashPassword(PASSWORD); // today's (test) parameters
    await db.user.update({ where: { id: user.id }, data: { passwordHash: old } });
    await attempt(user.email, PASSWORD);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash).toBe(old);

    const { setPasswordHashParams } = await import('@/lib/auth/password');
    setPasswordHashParams({ memoryCost: 2048, timeCost: 1, parallelism: 1 });
    try {
      await attempt(user.email, PASSWORD);
      const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
      expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=2048,t=1,p=1\$/);
    } finally {
      setPasswordHashParams({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    }
  });
});

/** A user with an authenticator app on, and its secret for computing codes. */
async function userWithTotp() {
  const user = await createUser('EDITOR');
  const { beginTotpSetup, confirmTotp } = await import('@/lib/auth/two-factor');
  await beginTotpSetup(user);
  const sealed = (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } })).totpSecret!;
  const secret = unseal('totp-secret', sealed)!;
  // Confirm with the previous step's code, so the current one is still fresh for sign-in.
  const { recoveryCodes } = await confirmTotp(user, await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 }));
  return { user, secret, recoveryCodes: recoveryCodes! };
}

describe('two-factor sign-in', () => {
  it('asks for the second factor after the password, without a session, and signs in with a TOTP code once', async () => {
    const { user, secret } = await userWithTotp();
    const first = await attempt(user.email, PASSWORD);
    expect(first).toEqual({ kind: 'second-factor', pending: { uid: user.id, sv: 0 }, methods: { totp: true, passkey: false, recovery: true } });
    const pending = (first as { pending: PendingSignIn }).pending;

    expect(await completeSignIn(pending, { method: 'totp', code: '000000' }, { ip: freshIp() })).toEqual({ kind: 'invalid' });
    const code = await generate({ secret });
    expect(await completeSignIn(pending, { method: 'totp', code: `${code.slice(0, 3)} ${code.slice(3)}` }, { ip: freshIp() })).toMatchObject({ kind: 'signed-in', method: 'totp' });
    // The same code cannot be replayed.
    expect(await completeSignIn(pending, { method: 'totp', code }, { ip: freshIp() })).toEqual({ kind: 'invalid' });
    expect((await auditOf(user.id)).map((l) => l.action)).toEqual(['auth.sign_in_failed', 'auth.sign_in', 'auth.sign_in_failed']);
  });

  it('accepts each of the 10 recovery codes exactly once, in any case and spacing', async () => {
    const { user, recoveryCodes } = await userWithTotp();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    // Stored only as keyed hashes.
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replace('-', ''));

    const pending = { uid: user.id, sv: 0 };
    const used = await completeSignIn(pending, { method: 'recovery', code: ` ${recoveryCodes[3]!.toUpperCase().replace('-', ' ')} ` }, { ip: freshIp() });
    expect(used).toMatchObject({ kind: 'signed-in', method: 'recovery' });
    expect(await completeSignIn(pending, { method: 'recovery', code: recoveryCodes[3]! }, { ip: freshIp() })).toEqual({ kind: 'invalid' });
    expect(await completeSignIn(pending, { method: 'recovery', code: recoveryCodes[4]! }, { ip: freshIp() })).toMatchObject({ kind: 'signed-in' });
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(8);
    // Another user's code is worthless here.
    const other = await userWithTotp();
    expect(await completeSignIn(pending, { method: 'recovery', code: other.recoveryCodes[0]! }, { ip: freshIp() })).toEqual({ kind: 'invalid' });
  });

  it('counts wrong codes on the account lock too', async () => {
    const { user, secret } = await userWithTotp();
    const pending = { uid: user.id, sv: 0 };
    for (let i = 0; i < 4; i++) expect(await completeSignIn(pending, { method: 'totp', code: '000000' }, { ip: freshIp() })).toEqual({ kind: 'invalid' });
    expect(await completeSignIn(pending, { method: 'totp', code: '000000' }, { ip: freshIp() })).toMatchObject({ kind: 'throttled' });
    expect(await completeSignIn(pending, { method: 'totp', code: await generate({ secret }) }, { ip: freshIp() })).toMatchObject({ kind: 'throttled' });
  });

  it('voids a pending sign-in when the account changed since the password step', async () => {
    const { user, secret } = await userWithTotp();
    const pending = { uid: user.id, sv: 0 };
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await completeSignIn(pending, { method: 'totp', code: await generate({ secret }) }, { ip: freshIp() })).toEqual({ kind: 'invalid' });
  });
});
