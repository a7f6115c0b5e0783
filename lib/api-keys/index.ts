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
import { ADMIN_SCOPES, createApiKeySchema, type AdminScope, type CreateApiKeyInput } from '@/lib/validation/api-keys';

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
  kind: 'CONTENT' | 'ADMIN';
  scopes: AdminScope[];
  actsAs: { name: string; deactivatedAt: Date | null } | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { name: string } | null;
};
export type CreatedApiKey = Pick<ApiKeySummary, 'id' | 'label' | 'prefix' | 'createdAt'> & { key: string };
export type AuthenticatedApiKey = { id: string; label: string; prefix: string };
/** An admin key as a request carries it: its scopes, and the user whose rules apply to the call. */
export type AuthenticatedAdminKey = { key: AuthenticatedApiKey & { scopes: AdminScope[] }; user: StaffUser };

const summarySelect = {
  id: true,
  label: true,
  prefix: true,
  kind: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true } },
  actsAs: { select: { name: true, deactivatedAt: true } },
} as const;

/** Stored space-separated; anything no longer known is dropped rather than granted. */
const scopesOf = (stored: string): AdminScope[] => stored.split(' ').filter((s): s is AdminScope => (ADMIN_SCOPES as readonly string[]).includes(s));

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

/**
 * Creates an API key (a label alone makes a content key); the plaintext is returned here once
 * and never stored. An admin key acts as an active staff user, within its scopes.
 */
export async function createApiKey(input: string | CreateApiKeyInput, user: StaffUser): Promise<CreatedApiKey> {
  assertAdmin(user);
  const data = createApiKeySchema.parse(typeof input === 'string' ? { label: input } : input);
  const admin = data.kind === 'ADMIN';
  const key = `${KEY_PREFIX}${crypto.randomBytes(24).toString('base64url')}`;
  return db.$transaction(async (tx) => {
    if (admin && !(await tx.user.findFirst({ where: { id: data.actsAsId, deactivatedAt: null }, select: { id: true } }))) {
      throw new AppError('unprocessable', 'Choose an active staff user for the key to act as.', { actsAsId: ['Choose an active staff user for the key to act as.'] });
    }
    const row = await tx.apiKey.create({
      data: {
        label: data.label,
        prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
        keyHash: hashApiKey(key),
        createdById: user.id,
        kind: data.kind,
        actsAsId: admin ? data.actsAsId : null,
        scopes: admin ? [...new Set(data.scopes)].join(' ') : '',
      },
      select: { id: true, label: true, prefix: true, createdAt: true, kind: true, scopes: true, actsAsId: true },
    });
    const { kind, scopes, actsAsId, ...created } = row;
    await recordAudit(tx, { actorId: user.id, action: 'api_key.created', entityType: 'api_key', entityId: row.id, summary: row.label, data: { prefix: row.prefix, kind, scopes, actsAsId } });
    return { ...created, key };
  });
}

/** Every key, newest first, revoked ones included so the dashboard keeps their history. */
export async function listApiKeys(user: StaffUser): Promise<ApiKeySummary[]> {
  assertAdmin(user);
  const rows = await db.apiKey.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: summarySelect });
  return rows.map((r) => ({ ...r, scopes: scopesOf(r.scopes) }));
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
  const found = await findActiveKey(raw, now);
  return found ? { id: found.id, label: found.label, prefix: found.prefix } : null;
}

/**
 * The admin key matching `raw` with the user it acts as, or null: unknown, revoked, a content
 * key, or its user deactivated or gone. Read on every call, so revoking the key, deactivating
 * the user or changing their role applies to the very next request.
 */
export async function authenticateAdminApiKey(raw: string, now = new Date()): Promise<AuthenticatedAdminKey | null> {
  const found = await findActiveKey(raw, now);
  if (!found || found.kind !== 'ADMIN' || !found.actsAs) return null;
  return { key: { id: found.id, label: found.label, prefix: found.prefix, scopes: scopesOf(found.scopes) }, user: found.actsAs };
}

async function findActiveKey(raw: string, now: Date) {
  if (!keyFormat.safeParse(raw).success) return null;
  const key = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(raw) },
    select: {
      id: true,
      label: true,
      prefix: true,
      kind: true,
      scopes: true,
      revokedAt: true,
      lastUsedAt: true,
      actsAs: { select: { id: true, name: true, email: true, role: true, slug: true, deactivatedAt: true } },
    },
  });
  if (!key || key.revokedAt) return null;
  // An admin key whose user left (deactivated or deleted) stops working, for reads too.
  const actsAs = key.actsAs && !key.actsAs.deactivatedAt ? { id: key.actsAs.id, name: key.actsAs.name, email: key.actsAs.email, role: key.actsAs.role, slug: key.actsAs.slug } : null;
  if (key.kind === 'ADMIN' && !actsAs) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!key.lastUsedAt || key.lastUsedAt < staleBefore) {
    // Conditional, so a burst of concurrent requests records the use once, not once each.
    await db.apiKey.updateMany({ where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] }, data: { lastUsedAt: now } });
  }
  return { ...key, actsAs };
}
