import 'server-only';
import crypto from 'node:crypto';
import os from 'node:os';
import { promisify } from 'node:util';
import { hash as argon2Hash, verify as argon2Verify, type Algorithm } from '@node-rs/argon2';
import { ConcurrencyGate } from '@/lib/auth/concurrency-gate';

/**
 * Passwords are hashed with argon2id at the OWASP Password Storage Cheat Sheet's first
 * recommendation (m=19 MiB, t=2, p=1): ~19 MiB and ~50–100 ms a hash here. Chosen over the
 * equivalent scrypt N=2^17 (128 MiB and ~0.5–2 s a hash on this kind of machine): several
 * concurrent sign-ins stay cheap in memory and the queue below drains quickly.
 * Older scrypt hashes still verify and are re-hashed at the next successful sign-in.
 */
export type PasswordHashParams = { memoryCost: number; timeCost: number; parallelism: number };
export const OWASP_ARGON2ID: PasswordHashParams = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

let current: PasswordHashParams = OWASP_ARGON2ID;

/** Tests only: cheaper parameters keep suites fast. Hashes made with other parameters then count as outdated. */
export function setPasswordHashParams(params: PasswordHashParams): void {
  current = params;
}

const OUTPUT_BYTES = 32;
// Algorithm.Argon2id: the package's const enum cannot be read under isolatedModules.
const ARGON2ID_ALGORITHM = 2 as Algorithm;
// Refuse to verify hashes whose cost could exhaust the server (stored hashes are ours, but never trust a column).
const MAX_MEMORY_KIB = 256 * 1024;
const MAX_TIME_COST = 20;

/**
 * Hashing is CPU- and memory-bound and runs on libuv's small thread pool, which file and DNS
 * work share. A flood of sign-ins must not starve page delivery: at most half the cores hash
 * at once, and a bounded queue waits; beyond it callers get HashingBusyError at once.
 */
const gate = new ConcurrencyGate(Math.max(1, Math.min(4, Math.floor(os.availableParallelism() / 2))), 32);

export { HashingBusyError } from '@/lib/auth/concurrency-gate';

const normalise = (password: string) => password.normalize('NFKC');

/** Hashes a password as an argon2id PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
export async function hashPassword(password: string): Promise<string> {
  const p = current;
  return gate.run(() => argon2Hash(normalise(password), { algorithm: ARGON2ID_ALGORITHM, memoryCost: p.memoryCost, timeCost: p.timeCost, parallelism: p.parallelism, outputLen: OUTPUT_BYTES }));
}

const ARGON2ID = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]{11,})\$([A-Za-z0-9+/]{43})$/;

/** Constant-time check of a password against a stored hash (argon2id, or legacy scrypt); false for malformed hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const a = ARGON2ID.exec(stored);
  if (a) {
    const [m, t, p] = [Number(a[1]), Number(a[2]), Number(a[3])];
    if (m < 8 || m > MAX_MEMORY_KIB || t < 1 || t > MAX_TIME_COST || p < 1) return false;
    try {
      return await gate.run(() => argon2Verify(stored, normalise(password)));
    } catch (e) {
      if (e instanceof Error && e.name === 'HashingBusyError') throw e;
      return false;
    }
  }
  if (stored.startsWith('scrypt$')) return verifyScrypt(password, stored);
  return false;
}

/** True when a stored hash was made with another algorithm or other parameters than today's: re-hash it at the next sign-in. */
export function passwordNeedsRehash(stored: string): boolean {
  const a = ARGON2ID.exec(stored);
  if (!a) return true;
  return Number(a[1]) !== current.memoryCost || Number(a[2]) !== current.timeCost || Number(a[3]) !== current.parallelism;
}

/** A hash of nothing, verified against when the email is unknown so timing does not reveal accounts. */
let dummyHash: { params: PasswordHashParams; hash: Promise<string> } | undefined;
export function dummyPasswordHash(): Promise<string> {
  if (dummyHash?.params !== current) dummyHash = { params: current, hash: hashPassword(crypto.randomBytes(16).toString('hex')) };
  return dummyHash.hash;
}

// --- Legacy scrypt (`scrypt$N$r$p$salt$hash`), the format before argon2id: verify only. ---

const scrypt = promisify(crypto.scrypt) as (pw: crypto.BinaryLike, salt: crypto.BinaryLike, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;
const SCRYPT_KEYLEN = 64;
const SCRYPT_MAXMEM = 160 * 1024 * 1024; // room for N=2^17, r=8

async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6) return false;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64url');
  // A truncated hash would compare only a few bytes (none at all when empty, accepting any password).
  if (expected.length !== SCRYPT_KEYLEN) return false;
  let actual: Buffer;
  try {
    actual = await gate.run(() => scrypt(normalise(password), Buffer.from(saltB64, 'base64url'), SCRYPT_KEYLEN, { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT_MAXMEM }));
  } catch (e) {
    if (e instanceof Error && e.name === 'HashingBusyError') throw e;
    return false; // parameters scrypt rejects (not numbers, N not a power of two, over the memory limit)
  }
  return crypto.timingSafeEqual(actual, expected);
}
