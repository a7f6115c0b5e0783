import 'server-only';
import { recordAudit } from '@/lib/audit';
import { articleRefs, invalidateArticle } from '@/lib/cache';
import { db } from '@/lib/db';
import { publishDuePages, nextScheduledPageAt } from '@/lib/pages/scheduler';
import { startPoller } from '@/lib/poller';
import { articleEventData, enqueueWebhookEvent } from '@/lib/webhooks/events';
import { reindexArticles } from '@/lib/search';

export type PublishedBySchedule = { id: string; slug: string; title: string; scheduledAt: Date };

/**
 * Publishes every SCHEDULED article whose time has come. Safe to run from several
 * instances at once: each article is claimed with a conditional update, so exactly one
 * instance publishes it. The article goes out with its scheduled time as publishedAt.
 */
export async function publishDueArticles(now = new Date()): Promise<PublishedBySchedule[]> {
  const due = await db.article.findMany({
    where: { status: 'SCHEDULED', scheduledAt: { lte: now } },
    orderBy: { scheduledAt: 'asc' },
    take: 100,
    select: { id: true, slug: true, title: true, scheduledAt: true },
  });
  const published: PublishedBySchedule[] = [];
  for (const a of due) {
    const scheduledAt = a.scheduledAt!;
    const claimed = await db.$transaction(async (tx) => {
      const r = await tx.article.updateMany({
        where: { id: a.id, status: 'SCHEDULED', scheduledAt },
        data: { status: 'PUBLISHED', publishedAt: scheduledAt, scheduledAt: null, version: { increment: 1 } },
      });
      if (r.count === 0) return null;
      await recordAudit(tx, { actorId: null, action: 'article.published', entityType: 'article', entityId: a.id, summary: a.title, data: { by: 'schedule', scheduledAt: scheduledAt.toISOString() } });
      await enqueueWebhookEvent(tx, 'article.published', articleEventData({ ...a, status: 'PUBLISHED', publishedAt: scheduledAt }));
      // Read with the claim: once it commits, refreshing the pages needs no database (which may go away meanwhile).
      return { refs: await articleRefs(a.id, tx) };
    });
    if (claimed) {
      published.push({ ...a, scheduledAt });
      // Live on every instance before the next tick: the cached pages that should show it are refreshed.
      await invalidateArticle(a.id, { after: claimed.refs });
    }
  }
  await reindexArticles(published.map((p) => p.id));
  return published;
}

/** The earliest pending schedule, if any. */
export async function nextScheduledAt(): Promise<Date | null> {
  const next = await db.article.findFirst({ where: { status: 'SCHEDULED' }, orderBy: { scheduledAt: 'asc' }, select: { scheduledAt: true } });
  return next?.scheduledAt ?? null;
}

const MAX_SLEEP_MS = 1000;

/**
 * Publishes scheduled articles and pages. Runs inside the server process (no external cron): checks at least once a second and
 * wakes exactly at the next schedule when it is sooner. Because overdue articles are
 * published on the first tick, a restart never loses a schedule. Returns a stop function.
 */
export function startScheduler(options: { onPublished?: (a: PublishedBySchedule[]) => void } = {}): () => Promise<void> {
  return startPoller(
    'scheduler',
    async () => {
      const published = await publishDueArticles();
      if (published.length) {
        console.log(`scheduler: published ${published.map((p) => p.slug).join(', ')}`);
        options.onPublished?.(published);
      }
      const pages = await publishDuePages();
      if (pages.length) console.log(`scheduler: published pages ${pages.map((p) => p.slug).join(', ')}`);
      const next = [await nextScheduledAt(), await nextScheduledPageAt()].filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0];
      return next ? next.getTime() - Date.now() : null;
    },
    { maxSleepMs: MAX_SLEEP_MS, failure: 'could not publish scheduled articles' },
  );
}
