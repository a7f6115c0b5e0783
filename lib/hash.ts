import 'server-only';
import crypto from 'node:crypto';
import { keyFor, legacyKey } from '@/lib/crypto/keys';

const hmac = (key: crypto.BinaryLike, value: string) => crypto.createHmac('sha256', key).update(value.trim().toLowerCase()).digest('base64url');

/** A keyed, one-way hash for identifiers we must match but never reveal (commenter IPs, banned emails). */
export function hashIdentifier(value: string): string {
  return hmac(keyFor('identifiers'), value);
}

/**
 * Every hash `value` may be stored under: today's, and the one made with the app secret itself
 * before identifiers had their own key (bans and comments from then still match). Look-ups
 * that must find old rows (bans, report de-duplication, privacy requests) match any of these.
 */
export function identifierHashes(value: string): string[] {
  return [hashIdentifier(value), hmac(legacyKey(), value)];
}
