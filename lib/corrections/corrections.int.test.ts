import { beforeAll, describe, expect, it } from 'vitest';
import { getPublishedArticle } from '@/lib/api/content';
import { pageTags } from '@/lib/cache';
import { addCorrection, listArticleCorrections, listCorrectionsColumn, listCorrectionsForEditor, withdrawCorrection } from '@/lib/corrections';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { newWebhookSecret, sealWebhookSecret } from '@/lib/webhooks/secrets';
import { createArticle, createUser } from '@/test/fixtures';
import { watchInvalidations } from '@/test/invalidations';

let editor: StaffUser;
let author: StaffUser;

beforeAll(async () => {
  [editor, author] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR')]);
});

describe('corrections', () => {
  it('adds a dated note, moves the updated time, audits it, queues article.corrected and refreshes the pages', async () => {
    const article = await createArticle({ publishedAt: new Date(Date.now() - 3600_000) });
    const hook = await db.webhook.create({ data: { url: 'https://example.com/hook', events: ['article.corrected'], secret: sealWebhookSecret(newWebhookSecret()) }, select: { id: true } });
    const watch = await watchInvalidations();
    const note = await addCorrection({ articleId: article.id, kind: 'CORRECTION', note: 'An earlier version gave the wrong date.' }, editor);

    expect(note).toMatchObject({ kind: 'CORRECTION', label: 'Correction', withdrawnAt: null });
    const row = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { updatedAt: true } });
    expect(row.updatedAt.getTime()).toBe(note.createdAt.getTime());
    expect(watch.markedOf([pageTags.article(article.id), pageTags.corrections, pageTags.feeds])).toHaveLength(3);
    expect(await db.auditLog.count({ where: { entityId: article.id, action: 'article.corrected', actorId: editor.id } })).toBe(1);
    const deliveries = await db.webhookDelivery.findMany({ where: { webhookId: hook.id }, select: { event: true, payload: true } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.event).toBe('article.corrected');
    expect(JSON.stringify(deliveries[0]!.payload)).toContain('An earlier version gave the wrong date.');
    await db.webhook.delete({ where: { id: hook.id } });

    const api = await getPublishedArticle(article.id);
    expect(api.data.corrections).toEqual([{ id: note.id, kind: 'CORRECTION', note: 'An earlier version gave the wrong date.', createdAt: note.createdAt.toISOString(), withdrawnAt: null }]);
    expect(api.data.updatedAt).toBe(note.createdAt.toISOString());
  });

  it('withdraws a note without deleting it, and drops it from the corrections column', async () => {
    const article = await createArticle({});
    const note = await addCorrection({ articleId: article.id, kind: 'CLARIFICATION', note: 'The mayor spoke on Tuesday.' }, editor);
    expect((await listCorrectionsColumn()).map((n) => n.id)).toContain(note.id);

    const withdrawn = await withdrawCorrection(article.id, note.id, editor);
    expect(withdrawn.withdrawnAt).toBeInstanceOf(Date);
    const notes = await listArticleCorrections(article.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.withdrawnAt).not.toBeNull();
    expect((await listCorrectionsColumn()).map((n) => n.id)).not.toContain(note.id);
    expect(await db.auditLog.count({ where: { entityId: article.id, action: 'article.correction_withdrawn' } })).toBe(1);
  });

  it('lists corrections and clarifications newest first in the column, but not updates', async () => {
    const article = await createArticle({});
    const first = await addCorrection({ articleId: article.id, kind: 'CORRECTION', note: 'First.' }, editor);
    const update = await addCorrection({ articleId: article.id, kind: 'UPDATE', note: 'Police have named the suspect.' }, editor);
    const second = await addCorrection({ articleId: article.id, kind: 'CLARIFICATION', note: 'Second.' }, editor);
    const ids = (await listCorrectionsColumn()).map((n) => n.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(ids).not.toContain(update.id);
  });

  it('links each note to the revision diff of the change it describes', async () => {
    const article = await createArticle({});
    await db.article.update({ where: { id: article.id }, data: { version: 2 } });
    const revs = await Promise.all(
      [1, 2].map((version) =>
        db.articleRevision.create({ data: { articleId: article.id, version, title: 't', standfirst: '', bodyJson: { type: 'doc', content: [] }, status: 'PUBLISHED' }, select: { id: true } }),
      ),
    );
    await addCorrection({ articleId: article.id, kind: 'CORRECTION', note: 'Fixed the spelling of a name.' }, editor);
    const [listed] = await listCorrectionsForEditor(article.id, editor);
    expect(listed!.version).toBe(2);
    expect(listed!.diffHref).toBe(`/admin/articles/${article.id}/revisions?from=${revs[0]!.id}&to=${revs[1]!.id}`);
  });

  it('refuses authors, drafts and missing articles, changing nothing', async () => {
    const published = await createArticle({});
    const draft = await createArticle({ status: 'DRAFT' });
    await expect(addCorrection({ articleId: published.id, kind: 'CORRECTION', note: 'x' }, author)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addCorrection({ articleId: draft.id, kind: 'CORRECTION', note: 'x' }, editor)).rejects.toMatchObject({ code: 'conflict' });
    await expect(addCorrection({ articleId: 'missing', kind: 'CORRECTION', note: 'x' }, editor)).rejects.toMatchObject({ code: 'not_found' });
    await expect(withdrawCorrection(published.id, 'missing', editor)).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.articleCorrection.count({ where: { articleId: { in: [published.id, draft.id] } } })).toBe(0);
  });
});
