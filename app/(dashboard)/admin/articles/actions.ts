'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { AppError, parseForm, runAction, type ActionState } from '@/lib/actions';
import type { BulkArticlesState, PreviewLinkState, RelatedArticlesState, SavedArticleState, SaveDetailsState } from '@/lib/action-states';
import { getArticleSnapshot, saveArticle, type ArticleSnapshot } from '@/lib/articles/mutations';
import { getArticleDetailsSnapshot, searchPublishedArticles, updateArticleDetails } from '@/lib/articles/details';
import { createPreviewLink } from '@/lib/articles/preview';
import { restoreRevision } from '@/lib/articles/revisions';
import { changeArticleSlug } from '@/lib/articles/slug';
import { archiveArticle, deleteArchivedArticle, restoreArchivedArticle, runBulkArticles } from '@/lib/articles/workflow';
import { requireRole } from '@/lib/auth/session';
import { formatDateTime, getSite } from '@/lib/site';
import { changeSlugSchema } from '@/lib/validation/taxonomy';
import {
  archiveArticleFormSchema,
  articleDetailsFormSchema,
  bulkArticlesSchema,
  deleteArticleFormSchema,
  restoreRevisionFormSchema,
  saveArticleFormSchema,
  type BulkArticlesInput,
} from '@/lib/validation/articles';

// The article screens' actions: the list (/admin, bulk actions), the editor and its panels
// (/admin/articles/[id]) and its history. Each parses its form with the schema from
// lib/validation, calls one domain function (which refreshes the public pages it changed) and
// refreshes only its own dashboard screen.

const articleIdSchema = z.string().trim().min(1).max(40);
const articleScreen = (id: string) => `/admin/articles/${id}`;

/** Save draft / Publish / Submit for review / Schedule / Unpublish from the article editor. */
export async function saveArticleAction(_prev: SavedArticleState, form: FormData): Promise<SavedArticleState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    const { intent, id, version, publishAt, shared, ...data } = parseForm(saveArticleFormSchema, form);
    const saved = await saveArticle({ id, version, intent, data, publishAt, shared: shared === '1' }, user);
    revalidatePath('/admin');
    const when = async () => {
      const { timeZone } = await getSite();
      return `Scheduled for ${saved.scheduledAt ? formatDateTime(saved.scheduledAt, timeZone) : ''} (${timeZone} time).`;
    };
    const message = {
      publish: 'Published. The article is live.',
      unpublish: 'Unpublished. The article is back in drafts and no longer public.',
      submit: 'Submitted for review. An editor will take it from here.',
      schedule: intent === 'schedule' ? await when() : '',
      save: saved.status === 'PUBLISHED' ? 'Saved. The live article is updated.' : 'Draft saved.',
    }[intent];
    return { ok: true, message, data: { id: saved.id, slug: saved.slug, version: saved.version, status: saved.status } };
  });
}

/** "Restore this version" from an article's history: saved as a new version, then back to the editor. */
export async function restoreRevisionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let articleId = '';
  const result = await runAction(form, async (): Promise<ActionState> => {
    const user = await requireRole('CONTRIBUTOR');
    const input = parseForm(restoreRevisionFormSchema, form);
    articleId = input.articleId;
    await restoreRevision(input.articleId, input.revisionId, input.version, user);
    return { ok: true, message: `Restored as version ${input.version + 1}.` };
  });
  if (result.ok) redirect(`${articleScreen(articleId)}?saved=restore`);
  return result;
}

/** The article as saved now (title, standfirst, body), for the editor's conflict view; role- and ownership-checked. */
export async function getArticleSnapshotAction(articleId: string): Promise<ActionState<ArticleSnapshot>> {
  return runAction(new FormData(), async () => {
    const user = await requireRole('CONTRIBUTOR');
    const snapshot = await getArticleSnapshot(articleIdSchema.parse(articleId), user);
    if (!snapshot) throw new AppError('not_found', 'This article no longer exists. It may have been deleted.');
    return { ok: true, data: snapshot };
  });
}

