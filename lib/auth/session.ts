import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from '@/lib/auth/options';
import { hasRole, type Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { getActiveUserById, type StaffUser } from '@/lib/users';

/**
 * The signed-in staff user, re-read from the database so that a role change or a
 * deactivation takes effect at once, not when the session cookie expires.
 */
export async function getCurrentUser(): Promise<StaffUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  return id ? getActiveUserById(id) : null;
}

/** For mutations: the current user if they hold at least `min`, else an AppError (401/403). */
export async function requireRole(min: Role): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized', 'Your session has ended. Sign in again to continue.');
  if (!hasRole(user.role, min)) throw new AppError('forbidden', 'Your role does not allow this action.');
  return user;
}

/** For dashboard pages: the current user, or a redirect to /login (or to /admin when the role is too low). */
export async function requirePageRole(min: Role, callbackUrl = '/admin'): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (!hasRole(user.role, min)) redirect('/admin?denied=1');
  return user;
}
