import { describe, expect, it } from 'vitest';
import { formTokenAgeSeconds, signFormToken } from './form-token';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const t0 = Date.UTC(2026, 10, 29, 12, 0, 0);

describe('comment form token', () => {
  it('reports the seconds since the form was served', () => {
    const token = signFormToken(secret, 'art_1', t0);
    expect(formTokenAgeSeconds(secret, 'art_1', token, t0 + 4_500)).toBe(4.5);
    expect(formTokenAgeSeconds(secret, 'art_1', token, t0)).toBe(0);
  });

  it('refuses a missing, malformed or forged token', () => {
    const token = signFormToken(secret, 'art_1', t0);
    expect(formTokenAgeSeconds(secret, 'art_1', undefined, t0)).toBeNull();
    expect(formTokenAgeSeconds(secret, 'art_1', '', t0)).toBeNull();
    expect(formTokenAgeSeconds(secret, 'art_1', 'garbage', t0)).toBeNull();
    // An older timestamp with the original signature: the bot tries to fake a slow reader.
    const [, sig] = token.split('.');
    expect(formTokenAgeSeconds(secret, 'art_1', `${t0 - 60_000}.${sig}`, t0)).toBeNull();
    expect(formTokenAgeSeconds('another-secret-entirely-0123456789abcdef', 'art_1', token, t0 + 10_000)).toBeNull();
  });

  it('is bound to the article it was served for', () => {
    expect(formTokenAgeSeconds(secret, 'art_2', signFormToken(secret, 'art_1', t0), t0 + 10_000)).toBeNull();
  });

  it('refuses a token from the future beyond a little clock slack', () => {
    expect(formTokenAgeSeconds(secret, 'art_1', signFormToken(secret, 'art_1', t0 + 3_000), t0)).toBe(0);
    expect(formTokenAgeSeconds(secret, 'art_1', signFormToken(secret, 'art_1', t0 + 60_000), t0)).toBeNull();
  });

  it('accepts a form served before comment forms had their own key', () => {
    const purposeKey = Buffer.alloc(32, 9);
    expect(formTokenAgeSeconds([purposeKey, secret], 'art_1', signFormToken(secret, 'art_1', t0), t0 + 4_000)).toBe(4);
    expect(formTokenAgeSeconds([purposeKey, secret], 'art_1', signFormToken(purposeKey, 'art_1', t0), t0 + 4_000)).toBe(4);
    expect(formTokenAgeSeconds([purposeKey], 'art_1', signFormToken(secret, 'art_1', t0), t0 + 4_000)).toBeNull();
  });
});
