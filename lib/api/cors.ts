import 'server-only';
import { recordAudit } from '@/lib/audit';
import { hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';
import { corsOriginsSettingSchema } from '@/lib/validation/api-settings';

// CORS for the content API: browsers on the admin-listed origins may call /api/v1 directly.
// Exact origins only (no wildcards): an API key in browser code is visible to anyone, so the
// list is a statement of which sites are expected to embed it, not a secret.

export const CORS_SETTING_KEY = 'api.corsOrigins';
/** Other instances see a change within this long; this one at once. */
const CACHE_MS = 5_000;

const g = globalThis as { broadsheetCors?: { origins: string[]; at: number } };

/** The allowed origins, from settings (briefly cached: every API request asks). */
export async function getCorsOrigins(now = Date.now()): Promise<string[]> {
  if (g.broadsheetCors && now - g.broadsheetCors.at < CACHE_MS) return g.broadsheetCors.origins;
  const row = await db.setting.findUnique({ where: { key: CORS_SETTING_KEY }, select: { value: true } });
  const origins = corsOriginsSettingSchema.parse(row?.value ?? []);
  g.broadsheetCors = { origins, at: now };
  return origins;
}

/** Saves the allow-list (admins only), audited with the previous list. */
export async function saveCorsOrigins(origins: string[], user: StaffUser): Promise<string[]> {
  if (!hasRole(user.role, 'ADMIN')) throw new AppError('forbidden', 'Only admins change the API settings.');
  const value = corsOriginsSettingSchema.parse(origins);
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: CORS_SETTING_KEY }, select: { value: true } });
    await tx.setting.upsert({ where: { key: CORS_SETTING_KEY }, create: { key: CORS_SETTING_KEY, value }, update: { value } });
    await recordAudit(tx, { actorId: user.id, action: 'settings.api_cors', entityType: 'setting', entityId: CORS_SETTING_KEY, data: { before: before?.value ?? null, after: value } });
  });
  g.broadsheetCors = { origins: value, at: Date.now() };
  return value;
}

const EXPOSED = 'ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset';

/**
 * Headers for an API response to `request`: Access-Control-Allow-Origin echoes the Origin only
 * when it is on the list; `Vary: Origin` always, so no cache hands one origin's answer to another.
 */
export async function corsHeaders(request: Request): Promise<Record<string, string>> {
  const origin = request.headers.get('origin');
  if (!origin || !(await getCorsOrigins()).includes(origin)) return { Vary: 'Origin' };
  return { Vary: 'Origin', 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED };
}

/** OPTIONS (preflight) of every API route: allows GET with the key and validators from listed origins. */
export async function apiPreflight(request: Request): Promise<Response> {
  const headers = await corsHeaders(request);
  if (headers['Access-Control-Allow-Origin']) {
    Object.assign(headers, {
      'Access-Control-Allow-Methods': 'GET, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, If-None-Match, Content-Type',
      'Access-Control-Max-Age': '600',
    });
  }
  return new Response(null, { status: 204, headers: { ...headers, Allow: 'GET, OPTIONS', 'Cache-Control': 'no-store' } });
}
