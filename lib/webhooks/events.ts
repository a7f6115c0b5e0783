import 'server-only';
import crypto from 'node:crypto';
import { currentApiKey } from '@/lib/api-keys/context';
import { articlePath } from '@/lib/articles/urls';
import type { Db } from '@/lib/db';
import type { WebhookEvent } from '@/lib/validation/webhooks';

// Emitting events: one WebhookDelivery row per subscribed, active endpoint, written with the
// caller's transaction client so the event exists exactly when the change it reports does.
// The worker (lib/webhooks/worker.ts) sends them.

type Tx = Pick<Db, 'webhook' | 'webhookDelivery'>;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** What every delivery body carries; `id` is the event's, the same across endpoints and resends. */
export type WebhookPayload = { id: string; event: string; createdAt: string; data: JsonObject };

/** The event for a status change of an article, or null when readers see no change. */
export function articleEventFor(from: string | null, to: string): WebhookEvent | null {
  if (to === 'PUBLISHED') return from === 'PUBLISHED' ? 'article.updated' : 'article.published';
  if (from === 'PUBLISHED') return 'article.unpublished';
  return null;
}

/** The public fields of an article that webhook bodies carry: never drafts' content, only what identifies it. */
export function articleEventData(a: { id: string; slug: string; title: string; status: string; publishedAt: Date | null; updatedAt?: Date }): JsonObject {
  return {
    article: {
      id: a.id,
      slug: a.slug,
      title: a.title,
      status: a.status,
      url: articlePath(a.slug),
      publishedAt: a.publishedAt?.toISOString() ?? null,
      ...(a.updatedAt ? { updatedAt: a.updatedAt.toISOString() } : {}),
    },
  };
}

export function newPayload(event: string, data: JsonObject, now = new Date()): WebhookPayload {
  return { id: `evt_${crypto.randomBytes(12).toString('base64url')}`, event, createdAt: now.toISOString(), data };
}

/**
 * Queues `event` for every active endpoint subscribed to it; returns how many deliveries
 * were queued. Call with the transaction client of the change being reported.
 */
export async function enqueueWebhookEvent(tx: Tx, event: WebhookEvent, data: JsonObject, now = new Date()): Promise<number> {
  const hooks = await tx.webhook.findMany({ where: { active: true }, select: { id: true, events: true } });
  const targets = hooks.filter((h) => Array.isArray(h.events) && (h.events as unknown[]).includes(event));
  if (!targets.length) return 0;
  // A change made over the admin API says which key made it (its label, never the key).
  const apiKey = currentApiKey();
  const payload = newPayload(event, apiKey ? { ...data, apiKey: { ...apiKey } } : data, now);
  await tx.webhookDelivery.createMany({ data: targets.map((h) => ({ webhookId: h.id, event, payload, nextAttemptAt: now })) });
  return targets.length;
}
