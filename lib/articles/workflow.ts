import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { articlePath } from '@/lib/articles/urls';
import { articleRefs, invalidateArticle } from '@/lib/cache';
import { db } from '@/lib/db';
import { reindexArticles } from '@/lib/search';
import { AppError, StaleVersionError } from '@/lib/errors';
import { articleEventData, enqueueWebhookEvent } from '@/lib/webhooks/events';
import type { StaffUser } from '@/lib/users';

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type TransitionResult = { id: string; status: string; version: number };

const WRITER_EDITABLE = ['DRAFT', 'IN_REVIEW'];

async function loadForTransition(tx: Tx, id: string) {
  const current = await tx.article.findUnique({ where: { id }, select: { id: true, title: true, status: true, version: true, authors: { select: { userId: true } } } });
  if (!current) throw new AppError('not_found', 'This article no longer exists. It may have been deleted.');
  return current;
}

/** Refuses a change that named a version other than the article's (nothing is changed). */
function assertVersion(current: { version: number }, expected: number | undefined) {
  if (expected !== undefined && expected !== current.version) {
    throw new StaleVersionError(`The article changed meanwhile: it is now at version ${current.version}, not ${expected}. Reload it and try again.`, current.version);
  }
}

/**
 * Archives an article (from any status): it leaves the public site and any schedule is
 * cleared. Editors and admins only; bumps the version so an open editor meets a conflict.
 * With `version`, refuses (StaleVersionError) unless the article is still at that version.
 */
