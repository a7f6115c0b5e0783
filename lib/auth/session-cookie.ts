import 'server-only';
import { encode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { secureAuthCookies, sessionCookieName, signInStateCookieName } from '@/lib/auth/auth-url';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/options';
import type { Role } from '@/lib/auth/roles';
import { env } from '@/lib/env';

export type SessionSubject = { id: string; name: string; email: string; role: Role; sessionVersion: number };

/**
 * Issues the session cookie next-auth reads (the same encrypted JWT its own sign-in would
 * make), for a user who has passed every check, and drops any sign-in in progress. Call from
 * a route handler or server action; also to re-issue the caller's own session after a change that
 * ended every other one (password change, "Sign out everywhere").
 */
export async function startSession(user: SessionSubject, amr: string[] = []): Promise<void> {
  const token = await encode({
    secret: env.NEXTAUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
    token: { sub: user.id, uid: user.id, name: user.name, email: user.email, role: user.role, sv: user.sessionVersion, amr },
  });
  const jar = await cookies();
  const secure = secureAuthCookies();
  jar.set(sessionCookieName(secure), token, { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: SESSION_MAX_AGE_SECONDS });
  if (jar.has(signInStateCookieName(secure))) clearCookie(jar, signInStateCookieName(secure), secure);
}

/** Expires a cookie with the attributes it was set with (a __Host- cookie must be cleared as Secure). */
export function clearCookie(jar: Awaited<ReturnType<typeof cookies>>, name: string, secure = secureAuthCookies()): void {
  jar.set(name, '', { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: 0 });
}
