'use server';

import { revalidatePath } from 'next/cache';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { requireRole } from '@/lib/auth/session';
import { changeUserRole, createUser, setUserActive } from '@/lib/users/admin';
import { changeRoleSchema, createUserSchema, setUserActiveSchema, userIdSchema } from '@/lib/validation/users';
import { resetTwoFactor } from '@/lib/auth/two-factor';
import { describeTwoFactorPolicy, saveTwoFactorPolicy, twoFactorPolicySchema } from '@/lib/auth/two-factor-policy';
import { z } from 'zod';

const ROLE_LABEL = { ADMIN: 'Admin', EDITOR: 'Editor', AUTHOR: 'Author', CONTRIBUTOR: 'Contributor' } as const;

/** "Add user" on /admin/users. */
export async function createUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireRole('ADMIN');
    const input = parseForm(createUserSchema, form);
    await createUser(input, actor);
    revalidatePath('/admin/users');
    return { ok: true, message: `${input.name} can now sign in as ${ROLE_LABEL[input.role].toLowerCase()} with the temporary password.` };
  });
}

/** "Change role" on a row of /admin/users. */
export async function changeUserRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireRole('ADMIN');
    const { userId, role } = parseForm(changeRoleSchema, form);
    const { name } = await changeUserRole(userId, role, actor);
    revalidatePath('/admin/users');
    return { ok: true, message: `${name} is now ${ROLE_LABEL[role].toLowerCase()}.` };
  });
}

/** "Deactivate" / "Reactivate" on a row of /admin/users. */
export async function setUserActiveAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireRole('ADMIN');
    const { userId, active } = parseForm(setUserActiveSchema, form);
    const { name } = await setUserActive(userId, active, actor);
    revalidatePath('/admin/users');
    return { ok: true, message: active ? `${name} is active again and can sign in.` : `${name} is deactivated and signed out.` };
  });
}

/** "Reset two-factor" on a row of /admin/users: removes their authenticator app, passkeys and recovery codes and signs them out. */
export async function resetTwoFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireRole('ADMIN');
    const { userId } = parseForm(z.object({ userId: userIdSchema }), form);
    const { name } = await resetTwoFactor(userId, actor);
    revalidatePath('/admin/users');
    return { ok: true, message: `${name}'s two-factor authentication is reset and their sessions are signed out. They sign in with their password alone until they set it up again.` };
  });
}

/** "Save" under "Who must use two-factor authentication" on /admin/users. */
export async function saveTwoFactorPolicyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireRole('ADMIN');
    const { policy } = parseForm(z.object({ policy: twoFactorPolicySchema }), form);
    await saveTwoFactorPolicy(policy, actor);
    revalidatePath('/admin/users');
    return { ok: true, message: `${describeTwoFactorPolicy(policy)}.${policy === 'off' ? '' : ' Anyone covered without it is sent to set it up at their next request.'}` };
  });
}
