import 'server-only';
import { renderDocToHtml, isDocEmpty, type BodyDoc } from '@/lib/articles/body';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { invalidateLiveCoverage } from '@/lib/cache';
import { db, type Db } from '@/lib/db';
import { AppError, assertVersion, StaleVersionError } from '@/lib/errors';
import { publishLive } from '@/lib/live/hub.mjs';
import type { StaffUser } from '@/lib/users';
import type { LiveUpdateInput } from '@/lib/validation/live-coverage';
import { articleEventData, enqueueWebhookEvent } from '@/lib/webhooks/events';

// Live coverage: an article that carries timestamped updates, posted by editors and the article's
// authors. Every change reaches open pages over the live stream (topic `article:<id>`), refreshes
// the cached page and feeds, is audited and is sent to webhooks.

export type LiveUpdate = { id: string; headline: string | null; html: string; keyEvent: boolean; pinned: boolean; version: number; createdAt: string; updatedAt: string; author: string | null };
export type LiveCoverage = { startedAt: string | null; endedAt: string | null; open: boolean };

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const updateSelect = { id: true, headline: true, bodyHtml: true, keyEvent: true, pinned: true, version: true, createdAt: true, updatedAt: true, author: { select: { name: true } } } as const;
type UpdateRow = { id: string; headline: string | null; bodyHtml: string; keyEvent: boolean; pinned: boolean; version: number; createdAt: Date; updatedAt: Date; author: { name: string } | null };
const toUpdate = (r: UpdateRow): LiveUpdate => ({
  id: r.id,
  headline: r.headline,
  html: r.bodyHtml,
  keyEvent: r.keyEvent,
  pinned: r.pinned,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  author: r.author?.name ?? null,
});

/** Editors on any article; writers on their own. Returns the article. */
async function articleForLive(tx: Tx, articleId: string, actor: StaffUser) {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: { id: true, slug: true, title: true, status: true, publishedAt: true, liveStartedAt: true, liveEndedAt: true, authors: { select: { userId: true } } },
  });
  if (!article) throw new AppError('not_found', 'This article no longer exists.');
  if (!hasRole(actor.role, 'EDITOR') && !(hasRole(actor.role, 'AUTHOR') && article.authors.some((a) => a.userId === actor.id)))
    throw new AppError('forbidden', 'Only editors and the article’s authors can run its live coverage.');
  return article;
}

const coverageOf = (a: { liveStartedAt: Date | null; liveEndedAt: Date | null }): LiveCoverage => ({
  startedAt: a.liveStartedAt?.toISOString() ?? null,
  endedAt: a.liveEndedAt?.toISOString() ?? null,
  open: !!a.liveStartedAt && !a.liveEndedAt,
});

/** After any change: the cached page and feeds everywhere, then the open pages. */
async function tell(articleId: string, type: string, data: object) {
  await invalidateLiveCoverage(articleId);
  await publishLive(`article:${articleId}`, type, data);
}

/** Turns live coverage on (again) or ends it. */
export async function setLiveCoverage(articleId: string, intent: 'start' | 'end', actor: StaffUser): Promise<LiveCoverage> {
  const coverage = await db.$transaction(async (tx) => {
    const article = await articleForLive(tx, articleId, actor);
    const now = new Date();
    const data = intent === 'start' ? { liveStartedAt: article.liveStartedAt ?? now, liveEndedAt: null } : { liveEndedAt: article.liveEndedAt ?? now };
    if (intent === 'end' && !article.liveStartedAt) throw new AppError('conflict', 'This article has no live coverage to end.');
    const saved = await tx.article.update({ where: { id: articleId }, data, select: { liveStartedAt: true, liveEndedAt: true } });
    await recordAudit(tx, { actorId: actor.id, action: intent === 'start' ? 'live.started' : 'live.ended', entityType: 'article', entityId: articleId, summary: article.title });
    return coverageOf(saved);
  });
  await tell(articleId, 'coverage', { coverage });
  return coverage;
}

function render(input: LiveUpdateInput): { headline: string | null; bodyJson: BodyDoc; bodyHtml: string } {
  const doc = input.bodyJson;
  if (!doc || isDocEmpty(doc)) throw new AppError('unprocessable', 'Write the update.', { bodyJson: ['Write the update.'] });
  // Sanitised here: the server renders its own HTML from the checked document.
  return { headline: input.headline || null, bodyJson: doc, bodyHtml: renderDocToHtml(doc) };
}

