import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { getPublishedArticleBySlug } from '@/lib/articles/queries';
import { publishDueArticles, startScheduler } from '@/lib/articles/scheduler';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { createUser, unique } from '@/test/fixtures';

const form = () => articleFormSchema.parse({ title: `Scheduled story ${unique()}`, body: 'It goes live on its own.' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let editor: StaffUser;
let author: StaffUser;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [editor, author] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR')]);
});
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

describe('scheduled publishing', () => {
  it('keeps a scheduled article hidden until its time, then publishes it with that time', async () => {
    // Far enough ahead that a slow machine cannot reach it; the checks pass explicit clocks.
    const at = new Date(Date.now() + 60_000);
    const saved = await saveArticle({ intent: 'schedule', data: form(), scheduledAt: at }, editor);
    expect(saved.status).toBe('SCHEDULED');
    expect((await publishDueArticles(new Date(at.getTime() - 1))).map((p) => p.id)).not.toContain(saved.id);
    expect(await getPublishedArticleBySlug(saved.slug)).toBeNull();

    const published = await publishDueArticles(new Date(at.getTime() + 1));
    expect(published.map((p) => p.id)).toContain(saved.id);
    const row = await db.article.findUniqueOrThrow({ where: { id: saved.id }, select: { status: true, publishedAt: true, scheduledAt: true, version: true } });
    expect(row).toMatchObject({ status: 'PUBLISHED', scheduledAt: null, version: saved.version + 1 });
    expect(row.publishedAt?.getTime()).toBe(at.getTime());
    expect(await db.auditLog.count({ where: { entityId: saved.id, action: 'article.published', actorId: null } })).toBe(1);
  });

  it('publishes each article once when two instances race', async () => {
    const at = new Date(Date.now() + 1000);
    const saved = await saveArticle({ intent: 'schedule', data: form(), scheduledAt: at }, editor);
    await sleep(Math.max(0, at.getTime() - Date.now() + 50));
    const [a, b] = await Promise.all([publishDueArticles(), publishDueArticles()]);
    expect([...a, ...b].filter((p) => p.id === saved.id)).toHaveLength(1);
  });

  it('publishes within a second of the scheduled time, even across a restart', async () => {
    const at = new Date(Date.now() + 2500);
    const saved = await saveArticle({ intent: 'schedule', data: form(), scheduledAt: at }, editor);

    // The server runs, then stops before the article is due…
    const stopFirst = startScheduler();
    await sleep(500);
    await stopFirst();
    expect((await db.article.findUniqueOrThrow({ where: { id: saved.id }, select: { status: true } })).status).toBe('SCHEDULED');

    // …is down while the time passes, and comes back after it.
    await sleep(at.getTime() - Date.now() + 300);
    const restartedAt = Date.now();
    stops.push(startScheduler());
    let status = 'SCHEDULED';
    while (status !== 'PUBLISHED' && Date.now() - restartedAt < 10_000) {
      await sleep(50);
      status = (await db.article.findUniqueOrThrow({ where: { id: saved.id }, select: { status: true } })).status;
    }
    expect(status).toBe('PUBLISHED');
    // Promptly (it checks at least once a second), with room for a busy machine: not a timing test.
    expect(Date.now() - restartedAt).toBeLessThan(5000);
  });

  it('wakes at the scheduled time while running', async () => {
    stops.push(startScheduler());
    const at = new Date(Date.now() + 1200);
    const saved = await saveArticle({ intent: 'schedule', data: form(), scheduledAt: at }, editor);
    let publishedSeenAt = 0;
    while (!publishedSeenAt && Date.now() - at.getTime() < 10_000) {
      await sleep(50);
      if ((await db.article.findUniqueOrThrow({ where: { id: saved.id }, select: { status: true } })).status === 'PUBLISHED') publishedSeenAt = Date.now();
    }
    expect(publishedSeenAt).toBeGreaterThan(0);
    // Promptly (it checks at least once a second), with room for a busy machine: not a timing test.
    expect(publishedSeenAt - at.getTime()).toBeLessThan(5000);
  });

  it('refuses a time in the past and refuses authors', async () => {
    await expect(saveArticle({ intent: 'schedule', data: form(), scheduledAt: new Date(Date.now() - 60_000) }, editor)).rejects.toMatchObject({ code: 'unprocessable' });
    const err = await saveArticle({ intent: 'schedule', data: form(), scheduledAt: new Date(Date.now() + 60_000) }, author).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('forbidden');
  });

  it('clears the schedule when an editor publishes now or unschedules', async () => {
    const saved = await saveArticle({ intent: 'schedule', data: form(), scheduledAt: new Date(Date.now() + 3_600_000) }, editor);
    const back = await saveArticle({ id: saved.id, version: saved.version, intent: 'unpublish', data: form() }, editor);
    expect(back.status).toBe('DRAFT');
    expect((await db.article.findUniqueOrThrow({ where: { id: saved.id }, select: { scheduledAt: true } })).scheduledAt).toBeNull();
  });
});
