'use server';

import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { revalidatePath } from 'next/cache';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { passkeyRegistrationOptions, registerPasskey, removePasskey } from '@/lib/auth/passkeys';
import { requireRole, requireSignedIn } from '@/lib/auth/session';
import { startSession } from '@/lib/auth/session-cookie';
import { rememberPasskeyChallenge, takePasskeyChallenge } from '@/lib/auth/sign-in-http';
import { beginTotpSetup, confirmTotp, groupKey, regenerateRecoveryCodes, removeTotp } from '@/lib/auth/two-factor';
import { AppError } from '@/lib/errors';
import { confirmTotpSchema, passkeyIdSchema, passkeyRegistrationSchema, removeTotpSchema } from '@/lib/validation/auth';
import { changeOwnPassword, signOutEverywhere, updateOwnProfile } from '@/lib/users/admin';
import { changePasswordSchema, profileSchema } from '@/lib/validation/users';

/** "Save profile" on /admin/profile; lib/users refreshes the bylines and author page showing the name and bio. */
export async function updateProfileAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    await updateOwnProfile(user, parseForm(profileSchema, form));
    // The dashboard's header shows the name too.
    revalidatePath('/admin', 'layout');
    return { ok: true, message: 'Profile saved.' };
  });
}

/** "Change password" on /admin/profile. */
export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    const { sessionVersion } = await changeOwnPassword(user, parseForm(changePasswordSchema, form));
    // Every other session has ended; this one carries on with the new version.
    await startSession({ ...user, sessionVersion });
    return { ok: true, message: 'Password changed. Your other sessions are signed out; use the new password next time you sign in.' };
  });
}

// Two-factor on /admin/profile and on /login/enrol (where someone the site requires to use
// two-factor sets it up before anything else: those actions accept their restricted session).

const refresh = () => revalidatePath('/admin/profile');

/** "Set up an authenticator app": a new key and its QR code, not in force until confirmed. */
export async function beginTotpSetupAction(): Promise<ActionState<{ groupedKey: string; qrSvg: string }>> {
  return runAction(new FormData(), async () => {
    const { user } = await requireSignedIn();
    const { secret, qrSvg } = await beginTotpSetup(user);
    return { ok: true, data: { groupedKey: groupKey(secret), qrSvg } };
  });
}

/** "Confirm" under the QR code: turns the app on; the first second factor also brings recovery codes. */
export async function confirmTotpAction(_prev: ActionState<{ recoveryCodes: string[] | null }>, form: FormData): Promise<ActionState<{ recoveryCodes: string[] | null }>> {
  return runAction(form, async () => {
    const { user } = await requireSignedIn();
    const { code } = parseForm(confirmTotpSchema, form);
    const { recoveryCodes } = await confirmTotp(user, code);
    refresh();
    return { ok: true, message: 'Your authenticator app is set up. From now on you will be asked for a code after your password.', data: { recoveryCodes } };
  });
}

/** "Remove authenticator app" (asks for the password again). */
export async function removeTotpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    await removeTotp(user, parseForm(removeTotpSchema, form).password);
    refresh();
    return { ok: true, message: 'Your authenticator app is removed.' };
  });
}

/** "Make new recovery codes": the old ones stop working. */
export async function regenerateRecoveryCodesAction(_prev: ActionState<{ recoveryCodes: string[] | null }>, form: FormData): Promise<ActionState<{ recoveryCodes: string[] | null }>> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    const recoveryCodes = await regenerateRecoveryCodes(user);
    refresh();
    return { ok: true, message: 'New recovery codes are ready. Your old ones no longer work.', data: { recoveryCodes } };
  });
}

/** The browser's options for creating a passkey; the challenge waits in a signed cookie. */
export async function passkeyOptionsAction(): Promise<ActionState<{ options: PublicKeyCredentialCreationOptionsJSON }>> {
  return runAction(new FormData(), async () => {
    const { user } = await requireSignedIn();
    const options = await passkeyRegistrationOptions(user);
    await rememberPasskeyChallenge(options.challenge, user.id, 'register');
    return { ok: true, data: { options } };
  });
}

/** Saves the passkey the browser created, under the name given; the first second factor also brings recovery codes. */
export async function registerPasskeyAction(input: { name: string; response: unknown }): Promise<ActionState<{ recoveryCodes: string[] | null }>> {
  const form = new FormData();
  form.set('name', typeof input?.name === 'string' ? input.name : '');
  return runAction(form, async () => {
    const { user } = await requireSignedIn();
    const parsed = passkeyRegistrationSchema.safeParse(input);
    if (!parsed.success) {
      const nameError = parsed.error.issues.find((i) => i.path[0] === 'name')?.message;
      throw new AppError('unprocessable', nameError ?? 'The passkey could not be read. Try adding it again.', nameError ? { name: [nameError] } : undefined);
    }
    const expectedChallenge = await takePasskeyChallenge(user.id, 'register');
    if (!expectedChallenge) throw new AppError('unprocessable', 'Adding the passkey took too long. Try again.');
    const { recoveryCodes } = await registerPasskey(user, { name: parsed.data.name, response: parsed.data.response as RegistrationResponseJSON, expectedChallenge });
    refresh();
    return { ok: true, message: `Passkey “${parsed.data.name}” added.`, data: { recoveryCodes } };
  });
}

/** "Remove" beside a passkey. */
export async function removePasskeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    const { name } = await removePasskey(user, parseForm(passkeyIdSchema, form).passkeyId);
    refresh();
    return { ok: true, message: `Passkey “${name}” removed.` };
  });
}

/** "Sign out everywhere": every other session ends at its next request; this one carries on. */
export async function signOutEverywhereAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    const { sessionVersion } = await signOutEverywhere(user);
    await startSession({ ...user, sessionVersion });
    return { ok: true, message: 'Every other session of your account is signed out. This one stays signed in.' };
  });
}
