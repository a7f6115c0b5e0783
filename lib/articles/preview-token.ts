import 'server-only';
import crypto from 'node:crypto';

/**
 * Preview links: `<articleId>.<expires (unix seconds)>.<HMAC-SHA256>` signed with the app
 * secret. Whoever holds the link sees the article's current draft until it expires; a
 * changed id or expiry breaks the signature. The purpose prefix keeps these signatures from
 * being valid anywhere else the same secret signs.
 */
type Key = string | Buffer;

const sign = (secret: Key, articleId: string, expires: number) => crypto.createHmac('sha256', secret).update(`article-preview:${articleId}:${expires}`).digest('base64url');

export function signPreviewToken(secret: Key, articleId: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${articleId}.${expires}.${sign(secret, articleId, expires)}`;
}

export type PreviewTokenCheck = { ok: true; articleId: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Checks a preview token's signature, then its expiry (a forged token is "invalid", never "expired").
 * Several keys: a token signed with any of them is good (links handed out before a key change).
 */
export function verifyPreviewToken(secret: Key | Key[], token: string, now = Date.now()): PreviewTokenCheck {
  const m = /^([a-z0-9_-]{1,40})\.(\d{9,11})\.([A-Za-z0-9_-]{43})$/i.exec(token);
  if (!m) return { ok: false, reason: 'invalid' };
  const [, articleId, expiresRaw, given] = m as unknown as [string, string, string, string];
  const expires = Number(expiresRaw);
  const keys = Array.isArray(secret) ? secret : [secret];
  if (!keys.some((key) => crypto.timingSafeEqual(Buffer.from(sign(key, articleId, expires)), Buffer.from(given)))) return { ok: false, reason: 'invalid' };
  if (expires * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, articleId, expiresAt: new Date(expires * 1000) };
}
