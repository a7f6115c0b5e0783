import { describe, expect, it } from 'vitest';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the password it hashed and refuses any other', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
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

  it.each([
    '',
    'not-a-hash',
    'bcrypt$10$abc$def$ghi$jkl',
    'scrypt$32768$8$1$onlyfive',
    '$2b$10$abcdefghijklmnopqrstuv',
    // An empty or truncated hash must not accept every password.
    'scrypt$32768$8$1$c2FsdHNhbHRzYWx0$',
    'scrypt$32768$8$1$c2FsdHNhbHRzYWx0$AA',
    // Parameters scrypt rejects must not throw during sign-in.
    `scrypt$abc$8$1$c2FsdHNhbHRzYWx0$${'A'.repeat(86)}`,
    `scrypt$1048576$8$1$c2FsdHNhbHRzYWx0$${'A'.repeat(86)}`,
  ])(
    'returns false (does not throw) for the malformed hash %j',
    async (stored) => {
      expect(await verifyPassword('anything', stored)).toBe(false);
    },
  );

  it('gives a dummy hash that no ordinary password matches', async () => {
    const dummy = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(await verifyPassword('', dummy)).toBe(false);
    expect(await verifyPassword('password', dummy)).toBe(false);
  });
});
