'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { AppError, runAction, type ActionState } from '@/lib/actions';
import { getArticleSnapshot, saveArticle, type ArticleSnapshot } from '@/lib/articles/mutations';
import { getArticleDetailsSnapshot, searchPublishedArticles, updateArticleDetails, type ArticleDetailsSnapshot } from '@/lib/articles/details';
import { createPreviewLink } from '@/lib/articles/preview';
import { restoreRevision } from '@/lib/articles/revisions';
import { archiveArticle, deleteArchivedArticle, restoreArchivedArticle, runBulkArticles, type BulkOutcome } from '@/lib/articles/workflow';
import { requireRole } from '@/lib/auth/session';
import { moderateComment } from '@/lib/comments';
import { formatDateTime, getSite } from '@/lib/site';
import { zonedWallTimeToDate } from '@/lib/time-zone';
import { articleDetailsSchema, articleFormSchema, articleIntentSchema, articleVersionSchema, bulkArticlesSchema, publishAtSchema, type BulkArticlesInput } from '@/lib/validation/articles';
import { moderationActionSchema } from '@/lib/validation/comments';

export type SavedArticleState = ActionState<{ id: string; slug: string; version: number; status: string }>;

const idSchema = z.string().trim().max(40).optional().transform((v) => v || undefined);

/** Save draft / Publish / Submit for review / Unpublish from the article editor. */
export async function saveArticleAction(_prev: SavedArticleState, form: FormData): Promise<SavedArticleState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    const intent = articleIntentSchema.parse(form.get('intent'));
    const id = idSchema.parse(form.get('id') ?? undefined);
    const version = id ? articleVersionSchema.parse(form.get('version')) : undefined;
    const data = articleFormSchema.parse({
      title: form.get('title') ?? '',
      standfirst: form.get('standfirst') ?? '',
      body: form.get('body') ?? '',
      bodyJson: form.get('bodyJson') ?? undefined,
      sectionId: form.get('sectionId') ?? '',
      tags: form.get('tags') ?? '',
      heroImageId: form.get('heroImageId'),
    });
    let scheduledAt: Date | undefined;
    // "Publish at" is wall-clock time in the site's time zone as set in admin settings.
    const { timeZone } = await getSite();
    if (intent === 'schedule') {
      const local = publishAtSchema.safeParse(form.get('publishAt') ?? undefined);
      scheduledAt = local.success ? (zonedWallTimeToDate(local.data, timeZone) ?? undefined) : undefined;
      if (!scheduledAt) throw new AppError('unprocessable', 'Choose the date and time to publish.', { publishAt: ['Choose the date and time to publish.'] });
    }
    const saved = await saveArticle({ id, version, intent, data, scheduledAt }, user);
    revalidatePath('/admin');
    const message = {
      publish: 'Published. The article is live.',
      unpublish: 'Unpublished. The article is back in drafts and no longer public.',
      submit: 'Submitted for review. An editor will take it from here.',
      schedule: `Scheduled for ${scheduledAt ? formatDateTime(scheduledAt, timeZone) : ''} (${timeZone} time).`,
      save: saved.status === 'PUBLISHED' ? 'Saved. The live article is updated.' : 'Draft saved.',
    }[intent];
    return { ok: true, message, data: { id: saved.id, slug: saved.slug, version: saved.version, status: saved.status } };
  });
}

/** "Restore this version" from an article's history: saved as a new version, then back to the editor. */
export async function restoreRevisionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(form, async (): Promise<ActionState> => {
    const user = await requireRole('CONTRIBUTOR');
    const articleId = z.string().min(1).max(40).parse(form.get('articleId'));
    const revisionId = z.string().min(1).max(40).parse(form.get('revisionId'));
    const version = articleVersionSchema.parse(form.get('version'));
    await restoreRevision(articleId, revisionId, version, user);
    return { ok: true, message: `Restored as version ${version + 1}.` };
  });
  if (result.ok) redirect(`/admin/articles/${String(form.get('articleId'))}?saved=restore`);
  return result;
}

/** The article as saved now (title, standfirst, body), for the editor's conflict view; role- and ownership-checked. */
export async function getArticleSnapshotAction(articleId: string): Promise<ActionState<ArticleSnapshot>> {
  const form = new FormData();
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    const id = z.string().trim().min(1).max(40).parse(articleId);
    const snapshot = await getArticleSnapshot(id, user);
    if (!snapshot) throw new AppError('not_found', 'This article no longer exists. It may have been deleted.');
    return { ok: true, data: snapshot };
  });
}

/** Approve / Mark as spam / Trash from the moderation queue. */
export async function moderateCommentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const id = z.string().min(1).max(40).parse(form.get('commentId'));
    const action = moderationActionSchema.parse(form.get('action'));
    await moderateComment(id, action, user);
    revalidatePath('/admin/comments');
    const verb = { approve: 'approved', unapprove: 'returned to pending', spam: 'marked as spam', trash: 'moved to the trash', delete: 'deleted forever' }[action];
    return { ok: true, message: `Comment ${verb}.` };
  });
}

