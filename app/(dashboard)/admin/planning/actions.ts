'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { requireRole } from '@/lib/auth/session';
import { createPlan, deletePlan, startDraft, updatePlan, updatePlanProgress } from '@/lib/planning';
import { planFormSchema, planIdFormSchema, planProgressFormSchema } from '@/lib/validation/planning';

// /admin/planning. Each action checks the role here and the domain checks it again per plan.

/** New plan (editors): then its page. */
export async function createPlanAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let id = '';
  const state = await runAction(form, async (): Promise<ActionState> => {
    const user = await requireRole('EDITOR');
    id = (await createPlan(parseForm(planFormSchema, form), user)).id;
    revalidatePath('/admin/planning');
    return { ok: true, message: 'Story planned.' };
  });
  if (state.ok) redirect(`/admin/planning/${id}?saved=created`);
  return state;
}

/** Save plan (editors): every field. */
export async function updatePlanAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const { planId, version } = parseForm(planIdFormSchema, form);
    await updatePlan(planId, parseForm(planFormSchema, form), user, { version });
    revalidatePath('/admin/planning', 'layout');
    return { ok: true, message: 'Plan saved.' };
  });
}

/** Save progress (the assignee): status and notes. */
export async function updatePlanProgressAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    const { planId, version } = parseForm(planIdFormSchema, form);
    await updatePlanProgress(planId, parseForm(planProgressFormSchema, form), user, { version });
    revalidatePath('/admin/planning', 'layout');
    return { ok: true, message: 'Progress saved.' };
  });
}

/** Delete plan (editors): back to the list. */
export async function deletePlanAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(form, async (): Promise<ActionState> => {
    const user = await requireRole('EDITOR');
    const { planId, version } = parseForm(planIdFormSchema, form);
    await deletePlan(planId, user, { version });
    revalidatePath('/admin/planning');
    return { ok: true, message: 'Plan deleted.' };
  });
  if (state.ok) redirect('/admin/planning?deleted=1');
  return state;
}

/** Start draft: the linked article, opened in the editor. */
export async function startDraftAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let articleId = '';
  const state = await runAction(form, async (): Promise<ActionState> => {
    const user = await requireRole('CONTRIBUTOR');
    const { planId, version } = parseForm(planIdFormSchema, form);
    articleId = (await startDraft(planId, user, { version })).articleId;
    revalidatePath('/admin/planning', 'layout');
    return { ok: true, message: 'Draft started.' };
  });
  if (state.ok) redirect(`/admin/articles/${articleId}`);
  return state;
}
