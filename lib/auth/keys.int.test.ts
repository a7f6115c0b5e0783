// No database needed, but lib/env (the app secret) is: runs with the integration tests.
import { describe, expect, it } from 'vitest';
import { deriveAuthKey, keyedHash, seal, unseal } from '@/lib/auth/keys';
import { readState, signState } from '@/lib/auth/signed-state';

describe('derived keys', () => {
  it('gives each purpose its own key, and another secret other keys', () => {
    const a = deriveAuthKey('totp-secret', 'x'.repeat(32));
    expect(a).toHaveLength(32);
    expect(deriveAuthKey('recovery-code', 'x'.repeat(32)).equals(a)).toBe(false);
    expect(deriveAuthKey('totp-secret', 'y'.repeat(32)).equals(a)).toBe(false);
    expect(keyedHash('audit-ip', '192.0.2.1')).not.toBe(keyedHash('sign-in-throttle', '192.0.2.1'));
  });
});

describe('sealed secrets (AES-256-GCM)', () => {
  it('round-trips, never repeats a ciphertext, and hides the plaintext', () => {
    const a = seal('totp-secret', 'JBSWY3DPEHPK3PXP');
    const b = seal('totp-secret', 'JBSWY3DPEHPK3PXP');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(unseal('totp-secret', a)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses anything tampered with, truncated or sealed for another purpose', () => {
    const sealed = seal('totp-secret', 'JBSWY3DPEHPK3PXP');
    const [v, iv, data, tag] = sealed.split('.') as [string, string, string, string];
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    for (const bad of [
      `${v}.${iv}.${flip(data)}.${tag}`,
      `${v}.${flip(iv)}.${data}.${tag}`,
      `${v}.${iv}.${data}.${flip(tag)}`,
      `${v}.${iv}.${data}.${tag.slice(0, 8)}`,
      `v2.${iv}.${data}.${tag}`,
      'garbage',
      '',
    ]) {
      expect(unseal('totp-secret', bad)).toBeNull();
    }
    expect(unseal('recovery-code', sealed)).toBeNull();
  });
});

describe('signed state (the pending sign-in and passkey challenge cookies)', () => {
  it('reads back what it signed, for the same kind, until it expires', () => {
    const now = Date.now();
    const value = signState('pending-sign-in', { uid: 'u1', sv: 3 }, 300, now);
    expect(readState('pending-sign-in', value, now)).toEqual({ uid: 'u1', sv: 3 });
    expect(readState('pending-sign-in', value, now + 299_000)).toEqual({ uid: 'u1', sv: 3 });
    expect(readState('pending-sign-in', value, now + 300_000)).toBeNull();
    expect(readState('passkey-challenge', value, now)).toBeNull();
  });

  it('refuses forged or altered values', () => {
    const value = signState('pending-sign-in', { uid: 'u1', sv: 0 }, 300);
    const [body, sig] = value.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ k: 'pending-sign-in', exp: Math.floor(Date.now() / 1000) + 300, p: { uid: 'admin', sv: 0 } })).toString('base64url');
    for (const bad of [`${forged}.${sig}`, `${body}.${sig.slice(1)}`, `${body}.`, body, '', 'a.b.c', `${body}.${sig}x`]) {
      expect(readState('pending-sign-in', bad)).toBeNull();
    }
  });
});
