// Pure rules of the story budget, shared by the domain, the screens and their unit tests.
import { PLAN_STATUSES, type PlanStatus } from '@/lib/validation/planning';

/** Where an article's own status puts its plan at least (a draft is being written, in review is editing…). */
const IMPLIED: Record<string, PlanStatus> = { DRAFT: 'WRITING', IN_REVIEW: 'EDITING', SCHEDULED: 'READY', PUBLISHED: 'PUBLISHED' };

/**
 * The status a plan shows: its own until it has an article, then the article leads. A published
 * article makes it Published; otherwise the later of the plan's status and the article's step
 * (an editor may mark a draft Ready), but never Published while the article is not out.
 */
export function shownPlanStatus(stored: PlanStatus, articleStatus: string | null | undefined): PlanStatus {
  if (!articleStatus) return stored;
  if (articleStatus === 'PUBLISHED') return 'PUBLISHED';
  const implied = IMPLIED[articleStatus] ?? 'WRITING';
  const rank = (s: PlanStatus) => PLAN_STATUSES.indexOf(s);
  const later = rank(stored) > rank(implied) ? stored : implied;
  return later === 'PUBLISHED' ? 'READY' : later;
}

/** "412 of 800 words", "412 words" without a target, or null before any draft. */
export function lengthAgainstTarget(actual: number | null | undefined, target: number | null | undefined): string | null {
  const n = (v: number) => v.toLocaleString('en-GB');
  if (actual === null || actual === undefined) return target ? `Target ${n(target)} words` : null;
  return target ? `${n(actual)} of ${n(target)} words` : `${n(actual)} words`;
}

const DAY_MS = 86_400_000;
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The seven days (Monday first, "YYYY-MM-DD") of the week holding `day`. */
export function weekOf(day: string): string[] {
  const ms = Date.parse(`${day}T00:00:00Z`);
  const monday = ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: 7 }, (_, i) => toIso(monday + i * DAY_MS));
}

/** The day `by` days after `day`. */
export function addDays(day: string, by: number): string {
  return toIso(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS);
}
