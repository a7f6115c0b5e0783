import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { authOptions } from '@/lib/auth/options';
import { hasRole, type Role } from '@/lib/auth/roles';
import { mustEnrolTwoFactor } from '@/lib/auth/two-factor-policy';
import { AppError } from '@/lib/errors';
import { getSessionUser, type StaffUser } from '@/lib/users';

/** Where users whom the site requires to use two-factor authentication set it up before anything else. */
export const ENROL_PATH = '/login/enrol';

export type SessionState = {
  user: StaffUser;
  /** The site requires two-factor for this role and the user has none yet: only enrolment is open to them. */
  mustEnrol: boolean;
  /** The session's version, for re-issuing this session after a change that ends the others. */
  sessionVersion: number;
};

/**
 * The signed-in user behind this request's session cookie, re-read from the database (one
 * primary-key read, once per request) so that a deactivation, a role change or anything that
 * bumps the user's sessionVersion (password change, two-factor reset, "Sign out everywhere")
 * takes effect at the next request, not when the cookie expires.
 */
export const getSessionState = cache(async (): Promise<SessionState | null> => {
  const session = await getServerSession(authOptions);
  return session?.user?.id ? resolveSession({ uid: session.user.id, sv: session.user.sessionVersion }) : null;
});

/** The session state for a session token's user id and version: null when the user is gone, deactivated, or the version is stale. */
export async function resolveSession(token: { uid: string; sv: number | undefined }): Promise<SessionState | null> {
  const user = await getSessionUser(token.uid);
  // Sessions issued before versions existed carry none: they count as version 0.
  if (!user || user.sessionVersion !== (token.sv ?? 0)) return null;
  const { sessionVersion, totpEnabled, ...staff } = user;
  return { user: staff, sessionVersion, mustEnrol: await mustEnrolTwoFactor({ id: user.id, role: user.role, totpEnabled }) };
}

/** The signed-in staff user with full access (null when signed out, ended, or still to enrol in two-factor). */
export async function getCurrentUser(): Promise<StaffUser | null> {
  const state = await getSessionState();
  return state && !state.mustEnrol ? state.user : null;
}

/** For mutations: the current user if they hold at least `min`, else an AppError (401/403). */
export async function requireRole(min: Role): Promise<StaffUser> {
  const state = await getSessionState();
  if (!state) throw new AppError('unauthorized', 'Your session has ended. Sign in again to continue.');
  if (state.mustEnrol) throw new AppError('forbidden', 'Set up two-factor authentication before you continue.');
  if (!hasRole(state.user.role, min)) throw new AppError('forbidden', 'Your role does not allow this action.');
  return state.user;
}

/** For two-factor enrolment, the one thing a user who must enrol may do: any signed-in user. */
export async function requireSignedIn(): Promise<SessionState> {
  const state = await getSessionState();
  if (!state) throw new AppError('unauthorized', 'Your session has ended. Sign in again to continue.');
  return state;
}

/** For dashboard pages: the current user, or a redirect to /login (to enrolment, or to /admin when the role is too low). */
export async function requirePageRole(min: Role, callbackUrl = '/admin'): Promise<StaffUser> {
  const state = await getSessionState();
  if (!state) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (state.mustEnrol) redirect(ENROL_PATH);
  if (!hasRole(state.user.role, min)) redirect('/admin?denied=1');
  return state.user;
}
