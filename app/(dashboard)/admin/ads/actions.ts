'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { createAdSlot, deleteAdSlot, updateAdSlot } from '@/lib/ads/admin';
import { requireRole } from '@/lib/auth/session';
import { adSlotFormSchema, deleteAdSlotFormSchema, updateAdSlotFormSchema } from '@/lib/validation/ads';

const CLEANED = 'Unsafe markup (scripts, styles, frames, forms or event handlers) was removed from the HTML creative: the preview shows what readers will see.';

/** "Create ad slot" on /admin/ads/new (admins); goes on to the slot's page with its preview. */
export async function createAdSlotAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const input = parseForm(adSlotFormSchema, form);
    const saved = await createAdSlot(input, user);
    revalidatePath('/admin/ads');
    return { ok: true, data: saved };
  });
  // redirect() outside runAction's try: it throws to navigate.
  if (result.ok && result.data) redirect(`/admin/ads/${result.data.id}?created=1${result.data.htmlChanged ? '&cleaned=1' : ''}`);
  return { ok: result.ok, code: result.code, message: result.message, fieldErrors: result.fieldErrors, values: result.values };
}

/** "Save ad slot" on /admin/ads/[id] (admins). */
export async function updateAdSlotAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const { id, ...input } = parseForm(updateAdSlotFormSchema, form);
    const saved = await updateAdSlot(id, input, user);
    revalidatePath('/admin/ads');
    revalidatePath(`/admin/ads/${id}`);
    return { ok: true, message: saved.htmlChanged ? `Ad slot “${saved.name}” saved. ${CLEANED}` : `Ad slot “${saved.name}” saved.` };
  });
}

/** "Delete ad slot" after its confirmation (admins); back to the list. */
export async function deleteAdSlotAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction<undefined>(form, async () => {
    const user = await requireRole('ADMIN');
    const { name } = await deleteAdSlot(parseForm(deleteAdSlotFormSchema, form).id, user);
    revalidatePath('/admin/ads');
    return { ok: true, message: `Deleted the ad slot “${name}”.` };
  });
  if (result.ok) redirect('/admin/ads?deleted=1');
  return result;
}
