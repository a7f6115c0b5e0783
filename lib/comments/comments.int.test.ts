import { beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { issueCommentFormToken, listApprovedComments, moderateComment, submitComment } from '@/lib/comments';
import { countModerationTabs, listModerationQueue } from '@/lib/comments/moderation';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { commentFormSchema } from '@/lib/validation/comments';
import { createUser, unique } from '@/test/fixtures';

let editor: StaffUser;
let author: StaffUser;
let article: { id: string; slug: string };

const publish = async (user: StaffUser, intent: 'publish' | 'save' = 'publish') => saveArticle({ intent, data: articleFormSchema.parse({ title: `Comment target ${unique()}`, body: 'Body.' }) }, user);

/** A reader's comment as the comment form's server action submits it, a minute after the form was served. */
const submit = (articleId: string, fields: Record<string, string> = {}, meta: { ip: string; userAgent: string; now?: number } = { ip: '203.0.113.7', userAgent: 'Vitest' }) => {
  const { articleId: id, ...input } = commentFormSchema.parse({
    articleId,
    body: `A thoughtful comment ${unique()}`,
    name: 'Marguerite Hollis',
    email: `marguerite-${unique()}@example.com`,
    website: 'https://marguerite.example',
    ...fields,
  });
  return submitComment({ articleId: id, formToken: issueCommentFormToken(id, Date.now() - 60_000), ...input }, meta);
};

beforeAll(async () => {
  [editor, author] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR')]);
  article = await publish(editor);
});

describe('reader comments', () => {
  it('holds a new comment for moderation, out of public view', async () => {
    const c = await submit(article.id);
    expect(c.status).toBe('PENDING');
    const stored = await db.comment.findUniqueOrThrow({ where: { id: c.id }, select: { status: true, ipHash: true, userAgent: true, authorUrl: true } });
    expect(stored).toMatchObject({ status: 'PENDING', userAgent: 'Vitest', authorUrl: 'https://marguerite.example' });
    // The IP is stored only as a keyed hash.
    expect(stored.ipHash).toEqual(expect.any(String));
    expect(stored.ipHash).not.toContain('203.0.113.7');
    expect((await listApprovedComments(article.id)).map((x) => x.id)).not.toContain(c.id);
  });

  it('shows a comment once an editor approves it, with only what readers may see', async () => {
    const email = `private-${unique()}@example.com`;
    const c = await submit(article.id, { body: 'Well reported.', email });
    await moderateComment(c.id, 'approve', editor);

    const shown = (await listApprovedComments(article.id)).find((x) => x.id === c.id);
    expect(shown).toEqual({
      id: c.id,
      parentId: null,
      authorName: 'Marguerite Hollis',
      authorUrl: 'https://marguerite.example',
      body: 'Well reported.',
      createdAt: expect.any(Date),
      isStaff: false,
    });
    const everything = JSON.stringify(await listApprovedComments(article.id));
    expect(everything).not.toContain(email);
    expect(everything).not.toMatch(/authorEmail|ipHash|userAgent/);

    expect(await db.auditLog.findFirst({ where: { entityType: 'comment', entityId: c.id }, select: { action: true, actorId: true } })).toEqual({
      action: 'comment.approve',
      actorId: editor.id,
    });
  });

  it('keeps spam and trash out of public view', async () => {
    const spam = await submit(article.id);
    const trash = await submit(article.id);
    await moderateComment(spam.id, 'spam', editor);
    await moderateComment(trash.id, 'trash', editor);
    const shown = (await listApprovedComments(article.id)).map((x) => x.id);
    expect(shown).not.toContain(spam.id);
    expect(shown).not.toContain(trash.id);
  });

  it('lists approved comments oldest first, replies included', async () => {
    const target = await publish(editor);
    const first = await submit(target.id, { body: 'First' });
    await moderateComment(first.id, 'approve', editor);
    const reply = await submit(target.id, { body: 'Reply', parentId: first.id });
    await moderateComment(reply.id, 'approve', editor);
    expect((await listApprovedComments(target.id)).map((c) => [c.body, c.parentId])).toEqual([
      ['First', null],
      ['Reply', first.id],
    ]);
  });

  it('refuses a reply to a comment that is not approved', async () => {
    const pending = await submit(article.id);
    await expect(submit(article.id, { parentId: pending.id })).rejects.toMatchObject({ code: 'unprocessable' });
  });

  it('does not let an author moderate', async () => {
    const c = await submit(article.id);
    await expect(moderateComment(c.id, 'approve', author)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listModerationQueue(author, { tab: 'PENDING' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id }, select: { status: true } })).status).toBe('PENDING');
  });

  it("shows editors the moderation queue with commenters' emails", async () => {
    const email = `queue-${unique()}@example.com`;
    const c = await submit(article.id, { email });
    const { comments: queue } = await listModerationQueue(editor, { tab: 'PENDING', q: email });
    expect(queue.find((x) => x.id === c.id)).toMatchObject({ authorEmail: email, status: 'PENDING', article: { slug: article.slug } });
    expect((await countModerationTabs()).PENDING).toBeGreaterThanOrEqual(1);
  });

  it('refuses comments on a draft article', async () => {
    const draft = await publish(author, 'save');
    await expect(submit(draft.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.comment.count({ where: { articleId: draft.id } })).toBe(0);
  });

  it('refuses comments on an article with comments closed', async () => {
    const closed = await publish(editor);
    await db.article.update({ where: { id: closed.id }, data: { commentsOpen: false } });
    await expect(submit(closed.id)).rejects.toMatchObject({ code: 'forbidden', message: 'Comments are closed on this article.' });
    expect(await db.comment.count({ where: { articleId: closed.id } })).toBe(0);
  });

  it('refuses comments on an article that does not exist', async () => {
    await expect(submit('no-such-article')).rejects.toMatchObject({ code: 'not_found' });
  });
});
