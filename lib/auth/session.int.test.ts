import { generate } from 'otplib';
import { afterEach, describe, expect, it } from 'vitest';
import { unseal } from '@/lib/auth/keys';
import { resolveSession } from '@/lib/auth/session';
import { beginTotpSetup, confirmTotp, getTwoFactorStatus, removeTotp, resetTwoFactor } from '@/lib/auth/two-factor';
import { getTwoFactorPolicy, saveTwoFactorPolicy } from '@/lib/auth/two-factor-policy';
import { pageTags } from '@/lib/cache';
import { invalidateTags } from '@/lib/cache/shared.mjs';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { changeOwnPassword, setUserActive, signOutEverywhere } from '@/lib/users/admin';
import { createUser } from '@/test/fixtures';

const versionOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

async function turnOnTotp(user: StaffUser) {
  await beginTotpSetup(user);
  const sealed = (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } })).totpSecret!;
  return confirmTotp(user, await generate({ secret: unseal('totp-secret', sealed)! }));
}

describe('sessions end when they should', () => {
  it('a password change ends every other session; the new version is the one to re-issue', async () => {
    const user = await createUser('AUTHOR');
    const before = { uid: user.id, sv: 0 };
    expect(await resolveSession(before)).toMatchObject({ user: { id: user.id }, sessionVersion: 0, mustEnrol: false });
    // Sessions from before versions existed carry none and count as version 0.
    expect(await resolveSession({ uid: user.id, sv: undefined })).not.toBeNull();

    const { sessionVersion } = await changeOwnPassword(user, { currentPassword: 'test-password', newPassword: 'a-new-long-password' });
    expect(sessionVersion).toBe(1);
    expect(await resolveSession(before)).toBeNull();
    expect(await resolveSession({ uid: user.id, sv: undefined })).toBeNull();
    expect(await resolveSession({ uid: user.id, sv: sessionVersion })).toMatchObject({ user: { id: user.id } });
  });

  it('"Sign out everywhere" ends every session but the one re-issued, and is audited', async () => {
    const user = await createUser('EDITOR');
    const { sessionVersion } = await signOutEverywhere(user);
    expect(await resolveSession({ uid: user.id, sv: 0 })).toBeNull();
    expect(await resolveSession({ uid: user.id, sv: sessionVersion })).not.toBeNull();
    const { sessionVersion: again } = await signOutEverywhere(user);
    expect(again).toBe(sessionVersion + 1);
    expect(await resolveSession({ uid: user.id, sv: sessionVersion })).toBeNull();
    const log = await db.auditLog.findMany({ where: { entityId: user.id, action: 'user.signed_out_everywhere' }, select: { actorId: true } });
    expect(log).toEqual([{ actorId: user.id }, { actorId: user.id }]);
  });

  it('deactivation ends sessions, and reactivation does not bring the old ones back', async () => {
    const admin = await createUser('ADMIN');
    const user = await createUser('AUTHOR');
    await setUserActive(user.id, false, admin);
    expect(await resolveSession({ uid: user.id, sv: 0 })).toBeNull();
    await setUserActive(user.id, true, admin);
    expect(await resolveSession({ uid: user.id, sv: 0 })).toBeNull();
    expect(await resolveSession({ uid: user.id, sv: await versionOf(user.id) })).not.toBeNull();
  });

  it('an unknown user id resolves to no session', async () => {
    expect(await resolveSession({ uid: 'no-such-user', sv: 0 })).toBeNull();
  });
});

