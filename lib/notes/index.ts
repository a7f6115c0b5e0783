import 'server-only';
import { z } from 'zod';
import { hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { sendMail } from '@/lib/notifications';
import type { StaffUser } from '@/lib/users';
import type { ArticleNoteView } from './types';

// Inline notes: discussions anchored to a passage of an article's body, for the newsroom only.
// Nothing here is read by public pages, previews, the API, feeds or exports (lib/export leaves
// notes out unless asked with its explicit flag).

const RELATIVE_POSITION = z
  .string()
  .trim()
  .min(4)
  .max(2000)
  .regex(/^[A-Za-z0-9+/=]+$/, 'Select the passage again.');
const noteText = z.string().trim().min(1, 'Write the note.').max(4000, 'Keep a note under 4,000 characters.');

export const createNoteSchema = z.object({
  articleId: z.string().trim().min(1).max(40),
  anchorFrom: RELATIVE_POSITION,
  anchorTo: RELATIVE_POSITION,
  quote: z.string().trim().min(1, 'Select the text the note is about.').max(1000),
  body: noteText,
});
export const replyToNoteSchema = z.object({ noteId: z.string().trim().min(1).max(40), body: noteText });
export const resolveNoteSchema = z.object({ noteId: z.string().trim().min(1).max(40), resolved: z.enum(['1', '0']) });

export type { ArticleNoteView } from './types';

/** The article, if `user` may work on it (the editor's rule: editors any, writers their own). */
async function articleForNotes(articleId: string, user: StaffUser) {
  if (!hasRole(user.role, 'CONTRIBUTOR')) throw new AppError('forbidden', 'Your role does not allow notes.');
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, title: true, authors: { select: { userId: true } } } });
  if (!article) throw new AppError('not_found', 'This article no longer exists.');
  if (!hasRole(user.role, 'EDITOR') && !article.authors.some((a) => a.userId === user.id)) throw new AppError('forbidden', 'You can add notes to your own articles only.');
  return article;
}

/** Every note of an article with its thread, oldest first. */
export async function listArticleNotes(articleId: string, user: StaffUser): Promise<ArticleNoteView[]> {
  await articleForNotes(articleId, user);
  const notes = await db.articleNote.findMany({
    where: { articleId },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      anchorFrom: true,
      anchorTo: true,
      quote: true,
      resolvedAt: true,
      createdAt: true,
      messages: { orderBy: { createdAt: 'asc' }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
    },
  });
  return notes.map((n) => ({
    id: n.id,
    anchorFrom: n.anchorFrom,
    anchorTo: n.anchorTo,
    quote: n.quote,
    resolved: n.resolvedAt !== null,
    createdAt: n.createdAt.toISOString(),
    messages: n.messages.map((m) => ({ id: m.id, author: m.author?.name ?? 'Former colleague', body: m.body, createdAt: m.createdAt.toISOString() })),
  }));
}

/** Colleagues named in `text` with @ and their name ("@Ada Admin") or short name ("@ada-admin"); never the writer. */
export async function mentionedColleagues(text: string, writerId: string) {
  if (!text.includes('@')) return [];
  const staff = await db.user.findMany({ where: { deactivatedAt: null, role: { in: ['CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN'] } }, select: { id: true, name: true, slug: true, email: true } });
  const lower = text.toLowerCase();
  const named = (s: string) => {
    const i = lower.indexOf(`@${s.toLowerCase()}`);
    // A whole name: "@Ada" does not mention "Ada Admin"'s colleague "Adam".
    return i >= 0 && !/[\p{L}\p{N}_-]/u.test(lower.charAt(i + s.length + 1));
  };
  return staff.filter((u) => u.id !== writerId && (named(u.name) || named(u.slug)));
}

async function notifyMentions(note: { id: string; articleId: string; articleTitle: string }, body: string, writer: StaffUser) {
  const mentioned = await mentionedColleagues(body, writer.id);
  if (!mentioned.length) return;
  const href = `/admin/articles/${note.articleId}#note-${note.id}`;
  const text = `${writer.name} mentioned you in a note on “${note.articleTitle}”`;
  await db.notification.createMany({ data: mentioned.map((u) => ({ userId: u.id, text, href })) });
  const excerpt = body.length > 500 ? `${body.slice(0, 500)}…` : body;
  for (const u of mentioned) await sendMail({ to: u.email, subject: text, text: `${writer.name} wrote:\n\n${excerpt}\n\nOpen the story: ${env.SITE_URL}${href}` });
}

/** Starts a note on a passage of the body; mentioned colleagues are told (bell and email). */
export async function createArticleNote(input: z.infer<typeof createNoteSchema>, user: StaffUser): Promise<{ id: string }> {
  const article = await articleForNotes(input.articleId, user);
  const note = await db.articleNote.create({
    data: { articleId: article.id, anchorFrom: input.anchorFrom, anchorTo: input.anchorTo, quote: input.quote, authorId: user.id, messages: { create: { authorId: user.id, body: input.body } } },
    select: { id: true },
  });
  await notifyMentions({ id: note.id, articleId: article.id, articleTitle: article.title }, input.body, user);
  return note;
}

async function noteForUser(noteId: string, user: StaffUser) {
  const note = await db.articleNote.findUnique({ where: { id: noteId }, select: { id: true, articleId: true } });
  if (!note) throw new AppError('not_found', 'This note no longer exists.');
  const article = await articleForNotes(note.articleId, user);
  return { ...note, articleTitle: article.title };
}

/** Adds a reply to a note's thread (reopening it if it was resolved). */
export async function replyToArticleNote(input: z.infer<typeof replyToNoteSchema>, user: StaffUser): Promise<void> {
  const note = await noteForUser(input.noteId, user);
  await db.$transaction([
    db.articleNoteMessage.create({ data: { noteId: note.id, authorId: user.id, body: input.body } }),
    db.articleNote.update({ where: { id: note.id }, data: { resolvedAt: null } }),
  ]);
  await notifyMentions(note, input.body, user);
}

/** Resolves or reopens a note. */
export async function setArticleNoteResolved(input: z.infer<typeof resolveNoteSchema>, user: StaffUser): Promise<void> {
  const note = await noteForUser(input.noteId, user);
  await db.articleNote.update({ where: { id: note.id }, data: { resolvedAt: input.resolved === '1' ? new Date() : null } });
}

/** The bell: a user's unread notifications count, and the newest notifications. */
export async function getNotificationsForUser(user: StaffUser, take = 30) {
  const [unread, items] = await Promise.all([
    db.notification.count({ where: { userId: user.id, readAt: null } }),
    db.notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'desc' }, take, select: { id: true, text: true, href: true, readAt: true, createdAt: true } }),
  ]);
  return { unread, items };
}

/** Marks every notification of `user` read. */
export async function markNotificationsRead(user: StaffUser): Promise<void> {
  await db.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
}

/** The bell's number: notifications `userId` has not read yet. */
export async function countUnreadNotifications(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
