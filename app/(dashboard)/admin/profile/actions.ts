'use server';

import { revalidatePath } from 'next/cache';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { requireRole } from '@/lib/auth/session';
import { changeOwnPassword, updateOwnProfile } from '@/lib/users/admin';
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
    await changeOwnPassword(user, parseForm(changePasswordSchema, form));
    return { ok: true, message: 'Password changed. Use the new one next time you sign in.' };
  });
}
