import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';

const g = globalThis as { broadsheetMailer?: Transporter };

function mailer(): Transporter | null {
  if (!env.SMTP_URL) return null;
  g.broadsheetMailer ??= nodemailer.createTransport(env.SMTP_URL);
  return g.broadsheetMailer;
}

const FROM = 'Broadsheet <no-reply@broadsheet.invalid>';

/**
 * Sends a message when SMTP_URL is set; either way it is kept in the outbox, so admins can see
 * what was sent (with any error) or, without SMTP, what would have been sent.
 */
export async function sendMail(msg: { to: string; subject: string; text: string }, transport: Transporter | null = mailer()): Promise<void> {
  const row = await db.outboxMessage.create({ data: msg, select: { id: true } });
  if (!transport) return;
  try {
    await transport.sendMail({ from: FROM, ...msg });
    await db.outboxMessage.update({ where: { id: row.id }, data: { sentAt: new Date() } });
  } catch (e) {
    await db.outboxMessage.update({ where: { id: row.id }, data: { error: String((e as Error).message ?? e).slice(0, 500) } });
  }
}

/** The line that ties an outbox message to the comment it is about. */
export const outboxReference = (commentId: string) => `(comment ${commentId})`;

/** Tells every active editor and admin that a comment waits for moderation. */
export async function notifyPendingComment(commentId: string, transport?: Transporter | null): Promise<number> {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { status: true, authorName: true, body: true, article: { select: { title: true } } },
  });
  if (!comment || comment.status !== 'PENDING') return 0;
  const staff = await db.user.findMany({ where: { role: { in: ['EDITOR', 'ADMIN'] }, deactivatedAt: null }, select: { email: true } });
  const excerpt = comment.body.length > 500 ? `${comment.body.slice(0, 500)}…` : comment.body;
  const subject = `New comment awaiting moderation on “${comment.article.title}”`;
  // The reference lets an erasure find every mail that quoted the comment (lib/comments/privacy).
  const text = `${comment.authorName} wrote:\n\n${excerpt}\n\nModerate it at ${env.SITE_URL}/admin/comments\n${outboxReference(commentId)}`;
  for (const s of staff) await sendMail({ to: s.email, subject, text }, transport === undefined ? mailer() : transport);
  return staff.length;
}

/** The newest outbox messages, for the Outbox page (editors and admins). */
export async function listOutbox(user: StaffUser, take = 100) {
  if (!hasRole(user.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins can read the outbox.');
  return db.outboxMessage.findMany({ orderBy: { createdAt: 'desc' }, take, select: { id: true, to: true, subject: true, text: true, sentAt: true, error: true, createdAt: true } });
}

/** Whether mail really leaves the site (SMTP configured). */
export const mailConfigured = () => !!env.SMTP_URL;
