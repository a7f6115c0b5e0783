import 'server-only';
import { recordAudit } from '@/lib/audit';
import { hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';
import { TEST_EVENT, webhookInputSchema, WEBHOOK_EVENTS, type WebhookEvent, type WebhookInput } from '@/lib/validation/webhooks';
import { checkWebhookDestination } from '@/lib/webhooks/destination';
import { newPayload } from '@/lib/webhooks/events';
import { newWebhookSecret, sealWebhookSecret } from '@/lib/webhooks/secrets';

// Webhook endpoints as admins manage them in /admin/webhooks. Sending is in worker.ts,
// emitting in events.ts.

export type WebhookSummary = {
  id: string;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  createdAt: Date;
  lastDelivery: { status: string; responseStatus: number | null; createdAt: Date } | null;
};

export type WebhookDeliveryLogEntry = {
  id: string;
  event: string;
  status: string;
  attempt: number;
  responseStatus: number | null;
  responseTimeMs: number | null;
  error: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  attempts: { attempt: number; responseStatus: number | null; responseTimeMs: number; error: string | null; createdAt: Date }[];
};

function assertAdmin(user: StaffUser) {
  if (!hasRole(user.role, 'ADMIN')) throw new AppError('forbidden', 'Only admins manage webhooks.');
}

const eventsOf = (v: unknown): WebhookEvent[] => (Array.isArray(v) ? WEBHOOK_EVENTS.filter((e) => v.includes(e)) : []);

/**
 * A URL as the audit log keeps it: scheme, host and path; a query string, fragment or user
 * info (where receivers put their tokens) is left out.
 */
export function redactWebhookUrl(url: string): string {
  if (!URL.canParse(url)) return '(not a URL)';
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}${u.search || u.hash ? ' (query hidden)' : ''}`;
}

/** Parses the form and refuses a destination the server may not connect to (loopback, private, metadata …). */
async function parseDestination(input: WebhookInput): Promise<WebhookInput> {
  const data = webhookInputSchema.parse(input);
  const refused = await checkWebhookDestination(data.url);
  if (refused) throw new AppError('unprocessable', refused, { url: [refused] });
  return data;
}

/** Registers an endpoint; the secret is returned this once (stored sealed, as signing needs it, never shown again). */
export async function createWebhook(input: WebhookInput, user: StaffUser): Promise<{ id: string; url: string; secret: string }> {
  assertAdmin(user);
  const data = await parseDestination(input);
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const row = await tx.webhook.create({ data: { url: data.url, events: data.events, secret: sealWebhookSecret(secret) }, select: { id: true, url: true } });
    await recordAudit(tx, { actorId: user.id, action: 'webhook.created', entityType: 'webhook', entityId: row.id, summary: redactWebhookUrl(row.url), data: { events: data.events } });
    return { ...row, secret };
  });
}

/** Every endpoint, newest first, with the outcome of its latest delivery. */
export async function listWebhooks(user: StaffUser): Promise<WebhookSummary[]> {
  assertAdmin(user);
  const rows = await db.webhook.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      url: true,
      events: true,
      active: true,
      createdAt: true,
      deliveries: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { status: true, responseStatus: true, createdAt: true } },
    },
  });
  return rows.map(({ deliveries, events, ...r }) => ({ ...r, events: eventsOf(events), lastDelivery: deliveries[0] ?? null }));
}

/** One endpoint (without its secret) and its latest deliveries with every attempt. */
export async function getWebhookWithDeliveries(id: string, user: StaffUser, take = 50): Promise<(Omit<WebhookSummary, 'lastDelivery'> & { deliveries: WebhookDeliveryLogEntry[] }) | null> {
  assertAdmin(user);
  const row = await db.webhook.findUnique({
    where: { id },
    select: {
      id: true,
      url: true,
      events: true,
      active: true,
      createdAt: true,
      deliveries: {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take,
        select: {
          id: true,
          event: true,
          status: true,
          attempt: true,
          responseStatus: true,
          responseTimeMs: true,
          error: true,
          nextAttemptAt: true,
          createdAt: true,
          attempts: { orderBy: { attempt: 'asc' }, select: { attempt: true, responseStatus: true, responseTimeMs: true, error: true, createdAt: true } },
        },
      },
    },
  });
  return row ? { ...row, events: eventsOf(row.events) } : null;
}

async function findOrThrow(tx: Pick<typeof db, 'webhook'>, id: string) {
  const hook = await tx.webhook.findUnique({ where: { id }, select: { id: true, url: true, active: true, events: true } });
  if (!hook) throw new AppError('not_found', 'This webhook no longer exists. Reload the page.');
  return hook;
}

/** Changes an endpoint's URL and events; the secret stays. */
export async function updateWebhook(id: string, input: WebhookInput, user: StaffUser): Promise<{ id: string; url: string }> {
  assertAdmin(user);
  const data = await parseDestination(input);
  return db.$transaction(async (tx) => {
    const before = await findOrThrow(tx, id);
    await tx.webhook.update({ where: { id }, data: { url: data.url, events: data.events } });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'webhook.updated',
      entityType: 'webhook',
      entityId: id,
      summary: redactWebhookUrl(data.url),
      data: { before: { url: redactWebhookUrl(before.url), events: before.events }, after: { url: redactWebhookUrl(data.url), events: data.events } },
    });
    return { id, url: data.url };
  });
}

/** Disables or re-enables an endpoint. While disabled nothing new is queued for it and its pending retries wait. */
export async function setWebhookActive(id: string, active: boolean, user: StaffUser): Promise<{ id: string; url: string; active: boolean }> {
  assertAdmin(user);
  return db.$transaction(async (tx) => {
    const hook = await findOrThrow(tx, id);
    if (hook.active !== active) {
      await tx.webhook.update({ where: { id }, data: { active } });
      await recordAudit(tx, { actorId: user.id, action: active ? 'webhook.enabled' : 'webhook.disabled', entityType: 'webhook', entityId: id, summary: redactWebhookUrl(hook.url) });
    }
    return { id, url: hook.url, active };
  });
}

/** Deletes an endpoint and its delivery log. */
export async function deleteWebhook(id: string, user: StaffUser): Promise<{ id: string; url: string }> {
  assertAdmin(user);
  return db.$transaction(async (tx) => {
    const hook = await findOrThrow(tx, id);
    await tx.webhook.delete({ where: { id } });
    await recordAudit(tx, { actorId: user.id, action: 'webhook.deleted', entityType: 'webhook', entityId: id, summary: redactWebhookUrl(hook.url) });
    return { id, url: hook.url };
  });
}

/** "Resend": queues the same event body again as a new delivery (the log keeps the old one), sent on the worker's next tick. */
export async function resendWebhookDelivery(deliveryId: string, user: StaffUser): Promise<{ id: string; event: string }> {
  assertAdmin(user);
  return db.$transaction(async (tx) => {
    const d = await tx.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true, webhookId: true, event: true, payload: true, webhook: { select: { url: true } } } });
    if (!d) throw new AppError('not_found', 'This delivery no longer exists. Reload the page.');
    const copy = await tx.webhookDelivery.create({ data: { webhookId: d.webhookId, event: d.event, payload: d.payload ?? {}, nextAttemptAt: new Date() }, select: { id: true, event: true } });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'webhook.resent',
      entityType: 'webhook',
      entityId: d.webhookId,
      summary: redactWebhookUrl(d.webhook.url),
      data: { deliveryId: d.id, newDeliveryId: copy.id, event: d.event },
    });
    return copy;
  });
}

/** "Send test event": a webhook.test delivery to this endpoint only, whatever it subscribes to. */
export async function sendTestWebhook(id: string, user: StaffUser): Promise<{ id: string }> {
  assertAdmin(user);
  return db.$transaction(async (tx) => {
    const hook = await findOrThrow(tx, id);
    const payload = newPayload(TEST_EVENT, { message: 'A test event from the Broadsheet dashboard.', webhook: { id: hook.id, url: hook.url } });
    const d = await tx.webhookDelivery.create({ data: { webhookId: id, event: TEST_EVENT, payload, nextAttemptAt: new Date() }, select: { id: true } });
    await recordAudit(tx, { actorId: user.id, action: 'webhook.tested', entityType: 'webhook', entityId: id, summary: redactWebhookUrl(hook.url), data: { deliveryId: d.id } });
    return d;
  });
}
