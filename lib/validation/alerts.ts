import { z } from 'zod';

export const ALERT_LEVELS = ['BREAKING', 'DEVELOPING', 'LIVE'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export const ALERT_LEVEL_LABELS: Record<AlertLevel, string> = { BREAKING: 'Breaking', DEVELOPING: 'Developing', LIVE: 'Live' };
export const ALERT_LEVEL_OPTIONS = ALERT_LEVELS.map((value) => ({ value, label: ALERT_LEVEL_LABELS[value] }));

const blankAsMissing = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const wallTime = (label: string) =>
  z.preprocess(
    blankAsMissing,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, `Choose the ${label} as a date and time.`)
      .optional(),
  );

/** A link on the site (/articles/x) or a full http(s) address. */
export const alertLinkSchema = z
  .string()
  .trim()
  .max(2000, 'Keep the link under 2,000 characters.')
  .refine((v) => (v.startsWith('/') && !v.startsWith('//')) || /^https?:\/\/[^\s]+$/i.test(v), 'Enter a path on this site such as /articles/storm, or a full https:// address.');

/** The "Publish alert" form of /admin/alerts; times are wall-clock times in the site's time zone. */
export const publishAlertFormSchema = z.object({
  text: z.string().trim().min(1, 'Write the alert readers will see.').max(280, 'Keep the alert under 280 characters.'),
  link: z.preprocess(blankAsMissing, alertLinkSchema.optional()),
  level: z.enum(ALERT_LEVELS, { error: 'Choose Breaking, Developing or Live.' }),
  startAt: wallTime('start'),
  endAt: wallTime('end'),
});
export type PublishAlertForm = z.output<typeof publishAlertFormSchema>;

export const endAlertFormSchema = z.object({ alertId: z.string().trim().min(1).max(40) });
