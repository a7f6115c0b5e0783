'use server';

import { revalidatePath } from 'next/cache';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { requireRole } from '@/lib/auth/session';
import { saveSiteSettings } from '@/lib/settings/site';
import { siteSettingsFormSchema } from '@/lib/validation/settings';

/** "Save site settings" on /admin/settings (admins). */
export async function saveSiteSettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const saved = await saveSiteSettings(parseForm(siteSettingsFormSchema, form), user);
    revalidatePath('/admin/settings');
    return { ok: true, message: `Settings saved. Public pages now show ${saved.name}, dates in ${saved.timeZone} time and the weather for ${saved.weather.city}.` };
  });
}
