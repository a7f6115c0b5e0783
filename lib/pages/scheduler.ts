import 'server-only';
import { recordAudit } from '@/lib/audit';
import { invalidateStaticPage } from '@/lib/cache';
import { db } from '@/lib/db';

/**
 * Publishes every SCHEDULED page whose time has come, from the same in-process scheduler as
 * articles (lib/articles/scheduler). Each page is claimed with a conditional update, so exactly
 * one instance publishes it, with its scheduled time as publishedAt.
 */
export async function publishDuePages(now = new Date()): Promise<{ id: string; slug: string }[]> {
  const due = await db.page.findMany({
    where: { status: 'SCHEDULED', scheduledAt: { lte: now } },
    orderBy: { scheduledAt: 'asc' },
    take: 100,
    select: { id: true, slug: true, title: true, scheduledAt: true },
  });
  const published: { id: string; slug: string }[] = [];
  for (const p of due) {
    const scheduledAt = p.scheduledAt!;
    const claimed = await db.$transaction(async (tx) => {
      const r = await tx.page.updateMany({
        where: { id: p.id, status: 'SCHEDULED', scheduledAt },
        data: { status: 'PUBLISHED', publishedAt: scheduledAt, scheduledAt: null, version: { increment: 1 } },
      });
      if (r.count)
        await recordAudit(tx, { actorId: null, action: 'page.published', entityType: 'page', entityId: p.id, summary: p.title, data: { by: 'schedule', scheduledAt: scheduledAt.toISOString() } });
      return r.count > 0;
    });
    if (claimed) {
      published.push({ id: p.id, slug: p.slug });
      await invalidateStaticPage(p.id, [p.slug]);
    }
  }
  return published;
}

/** The earliest pending page schedule, if any. */
export async function nextScheduledPageAt(): Promise<Date | null> {
  const next = await db.page.findFirst({ where: { status: 'SCHEDULED' }, orderBy: { scheduledAt: 'asc' }, select: { scheduledAt: true } });
  return next?.scheduledAt ?? null;
}
