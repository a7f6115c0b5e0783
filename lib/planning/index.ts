import 'server-only';
import { listCalendarArticles, type CalendarArticle } from '@/lib/articles/calendar';
import { saveArticle } from '@/lib/articles/mutations';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError, assertVersion } from '@/lib/errors';
import { getSite, isoDateIn } from '@/lib/site';
import { zonedWallTimeToDate } from '@/lib/time-zone';
import type { StaffUser } from '@/lib/users';
import { planFormSchema, type PlanFormData, type PlanListQuery, type PlanProgressFormData, type PlanStatus } from '@/lib/validation/planning';
import { addDays, shownPlanStatus, weekOf } from './status';

// The story budget: planned stories, who writes them, for when. Editors plan and manage every
// story; authors and contributors see the plans assigned to them, move them along and start their
// drafts. Once a plan has its article, the article's own state leads what the plan shows.

export type PlanRow = {
  id: string;
  headline: string;
  notes: string;
  /** As stored (what the plan form edits). */
  status: PlanStatus;
  /** As shown: the article's state leads once there is one (shownPlanStatus). */
  shownStatus: PlanStatus;
  targetWords: number | null;
  dueAt: Date | null;
  assignee: { id: string; name: string } | null;
  section: { id: string; name: string } | null;
  article: { id: string; title: string; status: string; wordCount: number } | null;
  /** Counts changes: a save or delete naming an older one (the form's hidden field, If-Match) is refused. */
  version: number;
};

const select = {
  id: true,
  headline: true,
  notes: true,
  status: true,
  targetWords: true,
  dueAt: true,
  assignee: { select: { id: true, name: true } },
  section: { select: { id: true, name: true } },
  article: { select: { id: true, title: true, status: true, wordCount: true } },
  version: true,
} as const;

/** The most plans one list or week shows; the list says so when it is reached. */
export const PLAN_LIST_LIMIT = 500;

type Selected = Omit<PlanRow, 'shownStatus'>;
const toRow = (p: Selected): PlanRow => ({ ...p, shownStatus: shownPlanStatus(p.status, p.article?.status) });

const isEditor = (actor: StaffUser) => hasRole(actor.role, 'EDITOR');
/** What this user may see: every plan for editors, their own assignments otherwise. */
const visibleTo = (actor: StaffUser) => (isEditor(actor) ? {} : { assigneeId: actor.id });

function requireEditor(actor: StaffUser) {
  if (!isEditor(actor)) throw new AppError('forbidden', 'Only editors can plan stories or change their assignment.');
}

/** Midnight to midnight of a day ("YYYY-MM-DD") in the site's time zone. */
function dayRange(day: string, timeZone: string): { gte: Date; lt: Date } {
  return { gte: zonedWallTimeToDate(`${day}T00:00`, timeZone)!, lt: zonedWallTimeToDate(`${addDays(day, 1)}T00:00`, timeZone)! };
}

/**
 * Plans this user may see, soonest due first (undated last), filtered by section, assignee and due
 * day. Without a day, the budget is what is still to do: stories published and due before today
 * are left out (the week view and the day filter still show them); overdue unfinished ones stay.
 */
export async function listPlans(actor: StaffUser, query: PlanListQuery, now = new Date()): Promise<PlanRow[]> {
  const { timeZone } = await getSite();
  const done = { OR: [{ status: 'PUBLISHED' as const }, { article: { is: { status: 'PUBLISHED' as const } } }] };
  const rows = await db.storyPlan.findMany({
    where: {
      ...(query.section ? { sectionId: query.section } : {}),
      ...(query.assignee ? { assigneeId: query.assignee } : {}),
      ...(query.day ? { dueAt: dayRange(query.day, timeZone) } : { NOT: { AND: [{ dueAt: { lt: dayRange(isoDateIn(now, timeZone), timeZone).gte } }, done] } }),
      ...visibleTo(actor),
    },
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    take: PLAN_LIST_LIMIT,
    select,
  });
  return rows.map(toRow);
}

