import nodemailer from 'nodemailer';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { issueCommentFormToken, submitComment } from '@/lib/comments';
import { db } from '@/lib/db';
import { listOutbox, notifyPendingComment, sendMail } from '@/lib/notifications';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { createUser, unique } from '@/test/fixtures';

let editor: StaffUser;
let author: StaffUser;
let article: { id: string };

const post = (body: string, formToken = issueCommentFormToken(article.id, Date.now() - 60_000)) =>
  submitComment({ articleId: article.id, body, name: 'No Tify', email: `n-${unique()}@example.com`, formToken }, { ip: null, userAgent: null });

beforeAll(async () => {
  [editor, author] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR')]);
  article = await saveArticle({ intent: 'publish', data: articleFormSchema.parse({ title: `Notify target ${unique()}`, body: 'Body.' }) }, editor);
});

describe('comment notifications', () => {
  it('without SMTP, writes one outbox message per active editor and admin for a pending comment', async () => {
    const marker = unique();
    const c = await post(`Please moderate me ${marker}`);
    const staff = await db.user.count({ where: { role: { in: ['EDITOR', 'ADMIN'] }, deactivatedAt: null } });
    expect(await notifyPendingComment(c.id, null)).toBe(staff);
    const rows = await db.outboxMessage.findMany({ where: { text: { contains: marker } }, select: { to: true, subject: true, sentAt: true } });
    expect(rows).toHaveLength(staff);
    expect(rows.map((r) => r.to)).toContain(editor.email);
    expect(rows.map((r) => r.to)).not.toContain(author.email);
    expect(rows.every((r) => r.sentAt === null && r.subject.startsWith('New comment awaiting moderation'))).toBe(true);
    expect((await listOutbox(editor)).some((m) => m.text.includes(marker))).toBe(true);
    await expect(listOutbox(author)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('does not notify for spam', async () => {
    const spam = await post(`Bot text ${unique()}`, 'forged');
    expect(spam.status).toBe('SPAM');
    expect(await notifyPendingComment(spam.id, null)).toBe(0);
  });

  it('with a mail transport, sends and records sent or failed', async () => {
    const marker = unique();
    await sendMail({ to: 'desk@example.com', subject: `Sent ${marker}`, text: 'Hello' }, nodemailer.createTransport({ jsonTransport: true }));
    const failing = nodemailer.createTransport({ host: '127.0.0.1', port: 1, connectionTimeout: 500, greetingTimeout: 500, socketTimeout: 500 });
    await sendMail({ to: 'desk@example.com', subject: `Failed ${marker}`, text: 'Hello' }, failing);
    const rows = await db.outboxMessage.findMany({ where: { subject: { endsWith: marker } }, orderBy: { subject: 'asc' }, select: { subject: true, sentAt: true, error: true } });
    expect(rows[0]).toMatchObject({ subject: `Failed ${marker}`, sentAt: null, error: expect.any(String) });
    expect(rows[1]).toMatchObject({ subject: `Sent ${marker}`, sentAt: expect.any(Date), error: null });
  });
});
