'use server';

import { revalidatePath } from 'next/cache';
import { formFields, runAction } from '@/lib/actions';
import type { SavedMenuState } from '@/lib/action-states';
import { requireRole } from '@/lib/auth/session';
import { saveMenu } from '@/lib/menus';
import { parseMenuForm } from '@/lib/menus/form';

/** "Save header menu" / "Save footer menu" on /admin/menus; lib/menus refreshes the public pages showing it. */
export async function saveMenuAction(_prev: SavedMenuState, form: FormData): Promise<SavedMenuState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const input = parseMenuForm(formFields(form));
    const { version } = await saveMenu(input, user);
    revalidatePath('/admin/menus');
    return { ok: true, message: `Saved. The ${input.location} menu is live (version ${version}).`, data: { version } };
  });
}
