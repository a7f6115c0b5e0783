'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { AppError, runAction, type ActionState } from '@/lib/actions';
import { getArticleSnapshot, saveArticle, type ArticleSnapshot } from '@/lib/articles/mutations';
import { restoreRevision } from '@/lib/articles/revisions';
import { requireRole } from '@/lib/auth/session';
import { moderateComment } from '@/lib/comments';
import { formatDateTime, site } from '@/lib/site';
import { zonedWallTimeToDate } from '@/lib/time-zone';
import { articleFormSchema, articleIntentSchema, articleVersionSchema, publishAtSchema } from '@/lib/validation/articles';
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
    if (intent === 'schedule') {
      const local = publishAtSchema.safeParse(form.get('publishAt') ?? undefined);
      scheduledAt = local.success ? (zonedWallTimeToDate(local.data, site.timeZone) ?? undefined) : undefined;
      if (!scheduledAt) throw new AppError('unprocessable', 'Choose the date and time to publish.', { publishAt: ['Choose the date and time to publish.'] });
    }
    const saved = await saveArticle({ id, version, intent, data, scheduledAt }, user);
    for (const p of saved.paths) revalidatePath(p);
    revalidatePath('/admin');
    const message = {
      publish: 'Published. The article is live.',
      unpublish: 'Unpublished. The article is back in drafts and no longer public.',
      submit: 'Submitted for review. An editor will take it from here.',
      schedule: `Scheduled for ${scheduledAt ? formatDateTime(scheduledAt) : ''} (${site.timeZone} time).`,
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
    const { paths } = await restoreRevision(articleId, revisionId, version, user);
    for (const p of paths) revalidatePath(p);
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
    const { paths } = await moderateComment(id, action, user);
    for (const p of paths) revalidatePath(p);
    revalidatePath('/admin/comments');
    const verb = { approve: 'approved', unapprove: 'returned to pending', spam: 'marked as spam', trash: 'moved to the trash', delete: 'deleted forever' }[action];
    return { ok: true, message: `Comment ${verb}.` };
  });
}
