import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { publishLive } from '@/lib/live/hub.mjs';
import type { StaffUser } from '@/lib/users';
import type { AlertLevel } from '@/lib/validation/alerts';
import { enqueueWebhookEvent } from '@/lib/webhooks/events';

// Breaking-news alerts: a line at the top of every public page between its start and its end.
// At most one is live at any moment: publishing one ends (or cuts short) any that would overlap.
// Pages learn of changes over the live stream (topic `site`), cached pages included, since the
// banner is drawn in the browser from the stream's snapshot.

export type ReaderAlert = { id: string; text: string; link: string | null; level: AlertLevel; startsAt: string; endsAt: string | null };
export type AlertRow = { id: string; text: string; link: string | null; level: AlertLevel; startsAt: Date; endsAt: Date | null; createdAt: Date };

const select = { id: true, text: true, link: true, level: true, startsAt: true, endsAt: true, createdAt: true } as const;
const toReader = (a: AlertRow): ReaderAlert => ({ id: a.id, text: a.text, link: a.link, level: a.level, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt?.toISOString() ?? null });
const openAt = (now: Date) => ({ OR: [{ endsAt: null }, { endsAt: { gt: now } }] });

function requireEditor(actor: StaffUser) {
  if (!hasRole(actor.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors can publish or end alerts.');
}

/** The alert live now, if any. */
export async function getCurrentAlert(now = new Date()): Promise<ReaderAlert | null> {
  const live = await db.breakingAlert.findFirst({ where: { startsAt: { lte: now }, ...openAt(now) }, orderBy: [{ startsAt: 'desc' }, { id: 'desc' }], select });
  return live ? toReader(live) : null;
}

/** What a page needs to show alerts by itself: the live one and the next scheduled one (the browser switches at their times). */
export async function getAlertsForReaders(now = new Date()): Promise<{ alerts: ReaderAlert[] }> {
  const [live, next] = await Promise.all([
    getCurrentAlert(now),
    db.breakingAlert.findFirst({ where: { startsAt: { gt: now }, ...openAt(now) }, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], select }),
  ]);
  return { alerts: [...(live ? [live] : []), ...(next ? [toReader(next)] : [])] };
}

/** Tells every open page, on every instance, what to show now. */
async function announce() {
  await publishLive('site', 'alerts', await getAlertsForReaders());
}

/** Publishes an alert from `startsAt` (now when missing) until `endsAt` (until ended when missing). */
export async function publishAlert(input: { text: string; link?: string; level: AlertLevel; startsAt?: Date; endsAt?: Date }, actor: StaffUser, now = new Date()): Promise<ReaderAlert> {
  requireEditor(actor);
  const startsAt = input.startsAt && input.startsAt > now ? input.startsAt : now;
  if (input.endsAt && input.endsAt <= startsAt) throw new AppError('unprocessable', 'The end must be after the start.', { endAt: ['Choose an end after the start.'] });
  const alert = await db.$transaction(async (tx) => {
    // One live alert at a time: any that would still be up when this one starts ends then.
    await tx.breakingAlert.updateMany({ where: { startsAt: { lte: startsAt }, OR: [{ endsAt: null }, { endsAt: { gt: startsAt } }] }, data: { endsAt: startsAt } });
    // One scheduled later would cut in: this one gives way to it.
    const later = await tx.breakingAlert.findFirst({ where: { startsAt: { gt: startsAt }, ...openAt(now) }, orderBy: { startsAt: 'asc' }, select: { startsAt: true } });
    const endsAt = later && (!input.endsAt || input.endsAt > later.startsAt) ? later.startsAt : (input.endsAt ?? null);
    const created = await tx.breakingAlert.create({ data: { text: input.text, link: input.link ?? null, level: input.level, startsAt, endsAt, createdById: actor.id }, select });
    await recordAudit(tx, { actorId: actor.id, action: 'alert.published', entityType: 'alert', entityId: created.id, summary: created.text, data: { level: created.level, link: created.link } });
    await enqueueWebhookEvent(tx, 'alert.published', { alert: toReader(created) });
    return created;
  });
  await announce();
  return toReader(alert);
}

/** Ends an alert now (or cancels one not yet started). */
export async function endAlert(alertId: string, actor: StaffUser, now = new Date()): Promise<void> {
  requireEditor(actor);
  await db.$transaction(async (tx) => {
    const alert = await tx.breakingAlert.findUnique({ where: { id: alertId }, select });
    if (!alert) throw new AppError('not_found', 'This alert does not exist.');
    if (alert.endsAt && alert.endsAt <= now) return;
    await tx.breakingAlert.update({ where: { id: alertId }, data: { endsAt: alert.startsAt > now ? alert.startsAt : now } });
    await recordAudit(tx, { actorId: actor.id, action: 'alert.ended', entityType: 'alert', entityId: alertId, summary: alert.text });
  });
  await announce();
}

/** Recent alerts for /admin/alerts, newest first. */
export async function listRecentAlerts(actor: StaffUser, take = 20): Promise<AlertRow[]> {
  requireEditor(actor);
  return db.breakingAlert.findMany({ orderBy: [{ startsAt: 'desc' }, { id: 'desc' }], take, select });
}
