import 'server-only';

export const DEFAULT_CALLBACK = '/admin';

// Controls and whitespace other than the plain space: browsers strip or reinterpret them (`/\t/evil.com`).
const UNSAFE_CHARS = /[\u0000-\u001f\u007f\u0080-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff\\]/;

/**
 * Where to send someone after signing in: `callbackUrl` resolved against the site's origin,
 * returned as a same-origin path (`/admin/articles?page=2`). Anything that leaves the origin
 * or could be read as another host by a browser or proxy (`//evil.com`, `/\evil.com`,
 * `javascript:`, encoded or whitespace-smuggled variants) gives DEFAULT_CALLBACK.
 */
export function resolveCallbackUrl(input: unknown, siteOrigin: string): string {
  if (typeof input !== 'string' || input.length === 0 || input.length > 2000) return DEFAULT_CALLBACK;
  if (UNSAFE_CHARS.test(input)) return DEFAULT_CALLBACK;
  let origin: string;
  let url: URL;
  try {
    origin = new URL(siteOrigin).origin;
    url = new URL(input, origin);
  } catch {
    return DEFAULT_CALLBACK;
  }
  if (url.origin !== origin || url.username || url.password) return DEFAULT_CALLBACK;
  // An absolute URL is accepted only when it names this very origin (scheme, host and port).
  if (/^[a-z][a-z\d+.-]*:/i.test(input) && !input.toLowerCase().startsWith(`${origin.toLowerCase()}/`) && input.toLowerCase() !== origin.toLowerCase()) {
    return DEFAULT_CALLBACK;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The path must stay a path when read again by anyone: never `//host` or `/\host`, even once decoded.
  let decoded = path;
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      return DEFAULT_CALLBACK;
    }
  }
  if (!path.startsWith('/') || /^\/[/\\]/.test(decoded) || UNSAFE_CHARS.test(decoded)) return DEFAULT_CALLBACK;
  return path;
}