/** Posts an update on open live coverage. */
export async function postLiveUpdate(input: LiveUpdateInput, actor: StaffUser): Promise<LiveUpdate> {
  const fields = render(input);
  const update = await db.$transaction(async (tx) => {
    const article = await articleForLive(tx, input.articleId, actor);
    if (!article.liveStartedAt || article.liveEndedAt) throw new AppError('conflict', 'Live coverage is not open on this article. Start it first.');
    const row = await tx.liveUpdate.create({ data: { articleId: article.id, ...fields, keyEvent: input.keyEvent, pinned: input.pinned, authorId: actor.id }, select: updateSelect });
    await recordAudit(tx, { actorId: actor.id, action: 'live.update_published', entityType: 'article', entityId: article.id, summary: article.title, data: { updateId: row.id } });
    if (article.status === 'PUBLISHED') await enqueueWebhookEvent(tx, 'live.update.published', { ...articleEventData(article), update: toUpdate(row) });
    return toUpdate(row);
  });
  await tell(input.articleId, 'update', { update });
  return update;
}

/** Edits an update; refused when someone saved it since `version`. */
export async function editLiveUpdate(input: LiveUpdateInput & { updateId: string; version: number }, actor: StaffUser): Promise<LiveUpdate> {
  const fields = render(input);
  const update = await db.$transaction(async (tx) => {
    const article = await articleForLive(tx, input.articleId, actor);
    const changed = await tx.liveUpdate.updateMany({
      where: { id: input.updateId, articleId: article.id, version: input.version },
      data: { ...fields, keyEvent: input.keyEvent, pinned: input.pinned, version: { increment: 1 } },
    });
    if (!changed.count) {
      const current = await tx.liveUpdate.findFirst({ where: { id: input.updateId, articleId: article.id }, select: { version: true } });
      throw current
        ? new StaleVersionError('Someone changed this update since you opened it. Reload to see their version.', current.version)
        : new AppError('not_found', 'This update no longer exists.');
    }
    const row = await tx.liveUpdate.findUniqueOrThrow({ where: { id: input.updateId }, select: updateSelect });
    await recordAudit(tx, { actorId: actor.id, action: 'live.update_edited', entityType: 'article', entityId: article.id, summary: article.title, data: { updateId: row.id } });
    if (article.status === 'PUBLISHED') await enqueueWebhookEvent(tx, 'live.update.edited', { ...articleEventData(article), update: toUpdate(row) });
    return toUpdate(row);
  });
  await tell(input.articleId, 'update-edited', { update });
  return update;
}

/** Deletes an update (audited, with its text kept in the audit log); with `version`, refused if it was edited meanwhile. */
export async function deleteLiveUpdate(articleId: string, updateId: string, actor: StaffUser, opts: { version?: number } = {}): Promise<void> {
  await db.$transaction(async (tx) => {
    const article = await articleForLive(tx, articleId, actor);
    const row = await tx.liveUpdate.findFirst({ where: { id: updateId, articleId }, select: updateSelect });
    if (!row) throw new AppError('not_found', 'This update no longer exists.');
    assertVersion('update', row.version, opts.version);
    const { count } = await tx.liveUpdate.deleteMany({ where: { id: updateId, version: row.version } });
    if (!count) assertVersion('update', row.version + 1, row.version);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'live.update_deleted',
      entityType: 'article',
      entityId: articleId,
      summary: article.title,
      data: { updateId, headline: row.headline, html: row.bodyHtml },
    });
    if (article.status === 'PUBLISHED') await enqueueWebhookEvent(tx, 'live.update.deleted', { ...articleEventData(article), update: { id: updateId } });
  });
  await tell(articleId, 'update-deleted', { id: updateId });
}

/**
 * An article's coverage state and updates: pinned first, then newest first. `readAt` (ms, taken
 * before reading) is where a page showing them catches up from on the live stream.
 */
export async function listLiveUpdates(articleId: string): Promise<{ coverage: LiveCoverage; updates: LiveUpdate[]; readAt: number }> {
  const readAt = Date.now();
  const [article, rows] = await Promise.all([
    db.article.findUnique({ where: { id: articleId }, select: { liveStartedAt: true, liveEndedAt: true } }),
    db.liveUpdate.findMany({ where: { articleId }, orderBy: [{ pinned: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }], take: 500, select: updateSelect }),
  ]);
  return { coverage: article ? coverageOf(article) : { startedAt: null, endedAt: null, open: false }, updates: rows.map(toUpdate), readAt };
}

export type EditorLiveUpdate = LiveUpdate & { bodyJson: BodyDoc };

/** The editor's view: coverage state and every update with its document, for editing. */
export async function listLiveUpdatesForEditor(articleId: string, actor: StaffUser): Promise<{ coverage: LiveCoverage; updates: EditorLiveUpdate[] }> {
  await db.$transaction((tx) => articleForLive(tx, articleId, actor));
  const { coverage } = await listLiveUpdates(articleId);
  const rows = await db.liveUpdate.findMany({ where: { articleId }, orderBy: [{ pinned: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }], take: 500, select: { ...updateSelect, bodyJson: true } });
  return { coverage, updates: rows.map((r) => ({ ...toUpdate(r), bodyJson: r.bodyJson as BodyDoc })) };
}
