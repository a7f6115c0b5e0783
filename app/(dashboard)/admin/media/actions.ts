'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import type { DescribedMediaState } from '@/lib/action-states';
import { requireRole } from '@/lib/auth/session';
import { deleteMedia, describeMediaIfBlank, updateMedia } from '@/lib/media';
import { toClientItem } from '@/lib/media/client-item';
import { mediaIdFormSchema, mediaIdSchema, updateMediaFormSchema, updateMediaSchema } from '@/lib/validation/media';

/** Save alt text, caption, credit and focal point from the media library. */
export async function updateMediaAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('AUTHOR');
    const { id, version, ...input } = parseForm(updateMediaFormSchema, form);
    await updateMedia(id, input, user, { version });
    revalidatePath('/admin/media');
    revalidatePath(`/admin/media/${id}`);
    return { ok: true, message: input.alt ? 'Image saved.' : 'Image saved. It still needs alt text before it can be used in an article.' };
  });
}

/** Delete an image from the library (refused while an article uses it). */
export async function deleteMediaAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(form, async (): Promise<ActionState> => {
    const user = await requireRole('AUTHOR');
    const { id, version } = parseForm(mediaIdFormSchema, form);
    await deleteMedia(id, user, { version });
    revalidatePath('/admin/media');
    return { ok: true };
  });
  if (result.ok) redirect('/admin/media?deleted=1');
  return result;
}

/** From the editor's picker: the alt text (and caption, credit) given at first use fill the library's blanks. */
export async function describeMediaAction(id: string, text: { alt: string; caption: string; credit: string }): Promise<DescribedMediaState> {
  return runAction(new FormData(), async () => {
    const user = await requireRole('AUTHOR');
    const mediaId = mediaIdSchema.parse(id);
    const input = updateMediaSchema.pick({ alt: true, caption: true, credit: true }).parse(text);
    const item = await describeMediaIfBlank(mediaId, input, user);
    revalidatePath('/admin/media');
    return { ok: true, data: toClientItem(item) };
  });
}
