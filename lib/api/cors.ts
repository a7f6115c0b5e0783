import 'server-only';
import { getSettings, saveSettings } from '@/lib/settings/store';
import type { StaffUser } from '@/lib/users';

// CORS for the content API: browsers on the admin-listed origins may call /api/v1 directly.
// Exact origins only (no wildcards): an API key in browser code is visible to anyone, so the
// list is a statement of which sites are expected to embed it, not a secret.

/** The allowed origins (the settings store's `cors` group: in memory, refreshed on every instance by a save). */
export function getCorsOrigins(): Promise<string[]> {
  return getSettings('cors');
}

/** Saves the allow-list (admins only), audited with the previous list. */
export function saveCorsOrigins(origins: string[], user: StaffUser): Promise<string[]> {
  return saveSettings('cors', origins, user);
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

/** OPTIONS (preflight) of an API route answering `methods`: allows them with the key and validators from listed origins. */
export function apiPreflightFor(methods: string) {
  return async (request: Request): Promise<Response> => {
    const headers = await corsHeaders(request);
    if (headers['Access-Control-Allow-Origin']) {
      Object.assign(headers, {
        'Access-Control-Allow-Methods': `${methods}, OPTIONS`,
        'Access-Control-Allow-Headers': 'Authorization, If-None-Match, Content-Type',
        'Access-Control-Max-Age': '600',
      });
    }
    return new Response(null, { status: 204, headers: { ...headers, Allow: `${methods}, OPTIONS`, 'Cache-Control': 'no-store' } });
  };
}

/** OPTIONS (preflight) of every read-only API route. */
export const apiPreflight = apiPreflightFor('GET');
