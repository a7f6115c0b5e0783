import { beforeAll, describe, expect, it } from 'vitest';
import { pageTags } from '@/lib/cache';
import { db } from '@/lib/db';
import { deleteLiveUpdate, editLiveUpdate, listLiveUpdates, postLiveUpdate, setLiveCoverage } from '@/lib/live-coverage';
import { onLiveEvent, type LiveEvent } from '@/lib/live/hub.mjs';
import type { StaffUser } from '@/lib/users';
import { liveUpdateFormSchema } from '@/lib/validation/live-coverage';
import { newWebhookSecret, sealWebhookSecret } from '@/lib/webhooks/secrets';
import { createArticle, createUser } from '@/test/fixtures';
import { watchInvalidations } from '@/test/invalidations';

let editor: StaffUser;
let author: StaffUser;
let stranger: StaffUser;

beforeAll(async () => {
  [editor, author, stranger] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR'), createUser('AUTHOR')]);
});

const doc = (text: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const input = (articleId: string, text: string, extra: Record<string, string> = {}) => liveUpdateFormSchema.parse({ articleId, bodyJson: doc(text), ...extra });

describe('live coverage', () => {
  it('posts, edits and deletes updates: audited, sent to webhooks and open pages, cached page refreshed', async () => {
    const article = await createArticle({ authorIds: [author.id] });
    const hook = await db.webhook.create({
      data: { url: 'https://example.com/hook', events: ['live.update.published', 'live.update.edited', 'live.update.deleted'], secret: sealWebhookSecret(newWebhookSecret()) },
      select: { id: true },
    });
    await setLiveCoverage(article.id, 'start', editor);
    const heard: LiveEvent[] = [];
    const stop = onLiveEvent((e) => heard.push(e));
    const watch = await watchInvalidations();

    const posted = await postLiveUpdate(input(article.id, 'Polls have closed.', { headline: 'Polls close', keyEvent: 'on' }), author);
    expect(posted).toMatchObject({ headline: 'Polls close', keyEvent: true, pinned: false, author: author.name, html: '<p>Polls have closed.</p>' });
    expect(watch.markedOf([pageTags.article(article.id), pageTags.feeds])).toHaveLength(2);

    const edited = await editLiveUpdate({ ...input(article.id, 'Polls closed at 10pm.'), updateId: posted.id, version: posted.version }, editor);
    expect(edited.html).toBe('<p>Polls closed at 10pm.</p>');
    // A second edit from the old version is refused, not lost.
    await expect(editLiveUpdate({ ...input(article.id, 'Stale.'), updateId: posted.id, version: posted.version }, editor)).rejects.toMatchObject({ code: 'conflict' });

    await deleteLiveUpdate(article.id, posted.id, editor);
    stop();
    expect(heard.filter((e) => e.topic === `article:${article.id}`).map((e) => e.type)).toEqual(['update', 'update-edited', 'update-deleted']);
    expect((await listLiveUpdates(article.id)).updates).toEqual([]);
    const audit = await db.auditLog.findMany({ where: { entityId: article.id, action: { startsWith: 'live.' } }, orderBy: { createdAt: 'asc' }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(['live.started', 'live.update_published', 'live.update_edited', 'live.update_deleted']);
    const events = await db.webhookDelivery.findMany({ where: { webhookId: hook.id }, orderBy: { createdAt: 'asc' }, select: { event: true } });
    expect(events.map((e) => e.event).sort()).toEqual(['live.update.deleted', 'live.update.edited', 'live.update.published']);
    await db.webhook.delete({ where: { id: hook.id } });
  });

  it('lists pinned updates first, then newest first; ending coverage stops new updates', async () => {
    const article = await createArticle({});
    await setLiveCoverage(article.id, 'start', editor);
    const pinned = await postLiveUpdate(input(article.id, 'Read our explainer.', { pinned: 'on' }), editor);
    const first = await postLiveUpdate(input(article.id, 'First.'), editor);
    await new Promise((r) => setTimeout(r, 5));
    const second = await postLiveUpdate(input(article.id, 'Second.'), editor);
    const { coverage, updates } = await listLiveUpdates(article.id);
    expect(coverage.open).toBe(true);
    expect(updates.map((u) => u.id)).toEqual([pinned.id, second.id, first.id]);

    const ended = await setLiveCoverage(article.id, 'end', editor);
    expect(ended).toMatchObject({ open: false, endedAt: expect.any(String) });
    await expect(postLiveUpdate(input(article.id, 'Too late.'), editor)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('sanitises the update and refuses strangers, empty updates and missing articles, changing nothing', async () => {
    const article = await createArticle({ authorIds: [author.id] });
    await setLiveCoverage(article.id, 'start', author);
    const hostile = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] });
    expect(liveUpdateFormSchema.safeParse({ articleId: article.id, bodyJson: hostile }).success).toBe(false);
    await expect(postLiveUpdate(input(article.id, 'Not mine.'), stranger)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(postLiveUpdate(liveUpdateFormSchema.parse({ articleId: article.id, bodyJson: JSON.stringify({ type: 'doc', content: [] }) }), author)).rejects.toMatchObject({
      code: 'unprocessable',
    });
    await expect(postLiveUpdate(input('missing', 'x'), editor)).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.liveUpdate.count({ where: { articleId: article.id } })).toBe(0);
  });
});
