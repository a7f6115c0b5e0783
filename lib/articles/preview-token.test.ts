import { describe, expect, it } from 'vitest';
import { signPreviewToken, verifyPreviewToken } from './preview-token';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const now = Date.UTC(2026, 10, 30, 12, 0, 0);
const inAWeek = new Date(now + 7 * 86_400_000);

describe('preview token', () => {
  it('opens the article it was made for until it expires', () => {
    const token = signPreviewToken(secret, 'cmarticle1', inAWeek);
    expect(verifyPreviewToken(secret, token, now)).toEqual({ ok: true, articleId: 'cmarticle1', expiresAt: inAWeek });
    expect(verifyPreviewToken(secret, token, inAWeek.getTime() - 1000)).toMatchObject({ ok: true });
  });

  it('refuses an expired token as expired', () => {
    const token = signPreviewToken(secret, 'cmarticle1', new Date(now - 1000));
    expect(verifyPreviewToken(secret, token, now)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyPreviewToken(secret, signPreviewToken(secret, 'cmarticle1', inAWeek), inAWeek.getTime())).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token whose article or expiry was changed, or signed with another secret', () => {
    const token = signPreviewToken(secret, 'cmarticle1', inAWeek);
    const [, expires, sig] = token.split('.');
    expect(verifyPreviewToken(secret, `cmarticle2.${expires}.${sig}`, now)).toEqual({ ok: false, reason: 'invalid' });
    // Stretching the expiry of an old link breaks the signature.
    expect(verifyPreviewToken(secret, `cmarticle1.${Number(expires) + 86_400}.${sig}`, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyPreviewToken(`${secret}x`, token, now)).toEqual({ ok: false, reason: 'invalid' });
    // An expired and forged token is reported as invalid, never as merely expired.
    expect(verifyPreviewToken(secret, `cmarticle2.${expires}.${sig}`, inAWeek.getTime() + 1)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses malformed tokens', () => {
    for (const t of ['', 'garbage', 'a.b.c', 'cmarticle1.123.', `../etc.${'1'.repeat(10)}.${'a'.repeat(43)}`]) {
      expect(verifyPreviewToken(secret, t, now)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('accepts a token signed with any of several keys (links made before preview links had their own key)', () => {
    const purposeKey = Buffer.alloc(32, 7);
    const old = signPreviewToken(secret, 'cmarticle1', inAWeek);
    const current = signPreviewToken(purposeKey, 'cmarticle1', inAWeek);
    expect(old).not.toBe(current);
    for (const t of [old, current]) expect(verifyPreviewToken([purposeKey, secret], t, now)).toMatchObject({ ok: true, articleId: 'cmarticle1' });
    expect(verifyPreviewToken([purposeKey], old, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});
