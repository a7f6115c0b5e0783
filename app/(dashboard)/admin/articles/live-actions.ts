'use server';

import { revalidatePath } from 'next/cache';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { requireRole } from '@/lib/auth/session';
import { deleteLiveUpdate, editLiveUpdate, postLiveUpdate, setLiveCoverage } from '@/lib/live-coverage';
import { deleteLiveUpdateFormSchema, editLiveUpdateFormSchema, liveCoverageFormSchema, liveUpdateFormSchema } from '@/lib/validation/live-coverage';

// The editor's "Live coverage" panel (/admin/articles/[id]). The domain tells open pages and refreshes the cached ones.

const screen = (articleId: string) => `/admin/articles/${articleId}`;

/** Start live coverage / End live coverage. */
export async function setLiveCoverageAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('AUTHOR');
    const { articleId, intent } = parseForm(liveCoverageFormSchema, form);
    await setLiveCoverage(articleId, intent, user);
    revalidatePath(screen(articleId));
    return { ok: true, message: intent === 'start' ? 'Live coverage started.' : 'Live coverage ended.' };
  });
}

/** Post update. */
export async function postLiveUpdateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('AUTHOR');
    const input = parseForm(liveUpdateFormSchema, form);
    await postLiveUpdate(input, user);
    revalidatePath(screen(input.articleId));
    return { ok: true, message: 'Update posted. Readers with the page open see it now.' };
  });
}

/** Save update (an edit). */
export async function editLiveUpdateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('AUTHOR');
    const input = parseForm(editLiveUpdateFormSchema, form);
    await editLiveUpdate(input, user);
    revalidatePath(screen(input.articleId));
    return { ok: true, message: 'Update saved.' };
  });
}

/** Delete update. */
export async function deleteLiveUpdateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('AUTHOR');
    const { articleId, updateId } = parseForm(deleteLiveUpdateFormSchema, form);
    await deleteLiveUpdate(articleId, updateId, user);
    revalidatePath(screen(articleId));
    return { ok: true, message: 'Update deleted.' };
  });
}
