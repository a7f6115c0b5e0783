import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dummyPasswordHash, hashPassword, OWASP_ARGON2ID, passwordNeedsRehash, setPasswordHashParams, verifyPassword } from './password';

// Cheap parameters for speed; one test checks the real ones.
const FAST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
beforeAll(() => setPasswordHashParams(FAST));
afterAll(() => setPasswordHashParams(OWASP_ARGON2ID));

/** A hash in the format used before argon2id, as existing databases hold it. */
function legacyScryptHash(password: string, n = 1024): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(password.normalize('NFKC'), salt, 64, { N: n, r: 8, p: 1 });
  return ['scrypt', n, 8, 1, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

describe('password hashing', () => {
  it('hashes with argon2id at the OWASP parameters (m=19 MiB, t=2, p=1) by default', async () => {
    setPasswordHashParams(OWASP_ARGON2ID);
    try {
      const hash = await hashPassword('correct horse battery staple');
      expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
      expect(passwordNeedsRehash(hash)).toBe(false);
      expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    } finally {
      setPasswordHashParams(FAST);
    }
  });

  it('verifies the password it hashed and refuses any other', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('treats composed and decomposed Unicode as the same password', async () => {
    const hash = await hashPassword('caf\u00e9');
    expect(await verifyPassword('cafe\u0301', hash)).toBe(true);
  });

  it('still verifies legacy scrypt hashes, and marks them (and weaker argon2id) for re-hashing', async () => {
    const legacy = legacyScryptHash('an older password');
    expect(await verifyPassword('an older password', legacy)).toBe(true);
    expect(await verifyPassword('another password', legacy)).toBe(false);
    expect(passwordNeedsRehash(legacy)).toBe(true);
    expect(passwordNeedsRehash(await hashPassword('x'))).toBe(false);
    setPasswordHashParams({ ...FAST, timeCost: 2 });
    try {
      expect(passwordNeedsRehash(await hashPassword('x'))).toBe(false);
    } finally {
      setPasswordHashParams(FAST);
    }
    expect(passwordNeedsRehash('$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0$' + 'A'.repeat(43))).toBe(true);
  });

  it.each([
    '',
    'not-a-hash',
    'bcrypt$10$abc$def$ghi$jkl',
    'scrypt$32768$8$1$onlyfive',
    '$2b$10$abcdefghijklmnopqrstuv',
    // An empty or truncated hash must not accept every password.
    'scrypt$32768$8$1$c2FsdHNhbHRzYWx0$',
    'scrypt$32768$8$1$c2FsdHNhbHRzYWx0$AA',
    '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$',
    '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$AAAA',
    // Other argon2 variants and versions are not ours.
    `$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$${'A'.repeat(43)}`,
    `$argon2id$v=16$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$${'A'.repeat(43)}`,
    // Costs that would tie up the server are refused before any work.
    `$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHRzYWx0$${'A'.repeat(43)}`,
    `$argon2id$v=19$m=1024,t=999,p=1$c2FsdHNhbHRzYWx0$${'A'.repeat(43)}`,
    // Parameters scrypt rejects must not throw during sign-in.
    `scrypt$abc$8$1$c2FsdHNhbHRzYWx0$${'A'.repeat(86)}`,
    `scrypt$1048576$8$1$c2FsdHNhbHRzYWx0$${'A'.repeat(86)}`,
  ])('returns false (does not throw) for the malformed hash %j', async (stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });

  it('gives a dummy hash that no ordinary password matches', async () => {
    const dummy = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(await verifyPassword('', dummy)).toBe(false);
    expect(await verifyPassword('password', dummy)).toBe(false);
  });
});
