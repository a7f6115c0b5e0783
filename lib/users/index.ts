import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';
import { publishedOnly } from '@/lib/articles/access';
import type { Role } from '@/lib/auth/roles';

export type StaffUser = { id: string; name: string; email: string; role: Role; slug: string };

const staffSelect = { id: true, name: true, email: true, role: true, slug: true } as const;

/** The active user with this email and their password hash, for sign-in only. */
export async function getUserForSignIn(email: string) {
  return db.user.findFirst({
    where: { email: email.toLowerCase(), deactivatedAt: null },
    select: { ...staffSelect, passwordHash: true },
  });
}

/**
 * What every authenticated request checks, in one primary-key read: the active user, the
 * version their sessions must carry, and whether an authenticator app is on.
 */
export async function getSessionUser(id: string): Promise<(StaffUser & { sessionVersion: number; totpEnabled: boolean }) | null> {
  const row = await db.user.findFirst({ where: { id, deactivatedAt: null }, select: { ...staffSelect, sessionVersion: true, totpEnabledAt: true } });
  if (!row) return null;
  const { totpEnabledAt, ...user } = row;
  return { ...user, totpEnabled: totpEnabledAt !== null };
}

/** The active staff user by id (null when missing or deactivated); memoised per request. */
export const getActiveUserById = cache(async (id: string): Promise<StaffUser | null> => {
  return db.user.findFirst({ where: { id, deactivatedAt: null }, select: staffSelect });
});

/** What readers may see of a person: never their email, role or account state. */
export type PublicAuthor = { id: string; name: string; slug: string; bio: string | null; avatarUrl: string | null };

/**
 * An author's public profile. Only people with a published byline have one, so staff
 * accounts cannot be discovered by guessing slugs; a deactivated author keeps their page.
 */
export const getPublicAuthorBySlug = cache(async (slug: string): Promise<PublicAuthor | null> => {
  return db.user.findFirst({
    where: { slug, bylines: { some: { article: publishedOnly() } } },
    select: { id: true, name: true, slug: true, bio: true, avatarUrl: true },
  });
});