describe('admins reset another user’s two-factor', () => {
  it('removes the app, passkeys and recovery codes, ends their sessions, and is audited', async () => {
    const admin = await createUser('ADMIN');
    const user = await createUser('EDITOR');
    await turnOnTotp(user);
    await db.passkey.create({ data: { userId: user.id, credentialId: `cred-${user.id}`, publicKey: new Uint8Array([1, 2, 3]), name: 'Old key' } });
    expect(await getTwoFactorStatus(user)).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 10, passkeys: [{ name: 'Old key' }] });

    await resetTwoFactor(user.id, admin);
    expect(await getTwoFactorStatus(user)).toMatchObject({ totpEnabled: false, totpPending: false, recoveryCodesLeft: 0, passkeys: [] });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpLastStep: true } })).toEqual({ totpSecret: null, totpLastStep: null });
    expect(await resolveSession({ uid: user.id, sv: 0 })).toBeNull();
    const log = await db.auditLog.findMany({ where: { entityId: user.id, action: 'user.two_factor_reset' }, select: { actorId: true, data: true } });
    expect(log).toEqual([{ actorId: admin.id, data: { authenticatorApp: true, passkeys: 1, recoveryCodes: 10 } }]);
  });

  it('refuses anyone but an admin, changing nothing', async () => {
    const user = await createUser('AUTHOR');
    await turnOnTotp(user);
    for (const role of ['EDITOR', 'AUTHOR', 'CONTRIBUTOR'] as const) {
      await expect(resetTwoFactor(user.id, await createUser(role))).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await getTwoFactorStatus(user)).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 10 });
    expect(await versionOf(user.id)).toBe(0);
  });
});

describe('requiring two-factor for staff roles', () => {
  afterEach(async () => {
    await db.setting.deleteMany({ where: { key: 'security.twoFactorRequiredFrom' } });
    // Drop the settings store's copy too, as a save on any instance would.
    await invalidateTags([pageTags.settings('twoFactor')]);
  });

  it('sends covered users without a second factor to enrolment, and only them', async () => {
    const admin = await createUser('ADMIN');
    await turnOnTotp(admin);
    const editor = await createUser('EDITOR');
    const author = await createUser('AUTHOR');
    await saveTwoFactorPolicy('EDITOR', admin);
    expect(await getTwoFactorPolicy()).toBe('EDITOR');

    expect(await resolveSession({ uid: editor.id, sv: 0 })).toMatchObject({ mustEnrol: true });
    expect(await resolveSession({ uid: author.id, sv: 0 })).toMatchObject({ mustEnrol: false });
    expect(await resolveSession({ uid: admin.id, sv: 0 })).toMatchObject({ mustEnrol: false });

    // A passkey counts as a second factor as much as an app does.
    await db.passkey.create({ data: { userId: editor.id, credentialId: `cred-${editor.id}`, publicKey: new Uint8Array([1]), name: 'Key' } });
    expect(await resolveSession({ uid: editor.id, sv: 0 })).toMatchObject({ mustEnrol: false });

    const log = await db.auditLog.findMany({ where: { action: 'settings.two_factor_policy', actorId: admin.id }, select: { data: true } });
    expect(log).toEqual([{ data: { before: null, after: 'EDITOR' } }]);
  });

  it('refuses to lock out the admin who saves it, and refuses non-admins', async () => {
    const admin = await createUser('ADMIN');
    await expect(saveTwoFactorPolicy('ADMIN', admin)).rejects.toMatchObject({ code: 'unprocessable', details: { policy: [expect.stringContaining('your own profile first')] } });
    await expect(saveTwoFactorPolicy('off', await createUser('EDITOR'))).rejects.toMatchObject({ code: 'forbidden' });
    expect(await getTwoFactorPolicy()).toBe('off');
  });

  it('will not let a covered user remove their last second factor', async () => {
    const admin = await createUser('ADMIN');
    await turnOnTotp(admin);
    const user = await createUser('EDITOR');
    await turnOnTotp(user);
    await saveTwoFactorPolicy('CONTRIBUTOR', admin);
    await expect(removeTotp(user, 'test-password')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await getTwoFactorStatus(user)).toMatchObject({ totpEnabled: true });
    await saveTwoFactorPolicy('off', admin);
    await expect(removeTotp(user, 'wrong-password')).rejects.toMatchObject({ code: 'unprocessable' });
    await removeTotp(user, 'test-password');
    expect(await getTwoFactorStatus(user)).toMatchObject({ totpEnabled: false, recoveryCodesLeft: 0 });
  });
});
