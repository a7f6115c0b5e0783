import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { hasRole } from '@/lib/auth/roles';
import { pageTags } from '@/lib/cache';
import { invalidateTags } from '@/lib/cache/shared.mjs';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';
import { createApiKeySchema } from '@/lib/validation/api-keys';

const KEY_PREFIX = 'bs_live_';
/** bs_live_ + 32 base64url characters (24 random bytes, 192 bits). */
const keyFormat = z.string().regex(/^bs_live_[A-Za-z0-9_-]{32}$/);
/** Long enough to tell keys apart in the dashboard, far too short to help guess one. */
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 4;
/** lastUsedAt is informational: writing it on every request would turn each read into a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeySummary = {
  id: string;
  label: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { name: string } | null;
};
export type CreatedApiKey = Pick<ApiKeySummary, 'id' | 'label' | 'prefix' | 'createdAt'> & { key: string };
export type AuthenticatedApiKey = { id: string; label: string; prefix: string };

const summarySelect = { id: true, label: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } } as const;

/**
 * Plain SHA-256 rather than a slow password hash: keys carry 192 random bits, so there is
 * nothing to brute-force, and a fast hash keeps authentication to one indexed lookup. Not
 * keyed with NEXTAUTH_SECRET either, so rotating the session secret does not revoke every key.
 */
function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('base64url');
}

function assertAdmin(user: StaffUser) {
  if (!hasRole(user.role, 'ADMIN')) throw new AppError('forbidden', 'Only admins manage API keys.');
}

/** Creates a content API key; the plaintext is returned here once and never stored. */
export async function createApiKey(label: string, user: StaffUser): Promise<CreatedApiKey> {
  assertAdmin(user);
  const data = createApiKeySchema.parse({ label });
  const key = `${KEY_PREFIX}${crypto.randomBytes(24).toString('base64url')}`;
  return db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { label: data.label, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), keyHash: hashApiKey(key), createdById: user.id },
      select: { id: true, label: true, prefix: true, createdAt: true },
    });
    await recordAudit(tx, { actorId: user.id, action: 'api_key.created', entityType: 'api_key', entityId: row.id, summary: row.label, data: { prefix: row.prefix } });
    return { ...row, key };
  });
}

/** Every key, newest first, revoked ones included so the dashboard keeps their history. */
export async function listApiKeys(user: StaffUser): Promise<ApiKeySummary[]> {
  assertAdmin(user);
  return db.apiKey.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: summarySelect });
}

/** Revokes a key at once (the next request with it gets 401); revoking twice is harmless. */
export async function revokeApiKey(id: string, user: StaffUser): Promise<{ id: string; label: string; revokedAt: Date }> {
  assertAdmin(user);
  const revoked = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id }, select: { id: true, label: true, revokedAt: true } });
    if (!key) throw new AppError('not_found', 'This API key no longer exists.');
    if (key.revokedAt) return { id: key.id, label: key.label, revokedAt: key.revokedAt };
    const revokedAt = new Date();
    await tx.apiKey.update({ where: { id }, data: { revokedAt } });
    await recordAudit(tx, { actorId: user.id, action: 'api_key.revoked', entityType: 'api_key', entityId: id, summary: key.label });
    return { id: key.id, label: key.label, revokedAt };
  });
  // Every instance's remembered key checks (lib/api-keys/memo) are dropped: the next request with it gets 401.
  await invalidateTags([pageTags.apiKeys]);
  return revoked;
}

/**
 * The active key matching `raw`, or null (unknown, malformed or revoked). The lookup is by
 * hash, so response timing reveals nothing about how much of a guessed key was right.
 */
export async function authenticateApiKey(raw: string, now = new Date()): Promise<AuthenticatedApiKey | null> {
  if (!keyFormat.safeParse(raw).success) return null;
  const key = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(raw) }, select: { id: true, label: true, prefix: true, revokedAt: true, lastUsedAt: true } });
  if (!key || key.revokedAt) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!key.lastUsedAt || key.lastUsedAt < staleBefore) {
    // Conditional, so a burst of concurrent requests records the use once, not once each.
    await db.apiKey.updateMany({ where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] }, data: { lastUsedAt: now } });
  }
  return { id: key.id, label: key.label, prefix: key.prefix };
}
