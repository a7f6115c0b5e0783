'use server';

import { revalidatePath } from 'next/cache';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { requireRole } from '@/lib/auth/session';
import { createSection, moveSection, updateSection } from '@/lib/sections/admin';
import { createSectionSchema, moveSectionSchema, updateSectionSchema } from '@/lib/validation/taxonomy';

// lib/sections refreshes the public pages a change touches (the navigation is on every page).
const refreshScreen = () => revalidatePath('/admin/sections');

/** "Add section" on /admin/sections. */
export async function createSectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const input = parseForm(createSectionSchema, form);
    await createSection(input, user);
    refreshScreen();
    return { ok: true, message: `Section “${input.name}” added at the end of the navigation.` };
  });
}

/** "Save section" on a section of /admin/sections. */
export async function updateSectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const input = parseForm(updateSectionSchema, form);
    await updateSection(input, user);
    refreshScreen();
    return { ok: true, message: `Section “${input.name}” saved.` };
  });
}

/** "Move up" / "Move down" on /admin/sections. */
export async function moveSectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const { id, direction } = parseForm(moveSectionSchema, form);
    const { name, position } = await moveSection(id, direction, user);
    refreshScreen();
    return { ok: true, message: `“${name}” is now number ${position + 1} in the navigation.` };
  });
}
