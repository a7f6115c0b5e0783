import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { transitionAdminArticle } from '@/lib/api/admin/articles';
import { saveArticle } from '@/lib/articles/mutations';
import { restoreRevision, listRevisions } from '@/lib/articles/revisions';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { createUser, unique } from '@/test/fixtures';
import { collabAccess } from './access';
import { syncArticleFromShared } from './article-sync';
import { readSharedContent } from './content';
import { COLLAB_FIELDS } from './fields';
import { currentSharedContent, replaceSharedContent } from './shared';
import { appendSharedUpdate, compactSharedDocument, loadSharedState, storedSharedDoc } from './store';

let author: StaffUser;
let otherAuthor: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  [author, otherAuthor, editor] = await Promise.all([createUser('AUTHOR'), createUser('AUTHOR'), createUser('EDITOR')]);
});

async function draft(body = 'The council meets tonight.') {
  return saveArticle({ intent: 'save', data: articleFormSchema.parse({ title: `Council ${unique()}`, body }) }, author);
}

/** What a browser does: types into its copy of the document and sends the change as an update. */
function typeInto(state: Uint8Array, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  const paragraph = doc.getXmlFragment(COLLAB_FIELDS.body).get(0) as Y.XmlElement;
  const words = paragraph.get(0) as Y.XmlText;
  words.insert(words.length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('shared documents', () => {
  it('start from the saved article once, keep every update, and compact them into one snapshot', async () => {
    const { id } = await draft();
    const [first, second] = await Promise.all([loadSharedState(id), loadSharedState(id)]);
    // Two instances opening it at once agree on one starting state: the text is not doubled.
    const merged = new Y.Doc();
    Y.applyUpdate(merged, first!);
    Y.applyUpdate(merged, second!);
    expect(readSharedContent(merged).bodyJson.content).toHaveLength(1);

    await appendSharedUpdate(id, typeInto(first!, ' Edith typed this.'), [editor.id]);
    await appendSharedUpdate(id, typeInto(first!, ' Arthur typed that.'), [author.id]);
    expect(await db.collabUpdate.count({ where: { articleId: id } })).toBe(2);
    const doc = (await storedSharedDoc(id))!;
    const text = JSON.stringify(readSharedContent(doc).bodyJson);
    expect(text).toContain('Edith typed this.');
    expect(text).toContain('Arthur typed that.');

    const sizes = await compactSharedDocument(id, new Y.Doc());
    expect(await db.collabUpdate.count({ where: { articleId: id } })).toBe(0);
    expect(sizes.after).toBeLessThanOrEqual(sizes.before);
    // Compacting a document that had not heard of the stored updates still keeps them.
    const after = readSharedContent((await storedSharedDoc(id))!);
    expect(JSON.stringify(after.bodyJson)).toContain('Arthur typed that.');
  });

  it('drafts follow the shared document, and a periodic revision names everyone who typed', async () => {
    const { id } = await draft();
    const state = (await loadSharedState(id))!;
    await appendSharedUpdate(id, typeInto(state, ' Late change.'), [editor.id, author.id]);
    await db.collabDocument.update({ where: { articleId: id }, data: { revisedAt: new Date(Date.now() - 3_600_000) } });
    await syncArticleFromShared(id, (await currentSharedContent(id))!);
    const article = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true, bodyHtml: true } });
    expect(article.bodyHtml).toContain('Late change.');
    const { revisions } = await listRevisions(id, editor);
    expect(revisions[0]!.version).toBe(article.version);
    expect(revisions[0]!.contributors).toEqual([author.name, editor.name].sort());
  });

  it('a save from a client that cannot co-edit, and a restore, are put into the shared document', async () => {
    const v1 = await draft('First words.');
    await loadSharedState(v1.id);
    const v2 = await saveArticle({ id: v1.id, version: v1.version, intent: 'save', data: articleFormSchema.parse({ title: 'Through the API', body: 'Second words.' }) }, author);
    expect(JSON.stringify((await currentSharedContent(v1.id))!.bodyJson)).toContain('Second words.');
    const { revisions } = await listRevisions(v1.id, author);
    await restoreRevision(v1.id, revisions.find((r) => r.version === 1)!.id, v2.version, author);
    const shared = (await currentSharedContent(v1.id))!;
    expect(JSON.stringify(shared.bodyJson)).toContain('First words.');
    expect(JSON.stringify(shared.bodyJson)).not.toContain('Second words.');
  });

  it('a co-editing save takes the shared document, whatever version the browser last saw', async () => {
    const v1 = await draft('Shared words.');
    await loadSharedState(v1.id);
    await replaceSharedContent(v1.id, { title: 'Shared title', standfirst: '', bodyJson: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Typed together.' }] }] } });
    const saved = await saveArticle({ id: v1.id, version: 0, intent: 'save', shared: true, data: articleFormSchema.parse({ title: 'Stale form', body: 'Stale body' }) }, editor);
    const article = await db.article.findUniqueOrThrow({ where: { id: v1.id }, select: { title: true, bodyHtml: true, version: true } });
    expect(article).toMatchObject({ title: 'Shared title', version: saved.version });
    expect(article.bodyHtml).toContain('Typed together.');
  });

  it('workflow steps through the admin API take the shared document as it is now, not the lagging row', async () => {
    const v1 = await draft('Filed words.');
    const state = (await loadSharedState(v1.id))!;
    // Typed through the co-editing server and stored; the draft row has not followed yet.
    await appendSharedUpdate(v1.id, typeInto(state, ' Trimmed at the desk.'), [editor.id]);
    expect((await db.article.findUniqueOrThrow({ where: { id: v1.id }, select: { bodyHtml: true } })).bodyHtml).not.toContain('Trimmed at the desk.');
    const updatesBefore = await db.collabUpdate.count({ where: { articleId: v1.id } });

    const submitted = await transitionAdminArticle(v1.id, v1.version, 'submit', author);
    expect(submitted.status).toBe('in_review');
    // The version check still holds for clients that cannot co-edit.
    await expect(transitionAdminArticle(v1.id, v1.version, 'publish', editor)).rejects.toMatchObject({ code: 'conflict' });
    const published = await transitionAdminArticle(v1.id, submitted.version, 'publish', editor);
    expect(published.status).toBe('published');

    const article = await db.article.findUniqueOrThrow({ where: { id: v1.id }, select: { bodyJson: true, bodyHtml: true } });
    expect(article.bodyHtml).toContain('Filed words. Trimmed at the desk.');
    expect(article.bodyJson).toEqual((await currentSharedContent(v1.id))!.bodyJson);
    // Nothing was written back into the document: carets and note anchors stay where they were.
    expect(await db.collabUpdate.count({ where: { articleId: v1.id } })).toBe(updatesBefore);
  });
});

describe('who may open a shared document', () => {
  it('editors any article, writers their own; writers follow live ones read-only', async () => {
    const { id } = await draft();
    await expect(collabAccess(editor.id, 0, id)).resolves.toMatchObject({ readOnly: false });
    await expect(collabAccess(author.id, 0, id)).resolves.toMatchObject({ readOnly: false });
    await expect(collabAccess(otherAuthor.id, 0, id)).rejects.toMatchObject({ code: 'forbidden' });
    await db.article.update({ where: { id }, data: { status: 'PUBLISHED', publishedAt: new Date() } });
    await expect(collabAccess(author.id, 0, id)).resolves.toMatchObject({ readOnly: true });
  });

  it('is refused once the session is ended or the account deactivated', async () => {
    const { id } = await draft();
    const user = await createUser('EDITOR');
    await expect(collabAccess(user.id, 0, id)).resolves.toMatchObject({ id: user.id });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(collabAccess(user.id, 0, id)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(collabAccess(user.id, 1, id)).resolves.toMatchObject({ id: user.id });
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await expect(collabAccess(user.id, 1, id)).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
