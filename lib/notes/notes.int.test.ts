import { beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { createUser, unique } from '@/test/fixtures';
import { createArticleNote, createNoteSchema, getNotificationsForUser, listArticleNotes, markNotificationsRead, replyToArticleNote, setArticleNoteResolved } from '.';

let author: StaffUser;
let otherAuthor: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  [author, otherAuthor, editor] = await Promise.all([createUser('AUTHOR'), createUser('AUTHOR'), createUser('EDITOR', `Nora Desk ${unique()}`)]);
});

const anchor = { anchorFrom: 'AQLYq8EBAA==', anchorTo: 'AQLYq8EBBA==' };

async function story() {
  return saveArticle({ intent: 'save', data: articleFormSchema.parse({ title: `Harbour ${unique()}`, body: 'The harbour reopens on Friday.' }) }, author);
}

describe('inline notes', () => {
  it('start a thread on a passage, take replies, resolve and reopen', async () => {
    const { id } = await story();
    const note = await createArticleNote({ articleId: id, ...anchor, quote: 'reopens on Friday', body: 'Which Friday?' }, author);
    await replyToArticleNote({ noteId: note.id, body: 'The 12th.' }, editor);
    await setArticleNoteResolved({ noteId: note.id, resolved: '1' }, editor);
    let [listed] = await listArticleNotes(id, author);
    expect(listed).toMatchObject({ quote: 'reopens on Friday', resolved: true });
    expect(listed!.messages.map((m) => [m.author, m.body])).toEqual([
      [author.name, 'Which Friday?'],
      [editor.name, 'The 12th.'],
    ]);
    await setArticleNoteResolved({ noteId: note.id, resolved: '0' }, author);
    [listed] = await listArticleNotes(id, author);
    expect(listed!.resolved).toBe(false);
  });

  it('are for the people who may edit the story only', async () => {
    const { id } = await story();
    const note = await createArticleNote({ articleId: id, ...anchor, quote: 'harbour', body: 'Photo?' }, author);
    await expect(listArticleNotes(id, otherAuthor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createArticleNote({ articleId: id, ...anchor, quote: 'harbour', body: 'Mine' }, otherAuthor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(replyToArticleNote({ noteId: note.id, body: 'Sneaky' }, otherAuthor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setArticleNoteResolved({ noteId: note.id, resolved: '1' }, otherAuthor)).rejects.toMatchObject({ code: 'forbidden' });
    // Anchors are Yjs positions in base64, nothing else.
    expect(createNoteSchema.safeParse({ articleId: id, anchorFrom: '<script>', anchorTo: 'AQLYq8EBBA==', quote: 'x', body: 'y' }).success).toBe(false);
  });

  it("an @mention rings the colleague's bell and mails them through the outbox", async () => {
    const { id } = await story();
    await createArticleNote({ articleId: id, ...anchor, quote: 'Friday', body: `@${editor.name} can you check this?` }, author);
    const { unread, items } = await getNotificationsForUser(editor);
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({ text: expect.stringContaining(author.name), href: expect.stringContaining(`/admin/articles/${id}#note-`) });
    const mail = await db.outboxMessage.findMany({ where: { to: editor.email }, select: { subject: true, text: true } });
    expect(mail.some((m) => m.text.includes('can you check this?'))).toBe(true);
    // Nobody else was told, and the writer is never told about their own note.
    expect((await getNotificationsForUser(author)).unread).toBe(0);
    await markNotificationsRead(editor);
    expect((await getNotificationsForUser(editor)).unread).toBe(0);
  });
});