export async function archiveArticle(id: string, user: StaffUser, options: { version?: number } = {}): Promise<TransitionResult> {
  if (!hasRole(user.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins can archive articles.');
  const before = await articleRefs(id);
  const result = await db.$transaction(async (tx) => {
    const current = await loadForTransition(tx, id);
    assertVersion(current, options.version);
    if (current.status === 'ARCHIVED') throw new AppError('conflict', 'This article is already archived.');
    const updated = await tx.article.updateMany({ where: { id, version: current.version }, data: { status: 'ARCHIVED', scheduledAt: null, version: { increment: 1 } } });
    // Saved by someone else between the read and this write: refuse rather than archive unseen changes.
    if (updated.count === 0) assertVersion(await loadForTransition(tx, id), current.version);
    await recordAudit(tx, {
      actorId: user.id,
      action: 'article.archived',
      entityType: 'article',
      entityId: id,
      summary: current.title,
      data: { from: current.status, to: 'ARCHIVED', version: current.version + 1 },
    });
    return { id, status: 'ARCHIVED', version: current.version + 1 };
  });
  // A draft was never public: only a published article's pages change. Cached pages showing
  // it (its own, listings, latest news) refresh; its URL now answers 410.
  if (before?.status === 'PUBLISHED') {
    await reindexArticles([id]); // out of search results
    await invalidateArticle(id, { before });
  }
  return result;
}

/** Brings an archived article back as a draft (not public until published again); editors and admins only. */
export async function restoreArchivedArticle(id: string, user: StaffUser): Promise<TransitionResult> {
  if (!hasRole(user.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins can restore archived articles.');
  const result = await db.$transaction(async (tx) => {
    const current = await loadForTransition(tx, id);
    if (current.status !== 'ARCHIVED') throw new AppError('conflict', 'Only archived articles can be restored.');
    await tx.article.update({ where: { id }, data: { status: 'DRAFT', version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'article.restored',
      entityType: 'article',
      entityId: id,
      summary: current.title,
      data: { from: 'ARCHIVED', to: 'DRAFT', version: current.version + 1 },
    });
    return { id, status: 'DRAFT', version: current.version + 1 };
  });
  // Its URL stops answering 410 (a draft is simply not found).
  await invalidateArticle(id);
  return result;
}

/**
 * Deletes an archived article for good, with its revisions, comments and the redirects to it;
 * editors and admins only, and only from the archive (archiving first is the undo window).
 * Readers then get 404 at its address; webhook subscribers get `article.deleted` when it was
 * ever public.
 */
export async function deleteArchivedArticle(id: string, user: StaffUser, options: { version?: number } = {}): Promise<{ title: string }> {
  if (!hasRole(user.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins can delete articles.');
  const before = await articleRefs(id);
  const deleted = await db.$transaction(async (tx) => {
    const current = await tx.article.findUnique({ where: { id }, select: { id: true, slug: true, title: true, status: true, publishedAt: true, version: true } });
    if (!current) throw new AppError('not_found', 'This article no longer exists. It may have been deleted already.');
    // A caller that names the version it saw (the admin API's If-Match) deletes nothing newer.
    assertVersion(current, options.version);
    if (current.status !== 'ARCHIVED') throw new AppError('conflict', 'Archive the article first: only archived articles can be deleted.');
    await tx.redirect.deleteMany({ where: { toPath: articlePath(current.slug) } });
    await tx.article.delete({ where: { id } });
    await recordAudit(tx, { actorId: user.id, action: 'article.deleted', entityType: 'article', entityId: id, summary: current.title, data: { slug: current.slug } });
    if (current.publishedAt) await enqueueWebhookEvent(tx, 'article.deleted', articleEventData({ ...current, status: 'DELETED' }));
    return current;
  });
  await reindexArticles([id]);
  // Its address stops answering 410; pages that still listed it refresh.
  await invalidateArticle(id, { before: before ?? undefined });
  return { title: deleted.title };
}

/**
 * Moves an article to another section (or none). Editors move any article; writers only
 * their own drafts. Refreshes both the old and the new section page when it is published.
 */
export async function moveArticleToSection(id: string, sectionId: string | null, user: StaffUser): Promise<TransitionResult> {
  if (!hasRole(user.role, 'CONTRIBUTOR')) throw new AppError('forbidden', 'Your role does not allow changing articles.');
  const before = await articleRefs(id);
  const result = await db.$transaction(async (tx) => {
    const current = await tx.article.findUnique({ where: { id }, select: { id: true, title: true, status: true, version: true, sectionId: true, authors: { select: { userId: true } } } });
    if (!current) throw new AppError('not_found', 'This article no longer exists. It may have been deleted.');
    if (!hasRole(user.role, 'EDITOR')) {
      if (!current.authors.some((a) => a.userId === user.id)) throw new AppError('forbidden', 'You can change only your own articles.');
      if (!WRITER_EDITABLE.includes(current.status)) throw new AppError('forbidden', 'This article is no longer a draft; ask an editor to move it.');
    }
    if (sectionId && !(await tx.section.findUnique({ where: { id: sectionId }, select: { id: true } }))) {
      throw new AppError('unprocessable', 'Choose a section from the list.');
    }
    if (current.sectionId === sectionId) return { id, status: current.status, version: current.version, moved: false };
    await tx.article.update({ where: { id }, data: { sectionId, version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'article.moved',
      entityType: 'article',
      entityId: id,
      summary: current.title,
      data: { fromSectionId: current.sectionId, toSectionId: sectionId, version: current.version + 1 },
    });
    return { id, status: current.status, version: current.version + 1, moved: true };
  });
  // Both the old and the new section's pages, when it is public.
  if (result.moved && result.status === 'PUBLISHED') await invalidateArticle(id, { before: before ?? undefined });
  return { id: result.id, status: result.status, version: result.version };
}

export type BulkOutcome = { id: string; ok: boolean; message?: string };

/**
 * One chunk of a bulk action from the articles list. Each article is checked and changed on
 * its own (role, ownership, status), so one refusal never blocks the others (each refreshes
 * its own public pages); the caller gets a result per article.
 */
export async function runBulkArticles(input: { op: 'archive'; ids: string[] } | { op: 'move'; ids: string[]; sectionId: string | null }, user: StaffUser): Promise<{ results: BulkOutcome[] }> {
  const results: BulkOutcome[] = [];
  for (const id of [...new Set(input.ids)]) {
    try {
      await (input.op === 'archive' ? archiveArticle(id, user) : moveArticleToSection(id, input.sectionId, user));
      results.push({ id, ok: true });
    } catch (e) {
      results.push({ id, ok: false, message: e instanceof AppError ? e.message : 'Something went wrong on our side.' });
      if (!(e instanceof AppError)) console.error(e);
    }
  }
  return { results };
}
