import 'server-only';
import crypto from 'node:crypto';
import { keyFor, type KeyPurpose } from '@/lib/crypto/keys';

// Secrets the server must read back (webhook signing secrets) are stored sealed: AES-256-GCM
// under a purpose key (lib/crypto/keys.ts), as `sealed:v1:<base64url(iv ‖ ciphertext ‖ tag)>`.
// The version prefix tells sealed values from rows written before sealing, which are read as
// they are and sealed on their next use.

/** What every sealed value starts with (the version follows). */
export const SEALED_PREFIX = 'sealed:';
const PREFIX = `${SEALED_PREFIX}v1:`;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that does not open: the app secret changed, or the value was altered. */
export class UnreadableSecretError extends Error {
  constructor() {
    super('This secret cannot be decrypted: NEXTAUTH_SECRET changed since it was stored, or the stored value was altered.');
    this.name = 'UnreadableSecretError';
  }
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX);

/** Seals `plaintext` for storage; `context` (e.g. "webhook") must be the same to open it. */
export function seal(plaintext: string, purpose: KeyPurpose, context: string): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFor(purpose), iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The plaintext of a stored value: sealed values are decrypted, older plaintext rows returned as they are. */
export function unseal(stored: string, purpose: KeyPurpose, context: string): string {
  if (!isSealed(stored)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new UnreadableSecretError();
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keyFor(purpose), raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new UnreadableSecretError();
  }
}