/** One plan, if this user may see it (a writer sees only their own). */
export async function getPlan(id: string, actor: StaffUser): Promise<PlanRow | null> {
  const row = await db.storyPlan.findFirst({ where: { id, ...visibleTo(actor) }, select });
  return row ? toRow(row) : null;
}

async function getPlanOrThrow(id: string, actor: StaffUser): Promise<PlanRow> {
  const plan = await getPlan(id, actor);
  if (!plan) throw new AppError('not_found', 'This plan does not exist, or it is not assigned to you.');
  return plan;
}

/** The form's values as stored: the due time read in the site's zone; assignee and section must exist. */
async function toData(form: PlanFormData) {
  const { timeZone } = await getSite();
  const dueAt = form.due ? zonedWallTimeToDate(form.due, timeZone) : null;
  if (dueAt === null && form.due) throw new AppError('unprocessable', 'Check the due time.', { due: ['Choose a valid due date and time.'] });
  const [assignee, section] = await Promise.all([
    form.assigneeId ? db.user.findFirst({ where: { id: form.assigneeId, deactivatedAt: null }, select: { id: true } }) : null,
    form.sectionId ? db.section.findUnique({ where: { id: form.sectionId }, select: { id: true } }) : null,
  ]);
  if (form.assigneeId && !assignee) throw new AppError('unprocessable', 'Choose someone from the list.', { assigneeId: ['Choose someone from the list.'] });
  if (form.sectionId && !section) throw new AppError('unprocessable', 'Choose a section from the list.', { sectionId: ['Choose a section from the list.'] });
  return {
    headline: form.headline,
    notes: form.notes,
    status: form.status,
    targetWords: form.targetWords ?? null,
    dueAt,
    assigneeId: form.assigneeId ?? null,
    sectionId: form.sectionId ?? null,
  };
}

/** Plans a story (editors). `input` is the plan form, parsed again here so every caller is checked. */
export async function createPlan(input: PlanFormData, actor: StaffUser): Promise<PlanRow> {
  requireEditor(actor);
  const data = await toData(planFormSchema.parse(input));
  return db.$transaction(async (tx) => {
    const plan = await tx.storyPlan.create({ data: { ...data, createdById: actor.id }, select });
    await recordAudit(tx, { actorId: actor.id, action: 'plan.created', entityType: 'plan', entityId: plan.id, summary: plan.headline, data: { assigneeId: data.assigneeId } });
    return toRow(plan);
  });
}

type VersionOption = { version?: number };

/**
 * Writes `data` to the plan if it is still at the version read (`expected`, when the caller knows
 * it, else `read`): of two saves from the same version the second is refused, not applied over the first.
 */
async function writePlan(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], id: string, read: number, expected: number | undefined, data: object) {
  assertVersion('plan', read, expected);
  const { count } = await tx.storyPlan.updateMany({ where: { id, version: read }, data: { ...data, version: { increment: 1 } } });
  if (!count) assertVersion('plan', read + 1, read);
  return tx.storyPlan.findUniqueOrThrow({ where: { id }, select });
}

/** Changes everything about a plan (editors); with `version`, refused if it changed meanwhile. */
export async function updatePlan(id: string, input: PlanFormData, actor: StaffUser, opts: VersionOption = {}): Promise<PlanRow> {
  requireEditor(actor);
  const before = await getPlanOrThrow(id, actor);
  const data = await toData(planFormSchema.parse(input));
  return db.$transaction(async (tx) => {
    const plan = await writePlan(tx, id, before.version, opts.version, data);
    await recordAudit(tx, { actorId: actor.id, action: 'plan.updated', entityType: 'plan', entityId: id, summary: plan.headline, data: { status: data.status, assigneeId: data.assigneeId } });
    return toRow(plan);
  });
}

