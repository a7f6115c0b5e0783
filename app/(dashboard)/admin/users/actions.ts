'use server';

import { revalidatePath } from 'next/cache';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { requireRole } from '@/lib/auth/session';
import { changeOwnPassword, changeUserRole, createUser, setUserActive, updateOwnProfile } from '@/lib/users/admin';
import { changePasswordSchema, changeRoleSchema, createUserSchema, profileSchema, setUserActiveSchema } from '@/lib/validation/users';

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

/** "Save profile" on /admin/profile. */
export async function updateProfileAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    await updateOwnProfile(user, parseForm(profileSchema, form));
    // The dashboard's header shows the name.
    revalidatePath('/admin', 'layout');
    return { ok: true, message: 'Profile saved.' };
  });
}

/** "Change password" on /admin/profile. */
export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    await changeOwnPassword(user, parseForm(changePasswordSchema, form));
    return { ok: true, message: 'Password changed. Use the new one next time you sign in.' };
  });
}
