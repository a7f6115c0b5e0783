import 'server-only';
import crypto from 'node:crypto';
import { env } from '@/lib/env';

/**
 * What each derived key is for. A key per purpose, so that a value made for one (a sealed TOTP
 * secret, a recovery code's hash, a hashed IP in the audit log) can never be passed off as another.
 */
export type AuthKeyPurpose = 'totp-secret' | 'recovery-code' | 'audit-ip' | 'sign-in-throttle' | 'sign-in-state';

const cache = new Map<string, Buffer>();

/**
 * A 32-byte key derived with HKDF-SHA256 from the app secret (NEXTAUTH_SECRET) under its own
 * label. Rotating the secret changes every derived key: sealed TOTP secrets and recovery codes
 * then stop verifying, and affected users need their two-factor reset by an admin.
 */
export function deriveAuthKey(purpose: AuthKeyPurpose, secret: string = env.NEXTAUTH_SECRET): Buffer {
  const id = `${purpose}\0${secret}`;
  let key = cache.get(id);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync('sha256', secret, 'broadsheet', `broadsheet/${purpose}/v1`, 32));
    cache.set(id, key);
  }
  return key;
}

/** A keyed one-way hash (HMAC-SHA256, base64url) under the purpose's key. */
export function keyedHash(purpose: AuthKeyPurpose, value: string): string {
  return crypto.createHmac('sha256', deriveAuthKey(purpose)).update(value).digest('base64url');
}

/** Encrypts with AES-256-GCM under the purpose's key: `v1.iv.ciphertext.tag` (base64url). */
export function seal(purpose: AuthKeyPurpose, plaintext: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', deriveAuthKey(purpose), iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(purpose));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), data.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** Decrypts what `seal` made under the same purpose; null when tampered with, malformed or sealed under another key. */
export function unseal(purpose: AuthKeyPurpose, sealed: string): string | null {
  const [v, iv, data, tag] = sealed.split('.');
  if (v !== 'v1' || !iv || data === undefined || !tag) return null;
  try {
    const authTag = Buffer.from(tag, 'base64url');
    if (authTag.length !== 16) return null;
    const decipher = crypto.createDecipheriv('aes-256-gcm', deriveAuthKey(purpose), Buffer.from(iv, 'base64url'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(authTag);
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
