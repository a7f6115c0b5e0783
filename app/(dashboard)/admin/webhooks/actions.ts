'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import type { CreatedWebhookState } from '@/lib/action-states';
import { requireRole } from '@/lib/auth/session';
import { resendDeliveryFormSchema, setWebhookActiveFormSchema, updateWebhookFormSchema, webhookFormSchema, webhookIdFormSchema } from '@/lib/validation/webhooks';
import { createWebhook, deleteWebhook, resendWebhookDelivery, sendTestWebhook, setWebhookActive, updateWebhook } from '@/lib/webhooks';

/** "Register endpoint": returns the signing secret this once, for the page to show. */
export async function createWebhookAction(_prev: CreatedWebhookState, form: FormData): Promise<CreatedWebhookState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const created = await createWebhook(parseForm(webhookFormSchema, form), user);
    revalidatePath('/admin/webhooks');
    return { ok: true, message: `Endpoint ${created.url} registered.`, data: created };
  });
}

/** "Save changes" on an endpoint's page. */
export async function updateWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const { id, ...input } = parseForm(updateWebhookFormSchema, form);
    const updated = await updateWebhook(id, input, user);
    revalidatePath('/admin/webhooks');
    revalidatePath(`/admin/webhooks/${id}`);
    return { ok: true, message: `Saved. Events now go to ${updated.url}.` };
  });
}

/** "Disable" / "Enable". */
export async function setWebhookActiveAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const { id, active } = parseForm(setWebhookActiveFormSchema, form);
    await setWebhookActive(id, active, user);
    revalidatePath('/admin/webhooks');
    revalidatePath(`/admin/webhooks/${id}`);
    return { ok: true, message: active ? 'Endpoint enabled: new events and waiting retries will be sent.' : 'Endpoint disabled: nothing is sent to it until you enable it again.' };
  });
}

/** "Delete endpoint": back to the list afterwards. */
export async function deleteWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(form, async (): Promise<ActionState> => {
    const user = await requireRole('ADMIN');
    await deleteWebhook(parseForm(webhookIdFormSchema, form).id, user);
    revalidatePath('/admin/webhooks');
    return { ok: true };
  });
  if (result.ok) redirect('/admin/webhooks?deleted=1');
  return result;
}

/** "Send test event". */
export async function sendTestWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const { id } = parseForm(webhookIdFormSchema, form);
    await sendTestWebhook(id, user);
    revalidatePath(`/admin/webhooks/${id}`);
    return { ok: true, message: 'Test event queued; it is sent within a few seconds. Refresh the log to see the result.' };
  });
}

/** "Resend" in the delivery log. */
export async function resendWebhookDeliveryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const { webhookId, deliveryId } = parseForm(resendDeliveryFormSchema, form);
    await resendWebhookDelivery(deliveryId, user);
    revalidatePath(`/admin/webhooks/${webhookId}`);
    return { ok: true, message: 'Queued again as a new delivery at the top of the log.' };
  });
}
