'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { requireRole } from '@/lib/auth/session';
import { webhookIdSchema, webhookInputSchema } from '@/lib/validation/webhooks';
import { createWebhook, deleteWebhook, resendWebhookDelivery, sendTestWebhook, setWebhookActive, updateWebhook } from '@/lib/webhooks';

export type CreatedWebhookState = ActionState<{ url: string; secret: string; id: string }>;

/** The URL field and the event checkboxes (one form value per ticked box). */
const webhookForm = (form: FormData) => webhookInputSchema.parse({ url: form.get('url') ?? '', events: form.getAll('events') });

/** "Register endpoint": returns the signing secret this once, for the page to show. */
export async function createWebhookAction(_prev: CreatedWebhookState, form: FormData): Promise<CreatedWebhookState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const created = await createWebhook(webhookForm(form), user);
    revalidatePath('/admin/webhooks');
    return { ok: true, message: `Endpoint ${created.url} registered.`, data: created };
  });
}

/** "Save changes" on an endpoint's page. */
export async function updateWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const id = webhookIdSchema.parse(form.get('id'));
    const updated = await updateWebhook(id, webhookForm(form), user);
    revalidatePath('/admin/webhooks');
    revalidatePath(`/admin/webhooks/${id}`);
    return { ok: true, message: `Saved. Events now go to ${updated.url}.` };
  });
}

/** "Disable" / "Enable". */
export async function setWebhookActiveAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const { id, active } = z.object({ id: webhookIdSchema, active: z.enum(['true', 'false']).transform((v) => v === 'true') }).parse({ id: form.get('id'), active: form.get('active') });
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
    await deleteWebhook(webhookIdSchema.parse(form.get('id')), user);
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
    const id = webhookIdSchema.parse(form.get('id'));
    await sendTestWebhook(id, user);
    revalidatePath(`/admin/webhooks/${id}`);
    return { ok: true, message: 'Test event queued; it is sent within a few seconds. Refresh the log to see the result.' };
  });
}

/** "Resend" in the delivery log. */
export async function resendWebhookDeliveryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const webhookId = webhookIdSchema.parse(form.get('webhookId'));
    await resendWebhookDelivery(webhookIdSchema.parse(form.get('deliveryId')), user);
    revalidatePath(`/admin/webhooks/${webhookId}`);
    return { ok: true, message: 'Queued again as a new delivery at the top of the log.' };
  });
}
