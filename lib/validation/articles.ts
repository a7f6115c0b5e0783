import { z } from 'zod';
import { bodyDocSchema, MEDIA_ID } from '@/lib/articles/body-schema';

/** Tags typed as "climate, energy policy" -> ["climate", "energy policy"] (trimmed, de-duplicated, case-insensitive). */
const tagList = z
  .string()
  .max(500, 'Keep the tags under 500 characters.')
  .transform((v) => {
    const seen = new Set<string>();
    return v
      .split(',')
      .map((t) => t.trim().replace(/\s+/g, ' '))
      .filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
  })
  .pipe(z.array(z.string().max(40, 'Each tag must be 40 characters or fewer.')).max(12, 'Use at most 12 tags.'));

/**
 * The rich-text editor's document, posted as JSON in a hidden field. Parsed and checked
 * against bodyDocSchema (unknown nodes refused, unknown attributes dropped); the server
 * renders its own HTML from it, so nothing the browser sends is trusted as markup.
 */
const bodyJson = z
  .string()
  .max(2_000_000, 'The body is too long.')
  .transform((v, ctx) => {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The body could not be read. Reload the page and try again.' });
      return z.NEVER;
    }
  })
  .pipe(bodyDocSchema);

/** The article editor form, shared by the browser form and the server action. */
export const articleFormSchema = z.object({
  title: z.string().trim().min(1, 'Give the article a title.').max(200, 'Keep the title under 200 characters.'),
  standfirst: z.string().trim().max(400, 'Keep the standfirst under 400 characters.').default(''),
  /** Plain text (paragraphs separated by blank lines), for clients without the rich-text editor. */
  body: z.string().max(200_000, 'The body is too long (200,000 characters at most).').default(''),
  /** The structured body; when present it wins over `body`. */
  bodyJson: z.preprocess((v) => (v === '' || v === null ? undefined : v), bodyJson.optional()),
  sectionId: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => v || null),
  tags: tagList.default([]),
  /** The hero image's media id; '' removes it, absent leaves it as it is. */
  heroImageId: z.preprocess(
    (v) => (v === '' ? null : v === null ? undefined : v),
    z.string().trim().regex(MEDIA_ID, 'Choose the hero image again from the media library.').nullable().optional(),
  ),
});
export type ArticleFormInput = z.input<typeof articleFormSchema>;
export type ArticleFormData = z.output<typeof articleFormSchema>;

export const articleIntentSchema = z.enum(['save', 'publish', 'submit', 'unpublish', 'schedule']);
export type ArticleIntent = z.infer<typeof articleIntentSchema>;

export const articleVersionSchema = z.coerce.number().int().min(1);

/** The "Publish at" field: wall-clock time in the site's time zone, as a datetime-local input sends it. */
export const publishAtSchema = z
  .string({ error: 'Choose the date and time to publish.' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Choose the date and time to publish.');
