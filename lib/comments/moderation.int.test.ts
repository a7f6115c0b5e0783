import { beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { issueCommentFormToken, listApprovedComments, moderateComment, submitComment } from '@/lib/comments';
import { countModerationTabs, dismissReports, editComment, listModerationQueue, replyAsStaff, reportComment } from '@/lib/comments/moderation';
import { createRateLimiters, parseRateLimits } from '@/lib/comments/rate-limit';
import { RateLimitedError } from '@/lib/rate-limit';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { createUser, unique } from '@/test/fixtures';

let editor: StaffUser;
let author: StaffUser;
let article: { id: string; slug: string; title: string };

const post = (extra: { body?: string; email?: string; name?: string; parentId?: string } = {}) =>
  submitComment(
    { articleId: article.id, body: `Remark ${unique()}`, name: 'Mo Derate', email: `mo-${unique()}@example.com`, formToken: issueCommentFormToken(article.id, Date.now() - 60_000), ...extra },
    { ip: '198.51.100.77', userAgent: 'Vitest' },
  );
const approved = async (extra: Parameters<typeof post>[0] = {}) => {
  const c = await post(extra);
  await moderateComment(c.id, 'approve', editor);
  return c;
};

beforeAll(async () => {
  [editor, author] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR')]);
  const saved = await saveArticle({ intent: 'publish', data: articleFormSchema.parse({ title: `Moderation target ${unique()}`, body: 'Body.' }) }, editor);
  article = { ...saved, title: (await db.article.findUniqueOrThrow({ where: { id: saved.id }, select: { title: true } })).title };
});

describe('moderation queue', () => {
  it('searches text, author, email and article title, case-insensitively, and pages', async () => {
    const marker = unique();
    const c = await post({ body: `Zebra crossing ${marker}`, name: `Quentin ${marker}` });
    for (const q of [`ZEBRA CROSSING ${marker}`, `quentin ${marker}`, marker]) {
      expect((await listModerationQueue(editor, { tab: 'PENDING', q })).comments.map((x) => x.id)).toEqual([c.id]);
    }
    const byTitle = await listModerationQueue(editor, { tab: 'PENDING', q: article.title.toUpperCase(), perPage: 1000 });
    expect(byTitle.comments.map((x) => x.id)).toContain(c.id);
    const many = await Promise.all([1, 2, 3].map((i) => post({ body: `Paged ${i} ${marker}` })));
    const p1 = await listModerationQueue(editor, { tab: 'PENDING', q: `Paged`, perPage: 2, page: 1 });
    expect(p1.pages).toBeGreaterThanOrEqual(2);
    const all = await listModerationQueue(editor, { tab: 'PENDING', q: marker, perPage: 2, page: 2 });
    expect(all.total).toBe(4);
    expect(all.comments).toHaveLength(2);
    expect(many).toHaveLength(3);
  });

  it('hides IP hashes from the queue but says whether one exists', async () => {
    const c = await post();
    const row = (await listModerationQueue(editor, { tab: 'PENDING', perPage: 1000 })).comments.find((x) => x.id === c.id)!;
    expect(row).toMatchObject({ hasIp: true, isStaff: false });
    expect(JSON.stringify(row)).not.toContain('ipHash');
  });

  it('is for editors and admins only', async () => {
    await expect(listModerationQueue(author, { tab: 'PENDING' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(editComment('x', { body: 'b', name: 'n', website: undefined }, author)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(replyAsStaff('x', 'b', author)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(dismissReports('x', author)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('reports', () => {
  it('counts a reported comment in the Reported tab until the reports are dismissed; one open report per address', async () => {
    const c = await approved();
    const before = (await countModerationTabs()).REPORTED;
    await reportComment(c.id, 'Rude', { ip: '192.0.2.1' });
    await reportComment(c.id, 'Still rude', { ip: '192.0.2.1' });
    await reportComment(c.id, 'Off-topic', { ip: '192.0.2.2' });
    expect((await countModerationTabs()).REPORTED).toBe(before + 1);
    const row = (await listModerationQueue(editor, { tab: 'REPORTED', perPage: 1000 })).comments.find((x) => x.id === c.id)!;
    expect(row.reports.map((r) => r.reason)).toEqual(['Rude', 'Off-topic']);
    await dismissReports(c.id, editor);
    expect((await countModerationTabs()).REPORTED).toBe(before);
    expect(await db.auditLog.findFirst({ where: { entityId: c.id, action: 'comment.dismiss-reports' }, select: { actorId: true } })).toEqual({ actorId: editor.id });
  });

  it('settles reports when the comment is trashed, and refuses reports on unpublished comments', async () => {
    const c = await approved();
    await reportComment(c.id, 'Spam link', { ip: '192.0.2.3' });
    await moderateComment(c.id, 'trash', editor);
    expect(await db.commentReport.count({ where: { commentId: c.id, resolvedAt: null } })).toBe(0);
    const pending = await post();
    await expect(reportComment(pending.id, 'Anything', { ip: null })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('limits reports per IP address (the default 10 an hour) with a 429 that says how long to wait', async () => {
    const limiters = createRateLimiters(parseRateLimits('ip:10/3600'), { shared: false });
    const comments = await Promise.all(Array.from({ length: 11 }, () => approved()));
    for (const c of comments.slice(0, 10)) await reportComment(c.id, 'Off-topic', { ip: '192.0.2.50', limiters });
    const err = await reportComment(comments[10]!.id, 'Off-topic', { ip: '192.0.2.50', limiters }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err).toMatchObject({ code: 'rate_limited', status: 429, message: expect.stringMatching(/^You are reporting comments too quickly\. Please wait \d+ minutes and try again\.$/) });
    expect(await db.commentReport.count({ where: { commentId: comments[10]!.id } })).toBe(0);
    // Another address is not held back by the first one's limit.
    await reportComment(comments[10]!.id, 'Off-topic', { ip: '192.0.2.51', limiters });
    expect(await db.commentReport.count({ where: { commentId: comments[10]!.id } })).toBe(1);
  });
});

describe('editing, staff replies, unapprove and delete forever', () => {
  it('edits a comment and audits what it was', async () => {
    const c = await post({ body: 'Teh original' });
    await editComment(c.id, { body: 'The original', name: 'Mo Derated', website: 'https://mo.example' }, editor);
    expect(await db.comment.findUniqueOrThrow({ where: { id: c.id }, select: { body: true, authorName: true, authorUrl: true } })).toEqual({
      body: 'The original',
      authorName: 'Mo Derated',
      authorUrl: 'https://mo.example',
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: c.id, action: 'comment.edit' }, select: { data: true, actorId: true } });
    expect(audit).toMatchObject({ actorId: editor.id, data: { before: { body: 'Teh original' } } });
  });

  it('tells a moderator acting on what the queue showed before another moderator’s action, changing nothing', async () => {
    const c = await post({ body: 'Two moderators at once' });
    expect((await listModerationQueue(editor, { tab: 'PENDING', q: 'Two moderators at once' })).comments.find((x) => x.id === c.id)?.version).toBe(1);
    expect(await moderateComment(c.id, 'approve', editor, { version: 1 })).toEqual({ version: 2 });
    await expect(moderateComment(c.id, 'trash', editor, { version: 1 })).rejects.toMatchObject({ code: 'conflict', currentVersion: 2 });
    await expect(editComment(c.id, { body: 'Edited from an old screen', name: 'X', version: 1 }, editor)).rejects.toMatchObject({ code: 'conflict', currentVersion: 2 });
    await expect(moderateComment(c.id, 'delete', editor, { version: 1 })).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.comment.findUniqueOrThrow({ where: { id: c.id }, select: { status: true, body: true } })).toEqual({ status: 'APPROVED', body: 'Two moderators at once' });
    await editComment(c.id, { body: 'Edited from the current screen', name: 'X', version: 2 }, editor);
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(3);
  });

  it('publishes a staff reply at once, marked as staff, under an approved comment only', async () => {
    const parent = await approved();
    const { id } = await replyAsStaff(parent.id, 'Thanks for writing in.', editor);
    const shown = (await listApprovedComments(article.id)).find((x) => x.id === id);
    expect(shown).toMatchObject({ parentId: parent.id, authorName: editor.name, isStaff: true, body: 'Thanks for writing in.' });
    const pending = await post();
    await expect(replyAsStaff(pending.id, 'Hi', editor)).rejects.toMatchObject({ code: 'unprocessable' });
  });

  it('unapproves back to pending, and deleting forever keeps the replies by moving them up', async () => {
    const parent = await approved();
    const child = await approved({ parentId: parent.id });
    await moderateComment(parent.id, 'unapprove', editor);
    expect((await db.comment.findUniqueOrThrow({ where: { id: parent.id }, select: { status: true } })).status).toBe('PENDING');
    await moderateComment(parent.id, 'delete', editor);
    expect(await db.comment.findUnique({ where: { id: parent.id } })).toBeNull();
    expect(await db.comment.findUniqueOrThrow({ where: { id: child.id }, select: { parentId: true, status: true } })).toEqual({ parentId: null, status: 'APPROVED' });
    expect(await db.auditLog.findFirst({ where: { entityId: parent.id, action: 'comment.delete' }, select: { actorId: true } })).toEqual({ actorId: editor.id });
    await expect(moderateComment(parent.id, 'approve', editor)).rejects.toMatchObject({ code: 'not_found' });
  });
});