/** The assignee (or an editor) moves the story along: its status and notes; with `version`, refused if it changed meanwhile. */
export async function updatePlanProgress(id: string, input: PlanProgressFormData, actor: StaffUser, opts: VersionOption = {}): Promise<PlanRow> {
  const before = await getPlanOrThrow(id, actor);
  if (input.status === 'PUBLISHED' && before.article?.status !== 'PUBLISHED' && !isEditor(actor)) {
    throw new AppError('forbidden', 'A story is Published when an editor publishes its article.', { status: ['Choose a status before Published.'] });
  }
  return db.$transaction(async (tx) => {
    const plan = await writePlan(tx, id, before.version, opts.version, { status: input.status, notes: input.notes });
    await recordAudit(tx, { actorId: actor.id, action: 'plan.updated', entityType: 'plan', entityId: id, summary: plan.headline, data: { status: input.status } });
    return toRow(plan);
  });
}

/** Drops a plan from the budget (editors); its article, if any, stays. With `version`, refused if it changed meanwhile. */
export async function deletePlan(id: string, actor: StaffUser, opts: VersionOption = {}): Promise<void> {
  requireEditor(actor);
  const plan = await getPlanOrThrow(id, actor);
  assertVersion('plan', plan.version, opts.version);
  await db.$transaction(async (tx) => {
    const { count } = await tx.storyPlan.deleteMany({ where: { id, version: plan.version } });
    if (!count) assertVersion('plan', plan.version + 1, plan.version);
    await recordAudit(tx, { actorId: actor.id, action: 'plan.deleted', entityType: 'plan', entityId: id, summary: plan.headline });
  });
}

/**
 * "Start draft": creates the plan's article through the editor's own save, with the assignee in
 * the byline (the one starting it when nobody is assigned, who then is), linked in the same
 * transaction, so a second click finds the draft instead of making another.
 */
export async function startDraft(id: string, actor: StaffUser, opts: VersionOption = {}): Promise<{ articleId: string }> {
  const plan = await getPlanOrThrow(id, actor);
  assertVersion('plan', plan.version, opts.version);
  if (plan.article) throw new AppError('conflict', 'This story already has its draft.');
  const authorId = plan.assignee?.id ?? actor.id;
  if (authorId !== actor.id) requireEditor(actor);
  const status: PlanStatus = ['IDEA', 'ASSIGNED'].includes(plan.status) ? 'WRITING' : plan.status;
  const saved = await saveArticle(
    {
      intent: 'save',
      data: { title: plan.headline, standfirst: '', body: '', sectionId: plan.section?.id ?? null, tags: [] },
      authorId,
      onCreate: async (tx, articleId) => {
        const linked = await tx.storyPlan.updateMany({ where: { id, articleId: null }, data: { articleId, status, assigneeId: authorId, version: { increment: 1 } } });
        if (linked.count === 0) throw new AppError('conflict', 'This story already has its draft.');
        await recordAudit(tx, { actorId: actor.id, action: 'plan.draft_started', entityType: 'plan', entityId: id, summary: plan.headline, data: { articleId } });
      },
    },
    actor,
  );
  return { articleId: saved.id };
}

/** The plan an article was started from, if this user may see it (a link from the editor's page). */
export async function getPlanForArticle(articleId: string, actor: StaffUser): Promise<{ id: string; headline: string } | null> {
  return db.storyPlan.findFirst({ where: { articleId, ...visibleTo(actor) }, select: { id: true, headline: true } });
}

export type PlanWeek = { days: string[]; timeZone: string; plans: PlanRow[]; articles: CalendarArticle[] };

/** The week holding `day` in the site's time zone: plans due then, and articles scheduled or published then. */
export async function getPlanWeek(actor: StaffUser, day: string): Promise<PlanWeek> {
  const { timeZone } = await getSite();
  const days = weekOf(day);
  const range = { gte: dayRange(days[0]!, timeZone).gte, lt: dayRange(days[6]!, timeZone).lt };
  const [plans, articles] = await Promise.all([
    db.storyPlan.findMany({ where: { dueAt: range, ...visibleTo(actor) }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], take: PLAN_LIST_LIMIT, select }),
    listCalendarArticles(actor, range.gte, range.lt),
  ]);
  return { days, timeZone, plans: plans.map(toRow), articles };
}
