'use server';

import { revalidatePath } from 'next/cache';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { requireRole } from '@/lib/auth/session';
import { changeUserRole, createUser, setUserActive } from '@/lib/users/admin';
import { changeRoleSchema, createUserSchema, setUserActiveSchema } from '@/lib/validation/users';

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
