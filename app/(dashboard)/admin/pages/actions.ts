'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { AppError, parseForm, runAction, type ActionState } from '@/lib/actions';
import type { SavedArticleState } from '@/lib/action-states';
import type { ArticleSnapshot } from '@/lib/articles/mutations';
import { requireRole } from '@/lib/auth/session';
import { deletePage, getPageSnapshot, restorePageRevision, savePage } from '@/lib/pages/mutations';
import { formatDateTime, getSite } from '@/lib/site';
import { deletePageFormSchema, restorePageRevisionFormSchema, savePageFormSchema } from '@/lib/validation/static-pages';

// The page screens' actions (/admin/pages): each parses its form, calls one lib/pages function
// (which refreshes the public pages it changed) and refreshes only the dashboard's list.

const pageIdSchema = z.string().trim().min(1).max(40);

/** Save draft / Update / Publish / Schedule / Unpublish from the page editor. */
export async function savePageAction(_prev: SavedArticleState, form: FormData): Promise<SavedArticleState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const { intent, id, version, publishAt, ...data } = parseForm(savePageFormSchema, form);
    const saved = await savePage({ id, version, intent, data, publishAt }, user);
    revalidatePath('/admin/pages');
    const { timeZone } = await getSite();
    const message = {
      publish: `Published. The page is live at /${saved.slug}.`,
      unpublish: 'Unpublished. The page is back in drafts and no longer public.',
      schedule: `Scheduled for ${saved.scheduledAt ? formatDateTime(saved.scheduledAt, timeZone) : ''} (${timeZone} time).`,
      save: saved.status === 'PUBLISHED' ? 'Saved. The live page is updated.' : 'Draft saved.',
    }[intent];
    return { ok: true, message, data: { id: saved.id, slug: saved.slug, version: saved.version, status: saved.status } };
  });
}

/** The page as saved now, for the editor's conflict view; editors and admins only. */
export async function getPageSnapshotAction(pageId: string): Promise<ActionState<ArticleSnapshot>> {
  return runAction(new FormData(), async () => {
    const user = await requireRole('EDITOR');
    const snapshot = await getPageSnapshot(pageIdSchema.parse(pageId), user);
    if (!snapshot) throw new AppError('not_found', 'This page no longer exists. It may have been deleted.');
    return { ok: true, data: snapshot };
  });
}

/** "Restore version N" in the page's revisions: saved as a new version, then the editor reloads it. */
export async function restorePageRevisionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let pageId = '';
  const result = await runAction(form, async (): Promise<ActionState> => {
    const user = await requireRole('EDITOR');
    const input = parseForm(restorePageRevisionFormSchema, form);
    pageId = input.pageId;
    await restorePageRevision(input.pageId, input.revisionId, input.version, user);
    revalidatePath('/admin/pages');
    return { ok: true };
  });
  if (result.ok) redirect(`/admin/pages/${pageId}?saved=restore`);
  return result;
}

/** "Delete page" on the edit screen, confirmed by typing "delete". */
export async function deletePageAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(form, async (): Promise<ActionState> => {
    const user = await requireRole('EDITOR');
    const { pageId } = parseForm(deletePageFormSchema, form);
    await deletePage(pageId, user);
    revalidatePath('/admin/pages');
    return { ok: true };
  });
  if (result.ok) redirect('/admin/pages?deleted=1');
  return result;
}
