import 'server-only';
import crypto from 'node:crypto';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

// Safe retries for admin API POSTs: the first response to an Idempotency-Key is stored (in the
// database, so every instance sees it) and replayed for the same key and request until it expires.

/** How long a key is remembered: a day covers any sensible retry schedule. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

export type StoredResponse = { status: number; body: string; headers: Record<string, string> };

/** The request's fingerprint: another body (or path) under the same key is a client bug, not a retry. */
export function requestHash(method: string, path: string, bytes: Uint8Array | null): string {
  const hash = crypto.createHash('sha256').update(`${method} ${path}\n`);
  if (bytes) hash.update(bytes);
  return hash.digest('base64url');
}

const isUniqueViolation = (e: unknown) => !!e && typeof e === 'object' && (e as { code?: unknown }).code === 'P2002';

/**
 * Claims `key` for this request. Returns null when the request should run (then `finish` or
 * `release` it), or the stored response to replay. The same key with another request is 422;
 * while the first request is still running, 409.
 */
export async function claimIdempotencyKey(apiKeyId: string, key: string, hash: string, now = new Date()): Promise<StoredResponse | null> {
  if (!KEY_FORMAT.test(key)) throw new AppError('bad_request', 'Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is a good choice).');
  // Expired records of this key are cleared on the way (indexed, and few per key).
  await db.idempotencyRecord.deleteMany({ where: { apiKeyId, expiresAt: { lt: now } } });
  try {
    await db.idempotencyRecord.create({ data: { apiKeyId, key, requestHash: hash, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) } });
    return null;
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
  const first = await db.idempotencyRecord.findUnique({ where: { apiKeyId_key: { apiKeyId, key } }, select: { requestHash: true, status: true, body: true, headers: true } });
  // Released (the first attempt failed) between our insert and this read: let the client retry.
  if (!first) throw new AppError('conflict', 'A request with this Idempotency-Key was just retried; try again.');
  if (first.requestHash !== hash) {
    throw new AppError('unprocessable', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.', {
      'Idempotency-Key': ['Already used with another body or path.'],
    });
  }
  if (first.status === 0) throw new AppError('conflict', 'The first request with this Idempotency-Key is still running. Retry in a moment.');
  return { status: first.status, body: first.body, headers: JSON.parse(first.headers) as Record<string, string> };
}

/** Stores the response the key answers from now on. */
export async function finishIdempotencyKey(apiKeyId: string, key: string, response: StoredResponse): Promise<void> {
  await db.idempotencyRecord.updateMany({ where: { apiKeyId, key }, data: { status: response.status, body: response.body, headers: JSON.stringify(response.headers) } });
}

/** Forgets the key after a failure on our side (5xx), so a retry runs the request again. */
export async function releaseIdempotencyKey(apiKeyId: string, key: string): Promise<void> {
  await db.idempotencyRecord.deleteMany({ where: { apiKeyId, key, status: 0 } });
}
