'use server';

import { revalidatePath } from 'next/cache';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { requireRole } from '@/lib/auth/session';
import { mergeTags, updateTag } from '@/lib/tags';
import { mergeTagsSchema, updateTagSchema } from '@/lib/validation/taxonomy';

// lib/tags refreshes the public pages a change touches (the tag's listing, the articles showing it).
const refreshScreen = () => revalidatePath('/admin/tags');

/** "Save tag" on /admin/tags. */
export async function updateTagAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const input = parseForm(updateTagSchema, form);
    await updateTag(input, user);
    refreshScreen();
    return { ok: true, message: `Tag “${input.name}” saved.` };
  });
}

/** "Merge" on /admin/tags. */
export async function mergeTagsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const { fromId, intoId } = parseForm(mergeTagsSchema, form);
    const { from, into, moved } = await mergeTags(fromId, intoId, user);
    refreshScreen();
    return { ok: true, message: `Merged “${from}” into “${into}” (${moved} article${moved === 1 ? '' : 's'}).` };
  });
}
