import 'server-only';
import { db } from '@/lib/db';
import { startPoller } from '@/lib/poller';
import { env } from '@/lib/env';
import { UnreadableSecretError } from '@/lib/crypto/sealed';
import { ForbiddenDestinationError, postToDestination } from '@/lib/webhooks/destination';
import { sealLegacyWebhookSecrets, webhookSigningSecret } from '@/lib/webhooks/secrets';
import { signWebhook } from '@/lib/webhooks/signature';

// Delivers queued webhook events. State lives in WebhookDelivery rows (status, attempt,
// nextAttemptAt), so a restart loses nothing: due rows are picked up on the next tick.

export const MAX_ATTEMPTS = 8;
/** No retry waits longer than this, however many attempts failed. */
const MAX_DELAY_MS = 12 * 3_600_000;
const BATCH = 20;

/** Delay before attempt n+1 after attempt n failed: base, 4×base, 16×base, … (30 s, 2 min, 8 min, 32 min, … by default). */
export function retryDelayMs(failedAttempt: number, baseMs = env.WEBHOOK_RETRY_BASE_MS): number {
  return Math.min(MAX_DELAY_MS, baseMs * 4 ** Math.max(0, failedAttempt - 1));
}

export type AttemptResult = { deliveryId: string; attempt: number; ok: boolean; status: number | null; ms: number; error: string | null };

/**
 * Claims and sends every due delivery. Claiming is a conditional update on (status, attempt,
 * nextAttemptAt): of several instances polling at once exactly one wins each attempt. The claim
 * pushes nextAttemptAt past the request timeout, so if this process dies mid-request another
 * instance retries the delivery once that lease runs out.
 */
export async function deliverDueWebhooks(now = new Date()): Promise<AttemptResult[]> {
  const due = await db.webhookDelivery.findMany({
    where: { status: 'PENDING', nextAttemptAt: { lte: now }, webhook: { active: true } },
    orderBy: { nextAttemptAt: 'asc' },
    take: BATCH,
    select: { id: true, attempt: true, nextAttemptAt: true },
  });
  const claimed: { id: string; attempt: number }[] = [];
  for (const d of due) {
    const lease = new Date(now.getTime() + env.WEBHOOK_TIMEOUT_MS + 60_000);
    const r = await db.webhookDelivery.updateMany({
      where: { id: d.id, status: 'PENDING', attempt: d.attempt, nextAttemptAt: d.nextAttemptAt },
      data: { attempt: d.attempt + 1, nextAttemptAt: lease },
    });
    if (r.count === 1) claimed.push({ id: d.id, attempt: d.attempt + 1 });
  }
  return Promise.all(claimed.map((c) => attemptDelivery(c.id, c.attempt)));
}

async function attemptDelivery(id: string, attempt: number): Promise<AttemptResult> {
  const d = await db.webhookDelivery.findUniqueOrThrow({ where: { id }, select: { id: true, event: true, payload: true, webhook: { select: { id: true, url: true, secret: true } } } });
  const body = JSON.stringify(d.payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const started = performance.now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    const secret = await webhookSigningSecret(d.webhook);
    status = await postToDestination(
      d.webhook.url,
      body,
      {
        'Content-Type': 'application/json',
        'User-Agent': 'Broadsheet-Webhooks/1.0',
        'X-Broadsheet-Event': d.event,
        'X-Broadsheet-Delivery': d.id,
        'X-Broadsheet-Timestamp': timestamp,
        'X-Broadsheet-Signature': signWebhook(secret, timestamp, body),
      },
      env.WEBHOOK_TIMEOUT_MS,
    );
    if (status < 200 || status >= 300) error = `The endpoint answered HTTP ${status}.`;
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    error =
      name === 'TimeoutError'
        ? `No answer within ${env.WEBHOOK_TIMEOUT_MS / 1000} s.`
        : e instanceof ForbiddenDestinationError || e instanceof UnreadableSecretError
          ? e.message
          : `Could not connect: ${e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e)}`;
    error = error.slice(0, 500);
  }
  const ms = Math.round(performance.now() - started);
  const ok = error === null;
  const finished = new Date();
  await db.$transaction([
    db.webhookAttempt.create({ data: { deliveryId: id, attempt, responseStatus: status, responseTimeMs: ms, error } }),
    db.webhookDelivery.update({
      where: { id },
      data: {
        status: ok ? 'SUCCEEDED' : attempt >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING',
        nextAttemptAt: ok || attempt >= MAX_ATTEMPTS ? null : new Date(finished.getTime() + retryDelayMs(attempt)),
        responseStatus: status,
        responseTimeMs: ms,
        error,
      },
    }),
  ]);
  return { deliveryId: id, attempt, ok, status, ms, error };
}

/** The earliest pending attempt, so the worker can sleep until then. */
async function nextAttemptAt(): Promise<Date | null> {
  const next = await db.webhookDelivery.findFirst({ where: { status: 'PENDING', webhook: { active: true } }, orderBy: { nextAttemptAt: 'asc' }, select: { nextAttemptAt: true } });
  return next?.nextAttemptAt ?? null;
}

const POLL_MS = 1000;

/** Runs inside the server process like the article scheduler: polls at least once a second. Returns a stop function. */
export function startWebhookWorker(): () => Promise<void> {
  // Rows stored before secrets were sealed are sealed once, at start (and on use meanwhile).
  sealLegacyWebhookSecrets().catch((e) => console.error('webhooks: could not seal stored secrets', e));
  return startPoller(
    'webhooks',
    async () => {
      const results = await deliverDueWebhooks();
      const failed = results.filter((r) => !r.ok);
      if (failed.length) console.warn(`webhooks: ${failed.length} of ${results.length} deliveries failed; they will be retried`);
      const next = await nextAttemptAt();
      return next ? next.getTime() - Date.now() : null;
    },
    { maxSleepMs: POLL_MS, failure: 'could not deliver' },
  );
}
