import { z } from 'zod';
import { formId } from './form';
import { formVersionSchema } from './version';

// The story budget (/admin/planning): forms shared by the browser and the server actions, and the
// list's search params. Due times are wall-clock times in the site's time zone.

export const PLAN_STATUSES = ['IDEA', 'ASSIGNED', 'WRITING', 'EDITING', 'READY', 'PUBLISHED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { IDEA: 'Idea', ASSIGNED: 'Assigned', WRITING: 'Writing', EDITING: 'Editing', READY: 'Ready', PUBLISHED: 'Published' };
export const PLAN_STATUS_OPTIONS = PLAN_STATUSES.map((value) => ({ value, label: PLAN_STATUS_LABELS[value] }));

function dayExists(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day);
}

const blankAsMissing = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const planStatusSchema = z.enum(PLAN_STATUSES, { error: 'Choose a status from the list.' });
const notesSchema = z.string().trim().max(4000, 'Keep the notes under 4,000 characters.').default('');

/** The plan form editors fill in (new plan, edit plan). */
export const planFormSchema = z.object({
  headline: z.string({ error: 'Give the story a working headline.' }).trim().min(1, 'Give the story a working headline.').max(200, 'Keep the headline under 200 characters.'),
  assigneeId: z.preprocess(blankAsMissing, formId.optional()),
  sectionId: z.preprocess(blankAsMissing, formId.optional()),
  targetWords: z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: 'Enter the target length as a number of words.' })
      .int('Enter a whole number of words.')
      .min(1, 'Enter at least 1 word.')
      .max(50_000, 'Keep the target under 50,000 words.')
      .optional(),
  ),
  due: z.preprocess(
    blankAsMissing,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, { error: 'Choose the due date and time.', abort: true })
      .refine((v) => dayExists(v.slice(0, 10)), 'Choose a date that exists.')
      .optional(),
  ),
  notes: notesSchema,
  status: planStatusSchema.default('IDEA'),
});
export type PlanFormData = z.output<typeof planFormSchema>;

/** What the plan's assignee may change on their own plan (writers): its status and notes. */
export const planProgressFormSchema = z.object({ notes: notesSchema, status: planStatusSchema });
export type PlanProgressFormData = z.output<typeof planProgressFormSchema>;

/** A button or form that acts on one plan, with the version it was rendered at. */
export const planIdFormSchema = z.object({ planId: formId, version: formVersionSchema });

/** A calendar day, "YYYY-MM-DD", that exists (not 2026-02-30). */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Choose a day.', abort: true })
  .refine(dayExists, 'Choose a day that exists.');
const optionalParam = <T extends z.ZodType>(s: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, s.optional().catch(undefined));

/** /admin/planning's filters; a value that cannot be read is ignored rather than refused. */
export const planListQuerySchema = z.object({
  section: optionalParam(formId),
  assignee: optionalParam(formId),
  day: optionalParam(isoDay),
});
export type PlanListQuery = z.output<typeof planListQuerySchema>;

/** /admin/planning/week: the week that holds `week` (a day), this week when missing. */
export const planWeekQuerySchema = z.object({ week: optionalParam(isoDay) });
