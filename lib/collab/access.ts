import 'server-only';
import { decode } from 'next-auth/jwt';
import { sessionCookieName } from '@/lib/auth/auth-url';
import { hasRole, type Role } from '@/lib/auth/roles';
import { resolveSession } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

/** Who is connected to a shared document, as the co-editing server keeps it for the connection's life. */
export type CollabUser = { id: string; name: string; role: Role; sessionVersion: number; readOnly: boolean };

const WRITABLE_BY_WRITERS = ['DRAFT', 'IN_REVIEW'];

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

/** The session behind a WebSocket handshake's cookie (the same checks as every request: active user, current session version). */
export async function sessionFromCookie(header: string | null) {
  const raw = cookieValue(header, sessionCookieName());
  if (!raw) return null;
  const token = await decode({ token: raw, secret: env.NEXTAUTH_SECRET }).catch(() => null);
  if (!token?.uid || typeof token.uid !== 'string') return null;
  const state = await resolveSession({ uid: token.uid, sv: typeof token.sv === 'number' ? token.sv : undefined });
  return state && !state.mustEnrol ? state : null;
}

/**
 * Whether `userId` may open an article's shared document, with the editor's rules: editors and
 * admins any article, writers their own, and writers change them only while Draft or In review
 * (otherwise they follow along read-only). Throws 401/403/404 as AppError.
 */
export async function collabAccess(userId: string, sessionVersion: number, articleId: string): Promise<CollabUser> {
  const state = await resolveSession({ uid: userId, sv: sessionVersion });
  if (!state || state.mustEnrol) throw new AppError('unauthorized', 'Your session has ended. Sign in again to continue.');
  const { user } = state;
  if (!hasRole(user.role, 'CONTRIBUTOR')) throw new AppError('forbidden', 'Your role does not allow writing articles.');
  const article = await db.article.findUnique({ where: { id: articleId }, select: { status: true, authors: { select: { userId: true } } } });
  if (!article) throw new AppError('not_found', 'This article no longer exists.');
  const editor = hasRole(user.role, 'EDITOR');
  if (!editor && !article.authors.some((a) => a.userId === user.id)) throw new AppError('forbidden', 'You can open only your own articles.');
  return { id: user.id, name: user.name, role: user.role, sessionVersion, readOnly: !editor && !WRITABLE_BY_WRITERS.includes(article.status) };
}
