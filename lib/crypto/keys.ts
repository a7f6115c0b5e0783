import 'server-only';
import crypto from 'node:crypto';
import { env } from '@/lib/env';

/**
 * One key per purpose, each derived from the app secret (NEXTAUTH_SECRET) with HKDF-SHA256
 * under its own label: a key that leaks from one use (a logged HMAC, a weak spot in one
 * format) says nothing about the others, and no purpose signs with the session secret itself.
 * Changing a label re-keys that purpose alone. next-auth derives its own session key from the
 * same secret, under its own label.
 */
const LABELS = {
  /** AES-256-GCM key for webhook signing secrets at rest (lib/crypto/sealed.ts). */
  webhookSecrets: 'broadsheet/webhook-secrets/aes-256-gcm/v1',
  /** HMAC key for identifiers matched but never shown: commenter IPs and emails, bans (lib/hash.ts). */
  identifiers: 'broadsheet/identifiers/hmac-sha256/v1',
  /** HMAC key for preview links (lib/articles/preview-token.ts). */
  previewLinks: 'broadsheet/preview-links/hmac-sha256/v1',
  /** HMAC key for comment form tokens (lib/comments/form-token.ts). */
  commentForms: 'broadsheet/comment-forms/hmac-sha256/v1',
} as const;

export type KeyPurpose = keyof typeof LABELS;

const derived = new Map<string, Buffer>();

/** The 32-byte key for `purpose`, derived once per secret. */
export function keyFor(purpose: KeyPurpose, secret: string = env.NEXTAUTH_SECRET): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), LABELS[purpose], 32));
    derived.set(id, key);
  }
  return key;
}

/**
 * The key each purpose used before it had its own: the app secret itself. Only for accepting
 * what was made then (IP and email bans, preview links and comment forms already handed out);
 * nothing new is made with it.
 */
export const legacyKey = (secret: string = env.NEXTAUTH_SECRET): string => secret;
