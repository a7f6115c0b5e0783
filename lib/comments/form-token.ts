import 'server-only';
import crypto from 'node:crypto';

/**
 * A signed "form served at" timestamp: the article page issues one with the comment form,
 * and the submission reports how long the reader had it. The server's clock signs it, so a
 * bot can neither skip the wait nor fake an older form; the token names the article it was
 * served for, so it cannot be reused elsewhere.
 */
type Key = string | Buffer;

const sign = (secret: Key, articleId: string, issuedAt: number) => crypto.createHmac('sha256', secret).update(`comment-form:${articleId}:${issuedAt}`).digest('base64url');

export function signFormToken(secret: Key, articleId: string, issuedAt: number): string {
  return `${issuedAt}.${sign(secret, articleId, issuedAt)}`;
}

/**
 * Seconds since the token was issued, or null when it is missing, malformed, forged, for another
 * article, or from the future. Several keys: a token signed with any of them is good.
 */
export function formTokenAgeSeconds(secret: Key | Key[], articleId: string, token: string | null | undefined, now: number): number | null {
  if (!token) return null;
  const m = /^(\d{10,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const issuedAt = Number(m[1]);
  const given = Buffer.from(m[2]!);
  const signedBy = (key: Key) => {
    const expected = Buffer.from(sign(key, articleId, issuedAt));
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  };
  if (!(Array.isArray(secret) ? secret : [secret]).some(signedBy)) return null;
  // A little slack for clock steps between instances; anything further ahead is forged or broken.
  if (issuedAt > now + 5_000) return null;
  return Math.max(0, (now - issuedAt) / 1000);
}
