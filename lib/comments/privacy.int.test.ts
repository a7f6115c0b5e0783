import { beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { issueCommentFormToken, moderateComment, submitComment } from '@/lib/comments';
import { banValue } from '@/lib/comments/bans';
import { editComment, reportComment } from '@/lib/comments/moderation';
import { eraseCommenterData, exportCommenterData } from '@/lib/comments/privacy';
import { db } from '@/lib/db';
import { notifyPendingComment } from '@/lib/notifications';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { createUser, unique } from '@/test/fixtures';

let admin: StaffUser;
let editor: StaffUser;
let article: { id: string };

const post = (email: string, body: string, parentId?: string) =>
  submitComment({ articleId: article.id, body, name: 'Priv Acy', email, parentId, formToken: issueCommentFormToken(article.id, Date.now() - 60_000) }, { ip: '198.51.100.9', userAgent: 'Vitest' });

beforeAll(async () => {
  [admin, editor] = await Promise.all([createUser('ADMIN'), createUser('EDITOR')]);
  article = await saveArticle({ intent: 'publish', data: articleFormSchema.parse({ title: `Privacy target ${unique()}`, body: 'Body.' }) }, editor);
});

describe('commenter export and erasure', () => {
  it('exports every comment of one email, with reports and any ban, and nothing of others', async () => {
    const email = `gdpr-${unique()}@example.com`;
    const a = await post(email, `First words ${unique()}`);
    await moderateComment(a.id, 'approve', editor);
    await reportComment(a.id, 'Meh', { ip: '192.0.2.9' });
    await post(email, `Second words ${unique()}`);
    await post(`someone-${unique()}@example.com`, 'Not theirs');
    await banValue('EMAIL', email, { days: null, reason: 'Test' }, admin);
    const out = await exportCommenterData(` ${email.toUpperCase()} `, admin);
    expect(out.email).toBe(email);
    expect(out.comments).toHaveLength(2);
    expect(out.comments[0]).toMatchObject({ authorEmail: email, reports: [{ reason: 'Meh' }], article: { path: expect.stringMatching(/^\/articles\//) } });
    expect(out.ban).toMatchObject({ reason: 'Test', expiresAt: null });
    expect(JSON.stringify(out)).not.toContain('Not theirs');
    expect(JSON.stringify(out)).not.toContain('ipHash');
    await expect(exportCommenterData(email, editor)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('erases comments, their notifications and audit text; replies by others stay', async () => {
    const email = `erase-${unique()}@example.com`;
    const secret = `Private thought ${unique()}`;
    const mine = await post(email, secret);
    await notifyPendingComment(mine.id, null);
    await moderateComment(mine.id, 'approve', editor);
    await editComment(mine.id, { body: `${secret} (edited)`, name: 'Priv Acy', website: undefined }, editor);
    const reply = await post(`other-${unique()}@example.com`, 'A reply by someone else', mine.id);

    await expect(eraseCommenterData(email, editor)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await eraseCommenterData(email, admin)).toMatchObject({ comments: 1 });
    expect(await db.comment.count({ where: { authorEmail: email } })).toBe(0);
    expect(await db.comment.findUniqueOrThrow({ where: { id: reply.id }, select: { parentId: true } })).toEqual({ parentId: null });
    expect(await db.outboxMessage.count({ where: { text: { contains: secret } } })).toBe(0);
    const audits = await db.auditLog.findMany({ where: { entityType: 'comment', entityId: mine.id }, select: { data: true } });
    expect(audits.length).toBeGreaterThan(0);
    expect(JSON.stringify(audits)).not.toContain(secret);
    const erasure = await db.auditLog.findFirstOrThrow({ where: { action: 'commenter.erase', actorId: admin.id }, orderBy: { createdAt: 'desc' }, select: { entityId: true, data: true } });
    expect(erasure.entityId).not.toContain(email);
    expect(erasure.data).toEqual({ comments: 1 });
  });
});
