import 'server-only';
import crypto from 'node:crypto';
import { isSealed, seal, SEALED_PREFIX, unseal } from '@/lib/crypto/sealed';
import { db } from '@/lib/db';

// Webhook signing secrets at rest: sealed with AES-256-GCM under their own key (lib/crypto).
// The server needs them back to sign each delivery, so they are encrypted, not hashed. Rows
// from before sealing hold the plaintext; they are sealed on their next use and at start-up.

const CONTEXT = 'webhook-signing-secret';

/** whsec_ + 32 random bytes: the HMAC key receivers verify signatures with. */
export const newWebhookSecret = () => `whsec_${crypto.randomBytes(32).toString('base64url')}`;

/** How a secret is stored. */
export const sealWebhookSecret = (secret: string) => seal(secret, 'webhookSecrets', CONTEXT);

/** The secret to sign with; a plaintext row is sealed on the way (only if it is still the same). */
export async function webhookSigningSecret(hook: { id: string; secret: string }): Promise<string> {
  if (isSealed(hook.secret)) return unseal(hook.secret, 'webhookSecrets', CONTEXT);
  await db.webhook.updateMany({ where: { id: hook.id, secret: hook.secret }, data: { secret: sealWebhookSecret(hook.secret) } });
  return hook.secret;
}

/** Seals every secret still stored in plaintext; returns how many. Safe to run on every instance at once. */
export async function sealLegacyWebhookSecrets(): Promise<number> {
  const rows = await db.webhook.findMany({ where: { NOT: { secret: { startsWith: SEALED_PREFIX } } }, select: { id: true, secret: true } });
  let sealed = 0;
  for (const r of rows) {
    if (isSealed(r.secret)) continue;
    const { count } = await db.webhook.updateMany({ where: { id: r.id, secret: r.secret }, data: { secret: sealWebhookSecret(r.secret) } });
    sealed += count;
  }
  return sealed;
}