/** One chunk of a bulk action (Archive, Move to section) from the articles list; a result per article. */
export async function bulkArticlesAction(input: BulkArticlesInput): Promise<ActionState<{ results: BulkOutcome[] }>> {
  return runAction(new FormData(), async () => {
    const user = await requireRole('CONTRIBUTOR');
    const parsed = bulkArticlesSchema.parse(input);
    const { results } = await runBulkArticles(parsed, user);
    revalidatePath('/admin');
    return { ok: true, data: { results } };
  });
}

/** "Copy preview link" in the editor: a signed, expiring link to the draft for someone without an account. */
export async function createPreviewLinkAction(articleId: string): Promise<ActionState<{ url: string; expires: string }>> {
  return runAction(new FormData(), async () => {
    const user = await requireRole('CONTRIBUTOR');
    const id = z.string().trim().min(1).max(40).parse(articleId);
    const { url, expiresAt } = await createPreviewLink(id, user);
    return { ok: true, data: { url, expires: formatDateTime(expiresAt) } };
  });
}

export type SaveDetailsState = ActionState<{
  /** After a save: the details version the panel now holds. */
  detailsVersion?: number;
  /** After a conflict: the details as saved now, by someone else, to compare with the panel's. */
  current?: ArticleDetailsSnapshot;
}>;

/**
 * The editor's "Details" panel: byline order, comments, SEO and pinned related articles.
 * A save from details that changed since they were loaded is refused with their current values.
 */
export async function saveArticleDetailsAction(_prev: SaveDetailsState, form: FormData): Promise<SaveDetailsState> {
  return runAction(form, async (): Promise<SaveDetailsState> => {
    const user = await requireRole('CONTRIBUTOR');
    const id = z.string().trim().min(1).max(40).parse(form.get('articleId'));
    const strings = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');
    const data = articleDetailsSchema.parse({
      authorIds: strings('authorIds'),
      relatedIds: strings('relatedIds'),
      commentsOpen: form.get('commentsOpen') === 'on',
      seoTitle: form.get('seoTitle') ?? '',
      seoDescription: form.get('seoDescription') ?? '',
      canonicalUrl: form.get('canonicalUrl') ?? '',
      socialImageId: form.get('socialImageId') ?? '',
      detailsVersion: form.get('detailsVersion'),
    });
    let saved: Awaited<ReturnType<typeof updateArticleDetails>>;
    try {
      saved = await updateArticleDetails(id, data, user);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'conflict') throw e;
      const current = await getArticleDetailsSnapshot(id, user);
      if (!current) throw new AppError('not_found', 'This article no longer exists. It may have been deleted.');
      return { ok: false, code: 'conflict', message: e.message, data: { current } };
    }
    revalidatePath('/admin');
    return { ok: true, message: 'Details saved.', data: { detailsVersion: saved.detailsVersion } };
  });
}

/** Published articles by title, for the related-articles picker. */
export async function searchRelatedArticlesAction(articleId: string, q: string): Promise<ActionState<{ id: string; title: string }[]>> {
  return runAction(new FormData(), async () => {
    await requireRole('EDITOR');
    const id = z.string().trim().min(1).max(40).parse(articleId);
    const term = z.string().max(100).parse(q);
    return { ok: true, data: await searchPublishedArticles(term, id) };
  });
}

/** "Delete permanently" on an archived article's edit page; editors and admins only (checked in lib/articles/workflow). */
export async function deleteArticleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(form, async (): Promise<ActionState> => {
    const user = await requireRole('EDITOR');
    const { articleId, confirm } = z
      .object({ articleId: z.string().trim().min(1).max(40), confirm: z.string().trim().toLowerCase().pipe(z.literal('delete', { error: 'Type delete to confirm; nothing was deleted.' })) })
      .parse({ articleId: form.get('articleId'), confirm: form.get('confirm') ?? '' });
    void confirm;
    await deleteArchivedArticle(articleId, user);
    revalidatePath('/admin');
    return { ok: true };
  });
  if (result.ok) redirect('/admin?deleted=1');
  return result;
}

/** "Archive article" / "Restore to draft" on the edit page; editors and admins only (checked in lib/articles/workflow). */
export async function archiveOrRestoreArticleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(form, async (): Promise<ActionState> => {
    const user = await requireRole('EDITOR');
    const id = z.string().trim().min(1).max(40).parse(form.get('articleId'));
    const op = z.enum(['archive', 'restore']).parse(form.get('op'));
    await (op === 'archive' ? archiveArticle(id, user) : restoreArchivedArticle(id, user));
    revalidatePath('/admin');
    return { ok: true };
  });
  // The editor holds the old version: reload it with the new status.
  if (result.ok) redirect(`/admin/articles/${String(form.get('articleId'))}?saved=${form.get('op') === 'archive' ? 'archive' : 'unarchive'}`);
  return result;
}
