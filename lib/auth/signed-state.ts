import 'server-only';
import crypto from 'node:crypto';
import { deriveAuthKey } from '@/lib/auth/keys';

/**
 * A small tamper-proof value for a cookie: `base64url(json).base64url(hmac)`, with an expiry
 * and a kind, so one kind of state can never be replayed as another.
 */
export function signState<T extends object>(kind: string, payload: T, ttlSeconds: number, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ k: kind, exp: Math.floor(now / 1000) + ttlSeconds, p: payload })).toString('base64url');
  return `${body}.${mac(body)}`;
}

/** The payload of a value `signState` made for this kind, or null when forged, expired or malformed. */
export function readState<T>(kind: string, value: string | undefined | null, now = Date.now()): T | null {
  if (!value || value.length > 4096) return null;
  const [body, sig] = value.split('.');
  if (!body || !sig) return null;
  const expected = Buffer.from(mac(body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { k?: unknown; exp?: unknown; p?: unknown };
    if (parsed.k !== kind || typeof parsed.exp !== 'number' || parsed.exp * 1000 <= now || !parsed.p || typeof parsed.p !== 'object') return null;
    return parsed.p as T;
  } catch {
    return null;
  }
}

function mac(body: string): string {
  return crypto.createHmac('sha256', deriveAuthKey('sign-in-state')).update(body).digest('base64url');
}
