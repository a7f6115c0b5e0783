'use server';

import { revalidatePath } from 'next/cache';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { changeArticleSlug } from '@/lib/articles/slug';
import { requireRole } from '@/lib/auth/session';
import { createSection, moveSection, updateSection } from '@/lib/sections/admin';
import { mergeTags, updateTag } from '@/lib/tags';
import { changeSlugSchema, createSectionSchema, mergeTagsSchema, moveSectionSchema, updateSectionSchema, updateTagSchema } from '@/lib/validation/taxonomy';

// The public pages a change touches are refreshed by lib/sections and lib/tags themselves.
const refreshSections = () => revalidatePath('/admin/sections');

/** "Add section" on /admin/sections. */
export async function createSectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const input = parseForm(createSectionSchema, form);
    await createSection(input, user);
    refreshSections();
    return { ok: true, message: `Section “${input.name}” added at the end of the navigation.` };
  });
}

/** "Save section" on a section of /admin/sections. */
export async function updateSectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const input = parseForm(updateSectionSchema, form);
    await updateSection(input, user);
    refreshSections();
    return { ok: true, message: `Section “${input.name}” saved.` };
  });
}

/** "Move up" / "Move down" on /admin/sections. */
export async function moveSectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const { id, direction } = parseForm(moveSectionSchema, form);
    const { name, position } = await moveSection(id, direction, user);
    refreshSections();
    return { ok: true, message: `“${name}” is now number ${position + 1} in the navigation.` };
  });
}

/** "Save tag" on /admin/tags. */
export async function updateTagAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const input = parseForm(updateTagSchema, form);
    await updateTag(input, user);
    revalidatePath('/admin/tags');
    return { ok: true, message: `Tag “${input.name}” saved.` };
  });
}

/** "Merge" on /admin/tags. */
export async function mergeTagsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const { fromId, intoId } = parseForm(mergeTagsSchema, form);
    const { from, into, moved } = await mergeTags(fromId, intoId, user);
    revalidatePath('/admin/tags');
    return { ok: true, message: `Merged “${from}” into “${into}” (${moved} article${moved === 1 ? '' : 's'}).` };
  });
}

/** "Change slug" on the article edit page. */
export async function changeSlugAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    const { articleId, slug } = parseForm(changeSlugSchema, form);
    const { changed } = await changeArticleSlug(articleId, slug, user);
    revalidatePath(`/admin/articles/${articleId}`);
    return { ok: true, message: changed ? `Slug changed. The old address now redirects to /articles/${slug}.` : 'The slug is unchanged.' };
  });
}
