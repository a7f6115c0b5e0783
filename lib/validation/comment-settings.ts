import { z } from 'zod';

/** One entry per line (or comma), trimmed, lower-cased, unique; as lib/comments/rules reads lists. */
const wordListText = z
  .string()
  .max(20_000, 'Please keep the list under 20,000 characters.')
  .default('')
  .transform((text) => [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((w) => w.trim().toLowerCase())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().max(200, 'Each entry must be under 200 characters.')).max(1000, 'Please keep each list under 1,000 entries.'));

const whole = (min: number, max: number, message: string) => z.coerce.number({ message }).int(message).min(min, message).max(max, message);

/** The comment settings form (admins); the stored shape is lib/settings/comments. */
export const commentSettingsFormSchema = z.object({
  maxLinks: whole(0, 100, 'Enter a whole number from 0 to 100.'),
  moderationWords: wordListText,
  blockWords: wordListText,
  autoApproveKnown: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
  threadDepth: whole(1, 10, 'Enter a whole number from 1 to 10.'),
  closeAfterDays: whole(0, 3650, 'Enter a number of days from 0 (never) to 3650.'),
  minSeconds: whole(0, 3600, 'Enter a number of seconds from 0 (off) to 3600.'),
});