/** One chunk of a bulk action (Archive, Move to section) from the articles list; a result per article. */
export async function bulkArticlesAction(input: BulkArticlesInput): Promise<BulkArticlesState> {
  return runAction(new FormData(), async () => {
    const user = await requireRole('CONTRIBUTOR');
    const { results } = await runBulkArticles(bulkArticlesSchema.parse(input), user);
    revalidatePath('/admin');
    return { ok: true, data: { results } };
  });
}

/** "Copy preview link" in the editor: a signed, expiring link to the draft for someone without an account. */
export async function createPreviewLinkAction(articleId: string): Promise<PreviewLinkState> {
  return runAction(new FormData(), async () => {
    const user = await requireRole('CONTRIBUTOR');
    const { url, expiresAt } = await createPreviewLink(articleIdSchema.parse(articleId), user);
    return { ok: true, data: { url, expires: formatDateTime(expiresAt) } };
  });
}

/**
 * The editor's "Details" panel: byline order, comments, SEO and pinned related articles.
 * A save from details that changed since they were loaded is refused with their current values.
 */
export async function saveArticleDetailsAction(_prev: SaveDetailsState, form: FormData): Promise<SaveDetailsState> {
  return runAction(form, async (): Promise<SaveDetailsState> => {
    const user = await requireRole('CONTRIBUTOR');
    const { articleId, ...data } = parseForm(articleDetailsFormSchema, form);
    let saved: Awaited<ReturnType<typeof updateArticleDetails>>;
    try {
      saved = await updateArticleDetails(articleId, data, user);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'conflict') throw e;
      const current = await getArticleDetailsSnapshot(articleId, user);
      if (!current) throw new AppError('not_found', 'This article no longer exists. It may have been deleted.');
      return { ok: false, code: 'conflict', message: e.message, data: { current } };
    }
    revalidatePath(articleScreen(articleId));
    return { ok: true, message: 'Details saved.', data: { detailsVersion: saved.detailsVersion } };
  });
}

/** Published articles by title, for the related-articles picker. */
export async function searchRelatedArticlesAction(articleId: string, q: string): Promise<RelatedArticlesState> {
  return runAction(new FormData(), async () => {
    await requireRole('EDITOR');
    return { ok: true, data: await searchPublishedArticles(z.string().max(100).parse(q), articleIdSchema.parse(articleId)) };
  });
}

/** "Delete permanently" on an archived article's edit page; editors and admins only (checked in lib/articles/workflow). */
export async function deleteArticleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(form, async (): Promise<ActionState> => {
    const user = await requireRole('EDITOR');
    const { articleId } = parseForm(deleteArticleFormSchema, form);
    await deleteArchivedArticle(articleId, user);
    revalidatePath('/admin');
    return { ok: true };
  });
  if (result.ok) redirect('/admin?deleted=1');
  return result;
}

/** "Archive article" / "Restore to draft" on the edit page; editors and admins only (checked in lib/articles/workflow). */
export async function archiveOrRestoreArticleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let done: { articleId: string; op: 'archive' | 'restore' } | undefined;
  const result = await runAction(form, async (): Promise<ActionState> => {
    const user = await requireRole('EDITOR');
    done = parseForm(archiveArticleFormSchema, form);
    await (done.op === 'archive' ? archiveArticle(done.articleId, user) : restoreArchivedArticle(done.articleId, user));
    revalidatePath('/admin');
    return { ok: true };
  });
  // The editor holds the old version: reload it with the new status.
  if (result.ok && done) redirect(`${articleScreen(done.articleId)}?saved=${done.op === 'archive' ? 'archive' : 'unarchive'}`);
  return result;
}

/** "Change slug" on the article edit page. */
export async function changeSlugAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    const { articleId, slug } = parseForm(changeSlugSchema, form);
    const { changed } = await changeArticleSlug(articleId, slug, user);
    revalidatePath(articleScreen(articleId));
    return { ok: true, message: changed ? `Slug changed. The old address now redirects to /articles/${slug}.` : 'The slug is unchanged.' };
  });
}
