import { z } from 'zod';
import { formList } from '@/lib/validation/form';

/** Events an endpoint can subscribe to, in the order the dashboard lists them. */
export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.deleted',
  'article.corrected',
  'comment.approved',
  'alert.published',
  'live.update.published',
  'live.update.edited',
  'live.update.deleted',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** Sent by "Send test event"; never subscribed to, always delivered to the endpoint it targets. */
export const TEST_EVENT = 'webhook.test';

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  'article.published': 'Article published',
  'article.updated': 'Published article updated',
  'article.unpublished': 'Article unpublished',
  'article.deleted': 'Article deleted',
  'article.corrected': 'Correction or update added to an article',
  'comment.approved': 'Comment approved',
  'alert.published': 'Breaking-news alert published',
  'live.update.published': 'Live update posted',
  'live.update.edited': 'Live update edited',
  'live.update.deleted': 'Live update deleted',
};

export const WEBHOOK_EVENT_OPTIONS = WEBHOOK_EVENTS.map((value) => ({ value, label: WEBHOOK_EVENT_LABELS[value] }));

export const webhookUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the URL that should receive the events.')
  .max(2000, 'Keep the URL under 2,000 characters.')
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter a full http:// or https:// URL, e.g. https://example.com/hooks/broadsheet.' }));

/** The create and edit forms of /admin/webhooks (events come from checkboxes: one form value each). */
export const webhookInputSchema = z.object({
  url: webhookUrlSchema,
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: 'Choose events from the list.' }))
    .min(1, 'Choose at least one event to send.')
    .transform((events) => WEBHOOK_EVENTS.filter((e) => events.includes(e))),
});
export type WebhookInput = z.output<typeof webhookInputSchema>;

export const webhookIdSchema = z.string().trim().min(1).max(40);

/** The create form as posted: one `events` value per ticked box. */
export const webhookFormSchema = webhookInputSchema.extend({ events: formList(z.string()).pipe(webhookInputSchema.shape.events) });
/** The edit form: the same, with the endpoint's id. */
export const updateWebhookFormSchema = webhookFormSchema.extend({ id: webhookIdSchema });
/** A button that acts on one endpoint (Delete, Send test event). */
export const webhookIdFormSchema = z.object({ id: webhookIdSchema });
/** "Disable" / "Enable". */
export const setWebhookActiveFormSchema = z.object({ id: webhookIdSchema, active: z.enum(['true', 'false']).transform((v) => v === 'true') });
/** "Resend" in the delivery log. */
export const resendDeliveryFormSchema = z.object({ webhookId: webhookIdSchema, deliveryId: webhookIdSchema });
