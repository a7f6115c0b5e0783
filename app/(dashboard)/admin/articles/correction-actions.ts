'use server';

import { revalidatePath } from 'next/cache';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { requireRole } from '@/lib/auth/session';
import { addCorrection, withdrawCorrection } from '@/lib/corrections';
import { addCorrectionSchema, withdrawCorrectionSchema } from '@/lib/validation/corrections';

// The editor's "Corrections" panel (/admin/articles/[id]). The domain refreshes the public pages.

/** Add note: a correction, clarification or update on a published article. */
export async function addCorrectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const input = parseForm(addCorrectionSchema, form);
    const note = await addCorrection(input, user);
    revalidatePath(`/admin/articles/${input.articleId}`);
    return { ok: true, message: `${note.label} added. Readers see it under the article.` };
  });
}

/** Withdraw: the note stays on the record, marked withdrawn. */
export async function withdrawCorrectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const { articleId, correctionId } = parseForm(withdrawCorrectionSchema, form);
    await withdrawCorrection(articleId, correctionId, user);
    revalidatePath(`/admin/articles/${articleId}`);
    return { ok: true, message: 'Note withdrawn. It stays on the article, marked withdrawn.' };
  });
}
