import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFor, legacyKey } from './keys';
import { isSealed, seal, unseal, UnreadableSecretError } from './sealed';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe('purpose keys', () => {
  it('derives a different 32-byte key for each purpose with HKDF-SHA256, none of them the secret', () => {
    const keys = (['webhookSecrets', 'identifiers', 'previewLinks', 'commentForms'] as const).map((p) => keyFor(p, SECRET).toString('hex'));
    expect(new Set(keys).size).toBe(4);
    for (const k of keys) expect(k).toHaveLength(64);
    expect(keyFor('identifiers', SECRET)).toEqual(Buffer.from(crypto.hkdfSync('sha256', SECRET, Buffer.alloc(0), 'broadsheet/identifiers/hmac-sha256/v1', 32)));
    expect(keyFor('identifiers', SECRET)).toEqual(keyFor('identifiers', SECRET));
    expect(keyFor('identifiers', `${SECRET}x`)).not.toEqual(keyFor('identifiers', SECRET));
    expect(legacyKey(SECRET)).toBe(SECRET);
  });
});

describe('sealed secrets', () => {
  it('round-trips through AES-256-GCM with a fresh IV each time, behind a version prefix', () => {
    const a = seal('whsec_example', 'webhookSecrets', 'ctx');
    const b = seal('whsec_example', 'webhookSecrets', 'ctx');
    expect(a).toMatch(/^sealed:v1:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('whsec_example');
    expect(isSealed(a)).toBe(true);
    expect(unseal(a, 'webhookSecrets', 'ctx')).toBe('whsec_example');
    expect(unseal('é ünïcode 🔑', 'webhookSecrets', 'ctx')).toBe('é ünïcode 🔑');
    expect(unseal(seal('é ünïcode 🔑', 'webhookSecrets', 'ctx'), 'webhookSecrets', 'ctx')).toBe('é ünïcode 🔑');
  });

  it('reads values stored before sealing as they are', () => {
    expect(isSealed('whsec_legacy')).toBe(false);
    expect(unseal('whsec_legacy', 'webhookSecrets', 'ctx')).toBe('whsec_legacy');
  });

  it('refuses an altered value, another context or another purpose key', () => {
    const sealed = seal('whsec_example', 'webhookSecrets', 'ctx');
    const raw = Buffer.from(sealed.slice('sealed:v1:'.length), 'base64url');
    raw[14] = raw[14]! ^ 1;
    expect(() => unseal(`sealed:v1:${raw.toString('base64url')}`, 'webhookSecrets', 'ctx')).toThrow(UnreadableSecretError);
    expect(() => unseal(sealed, 'webhookSecrets', 'other')).toThrow(UnreadableSecretError);
    expect(() => unseal(sealed, 'identifiers', 'ctx')).toThrow(UnreadableSecretError);
    expect(() => unseal('sealed:v1:AAAA', 'webhookSecrets', 'ctx')).toThrow(/NEXTAUTH_SECRET changed/);
  });
});
