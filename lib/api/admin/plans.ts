import 'server-only';
import { parseInput } from '@/lib/api/admin-handler';
import type { AdminPlan } from '@/lib/api/admin-schemas';
import { AppError } from '@/lib/errors';
import { createPlan, deletePlan, getPlan, listPlans, startDraft, updatePlan, updatePlanProgress, type PlanRow } from '@/lib/planning';
import { getSite } from '@/lib/site';
import { dateToZonedWallTime } from '@/lib/time-zone';
import type { StaffUser } from '@/lib/users';
import type { AdminPlanPatch, PlanListQuery } from '@/lib/validation/admin-api';
import { planFormSchema, type PlanFormData } from '@/lib/validation/planning';

// The story budget over the admin API, a thin translation onto lib/planning (the planning
// screens' own functions): editors plan, assign and change everything; a writer sees the plans
// assigned to them and moves them along (status and notes). Due times are wall-clock times in
// the site's time zone, as in the dashboard's form; `dueAt` in answers is the instant.

function toAdminPlan(p: PlanRow, timeZone: string): AdminPlan {
  return {
    id: p.id,
    version: p.version,
    headline: p.headline,
    notes: p.notes,
    status: p.status,
    shownStatus: p.shownStatus,
    targetWords: p.targetWords,
    due: p.dueAt ? dateToZonedWallTime(p.dueAt, timeZone) : null,
    dueAt: p.dueAt?.toISOString() ?? null,
    assignee: p.assignee,
    section: p.section,
    article: p.article,
  };
}

const zone = async () => (await getSite()).timeZone;

export async function listAdminPlans(query: PlanListQuery, user: StaffUser): Promise<AdminPlan[]> {
  const [plans, timeZone] = await Promise.all([listPlans(user, query), zone()]);
  return plans.map((p) => toAdminPlan(p, timeZone));
}

export async function getAdminPlan(id: string, user: StaffUser): Promise<AdminPlan> {
  const [plan, timeZone] = await Promise.all([getPlan(id, user), zone()]);
  if (!plan) throw new AppError('not_found', 'This plan does not exist, or it is not assigned to the key’s user.');
  return toAdminPlan(plan, timeZone);
}

/** POST: the plan form's fields as JSON (checked by the form's own schema in lib/planning). */
export async function createAdminPlan(input: PlanFormData, user: StaffUser): Promise<AdminPlan> {
  return toAdminPlan(await createPlan(input, user), await zone());
}

/**
 * PATCH from `version` (If-Match). Only status and notes: the assignee's progress (updatePlanProgress,
 * as a writer's form); anything else: the whole plan with the fields sent changed (updatePlan, editors).
 */
export async function updateAdminPlan(id: string, version: number, patch: AdminPlanPatch, user: StaffUser): Promise<AdminPlan> {
  const current = await getAdminPlan(id, user);
  const progressOnly = Object.keys(patch).every((k) => k === 'status' || k === 'notes');
  const saved = progressOnly
    ? await updatePlanProgress(id, { status: patch.status ?? current.status, notes: patch.notes ?? current.notes }, user, { version })
    : await updatePlan(
        id,
        parseInput(planFormSchema, {
          headline: current.headline,
          assigneeId: current.assignee?.id,
          sectionId: current.section?.id,
          targetWords: current.targetWords ?? undefined,
          due: current.due ?? undefined,
          notes: current.notes,
          status: current.status,
          ...Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v === null ? undefined : v])),
        }),
        user,
        { version },
      );
  return toAdminPlan(saved, await zone());
}

export async function deleteAdminPlan(id: string, version: number, user: StaffUser): Promise<{ id: string; deleted: true }> {
  await deletePlan(id, user, { version });
  return { id, deleted: true };
}

/** "Start draft" from `version` (If-Match): the plan's article, through the editor's own save. */
export async function startAdminPlanDraft(id: string, version: number, user: StaffUser): Promise<AdminPlan> {
  await startDraft(id, user, { version });
  return getAdminPlan(id, user);
}
