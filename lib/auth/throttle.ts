import 'server-only';
import { keyedHash } from '@/lib/auth/keys';
import { clientNetwork, parseSignInLimits, type SignInLimit } from '@/lib/auth/throttle-rules';
import { env } from '@/lib/env';
import { rateLimiter, type RateLimiter } from '@/lib/rate-limit';

export { tooManyAttemptsMessage } from '@/lib/auth/throttle-rules';

// Failed sign-ins, counted per account and per client network through the one rate-limit module
// (Redis when REDIS_URL is set, so every instance shares the counts; memory otherwise).

type Limit = { limit: SignInLimit; limiter: RateLimiter };

function signInLimits(): Limit[] {
  return parseSignInLimits(env.SIGN_IN_LIMITS).map((limit) => ({ limit, limiter: rateLimiter(`sign-in:${limit.scope}`, { points: limit.points, seconds: limit.seconds }) }));
}

export type ThrottleKeys = { account: string; ip: string | null };

/** The throttle's keys for an attempt: keyed hashes, so no email or address is stored in Redis or memory. */
export function throttleKeys(email: string, ip: string | null): ThrottleKeys {
  const network = ip ? clientNetwork(ip) : null;
  return { account: keyedHash('sign-in-throttle', `account:${email.trim().toLowerCase()}`), ip: network ? keyedHash('sign-in-throttle', `ip:${network}`) : null };
}

const keyOf = (keys: ThrottleKeys, scope: SignInLimit['scope']) => (scope === 'account' ? keys.account : keys.ip);

/** Gives one counted attempt back (the limiter's consume with a negative count). */
const giveBack = (limiter: RateLimiter, key: string) => limiter.consume(key, -1);

/**
 * Counts the attempt on every limit BEFORE the (expensive) password check: a locked account or
 * network is refused without hashing, and a burst of parallel attempts cannot slip through
 * between a check and a count. Returns the wait in seconds when a limit is already used up
 * (the attempt then counts nowhere).
 */
export async function beginSignInAttempt(keys: ThrottleKeys): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const counted: { limiter: RateLimiter; key: string }[] = [];
  let wait = 0;
  for (const { limit, limiter } of signInLimits()) {
    const key = keyOf(keys, limit.scope);
    if (!key) continue;
    const result = await limiter.consume(key);
    if (result.allowed) counted.push({ limiter, key });
    else wait = Math.max(wait, result.resetSeconds);
  }
  if (wait === 0) return { ok: true };
  await Promise.all(counted.map((c) => giveBack(c.limiter, c.key)));
  return { ok: false, retryAfterSeconds: wait };
}

/** After a failed attempt: when a limit is now used up, the seconds until the next try (else 0). */
export async function lockedFor(keys: ThrottleKeys): Promise<number> {
  let wait = 0;
  for (const { limit, limiter } of signInLimits()) {
    const key = keyOf(keys, limit.scope);
    if (!key) continue;
    const state = await limiter.peek(key);
    if (!state.allowed) wait = Math.max(wait, state.resetSeconds);
  }
  return wait;
}

/** A right password with the second factor still to come: the network gets the attempt back; the account keeps it until the sign-in completes. */
export async function passwordAccepted(keys: ThrottleKeys): Promise<void> {
  await Promise.all(signInLimits().map(({ limit, limiter }) => (limit.scope === 'ip' && keys.ip ? giveBack(limiter, keys.ip) : undefined)));
}

/** After a successful sign-in: the account's count starts again; the network gets this attempt back. */
export async function signInSucceeded(keys: ThrottleKeys): Promise<void> {
  await Promise.all(
    signInLimits().map(({ limit, limiter }) => {
      const key = keyOf(keys, limit.scope);
      if (!key) return undefined;
      return limit.scope === 'account' ? limiter.reset(key) : giveBack(limiter, key);
    }),
  );
}
