import { z } from 'zod';
import { bodyDocSchema, MEDIA_ID } from '@/lib/articles/body-schema';
import { formCheckbox, formId, formList } from '@/lib/validation/form';

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
export const bodyJsonFieldSchema = z
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
  title: z.string({ error: 'Give the article a title.' }).trim().min(1, 'Give the article a title.').max(200, 'Keep the title under 200 characters.'),
  standfirst: z.string().trim().max(400, 'Keep the standfirst under 400 characters.').default(''),
  /** Plain text (paragraphs separated by blank lines), for clients without the rich-text editor. */
  body: z.string().max(200_000, 'The body is too long (200,000 characters at most).').default(''),
  /** The structured body; when present it wins over `body`. */
  bodyJson: z.preprocess((v) => (v === '' || v === null ? undefined : v), bodyJsonFieldSchema.optional()),
  sectionId: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => v || null),
  tags: tagList.default([]),
  /** The hero image's media id; '' removes it, absent leaves it as it is. */
  heroImageId: z.preprocess((v) => (v === '' ? null : v === null ? undefined : v), z.string().trim().regex(MEDIA_ID, 'Choose the hero image again from the media library.').nullable().optional()),
});
export type ArticleFormInput = z.input<typeof articleFormSchema>;
export type ArticleFormData = z.output<typeof articleFormSchema>;

export const articleIntentSchema = z.enum(['save', 'publish', 'submit', 'unpublish', 'schedule']);
export type ArticleIntent = z.infer<typeof articleIntentSchema>;

export const articleVersionSchema = z.coerce.number().int().min(1);

/** The "Publish at" field: wall-clock time in the site's time zone, as a datetime-local input sends it. */
export const publishAtSchema = z.string({ error: 'Choose the date and time to publish.' }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Choose the date and time to publish.');

const blankAsMissing = (v: unknown) => (v === '' ? undefined : v);

/**
 * The editor's form as posted: the button pressed (`intent`), the article and the version it was
 * loaded at (none for a new one), its fields and, to schedule, "Publish at".
 */
export const saveArticleFormSchema = articleFormSchema
  .extend({
    intent: articleIntentSchema,
    id: z.preprocess(blankAsMissing, formId.optional()),
    version: z.preprocess(blankAsMissing, articleVersionSchema.optional()),
    // Checked only for a schedule: any other button ignores the field.
    publishAt: z.preprocess(blankAsMissing, z.string().max(40).optional()),
    // Sent by the co-editing editor: title, standfirst and body are taken from the shared document.
    shared: z.preprocess(blankAsMissing, z.literal('1').optional()),
  })
  .superRefine((v, ctx) => {
    if (v.intent === 'schedule' && !publishAtSchema.safeParse(v.publishAt).success) ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'Choose the date and time to publish.' });
  });

/** "Restore this version" on an article's history. */
export const restoreRevisionFormSchema = z.object({ articleId: formId, revisionId: formId, version: articleVersionSchema });

/** "Archive article" / "Restore to draft" on the edit page. */
export const archiveArticleFormSchema = z.object({ articleId: formId, op: z.enum(['archive', 'restore']) });

/** "Delete permanently" on an archived article, confirmed by typing "delete". */
export const deleteArticleFormSchema = z.object({
  articleId: formId,
  confirm: z
    .string()
    .default('')
    .pipe(
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.literal('delete', { error: 'Type delete to confirm; nothing was deleted.' })),
    ),
});

/** Statuses the dashboard filters by. */
export const articleStatusSchema = z.enum(['DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED']);
export const DASHBOARD_SORTS = ['updated', 'published', 'title'] as const;

/** An optional id-like search param: anything odd is ignored rather than failing the page. */
const optionalParam = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined)
    .catch(undefined);

export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

/**
 * A keyset position in the articles list: the sort's value (an ISO date, a title, or null for a
 * never-published article in the publication sort) and the id of the row, for one sort only.
 */
export type DashboardCursor = { sort: DashboardSort; value: string | null; id: string };

const cursorTupleSchema = z.tuple([z.enum(DASHBOARD_SORTS), z.string().max(400).nullable(), z.string().min(1).max(40)]);

/** The cursor as it travels in the URL: base64url JSON, opaque to readers. */
export function encodeDashboardCursor(c: DashboardCursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.value, c.id])).toString('base64url');
}

/** A URL cursor, or undefined when it is missing, mangled or self-contradictory (a title sort with a null title, a bad date). */
export const dashboardCursorSchema = z
  .string()
  .max(800)
  .regex(/^[A-Za-z0-9_-]+$/)
  .transform((raw, ctx): DashboardCursor => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    } catch {
      parsed = undefined;
    }
    const t = cursorTupleSchema.safeParse(parsed);
    const ok =
      t.success &&
      (t.data[0] === 'title' ? t.data[1] !== null : t.data[0] === 'published' || t.data[1] !== null) &&
      (t.data[0] === 'title' || t.data[1] === null || z.iso.datetime({ offset: true }).safeParse(t.data[1]).success);
    if (!ok || !t.success) {
      ctx.addIssue({ code: 'custom', message: 'Not a list position' });
      return z.NEVER;
    }
    return { sort: t.data[0], value: t.data[1], id: t.data[2] };
  })
  .optional()
  .catch(undefined);

/** The highest page number reachable by number (an offset read); deeper pages go by cursor. */
export const DASHBOARD_MAX_JUMP_PAGE = 200;

/**
 * The articles list's URL query (/admin/articles?status=DRAFT&section=…&q=…&sort=title&page=2).
 * Every field falls back to its default on bad input, so a mangled link still shows a list.
 * `after`/`before` are keyset cursors ("Next"/"Previous page"); with one, `page` only labels
 * the page. Without one, `page` is read by offset and capped at DASHBOARD_MAX_JUMP_PAGE.
 */
export const dashboardArticlesQuerySchema = z
  .object({
    status: articleStatusSchema.optional().catch(undefined),
    section: optionalParam(40),
    author: optionalParam(40),
    tag: optionalParam(40),
    q: optionalParam(100),
    sort: z.enum(DASHBOARD_SORTS).default('updated').catch('updated'),
    page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
    after: dashboardCursorSchema,
    before: dashboardCursorSchema,
  })
  .transform((q) => {
    // A cursor from another sort, or both directions at once, is ignored: the list starts over.
    const after = q.after?.sort === q.sort && !q.before ? q.after : undefined;
    const before = q.before?.sort === q.sort && !q.after ? q.before : undefined;
    const page = after || before ? q.page : Math.min(q.page, DASHBOARD_MAX_JUMP_PAGE);
    return { ...q, after, before, page };
  });
export type DashboardArticlesQuery = z.output<typeof dashboardArticlesQuerySchema>;

/** One chunk of a bulk action from the articles list. */
export const bulkArticlesSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('archive'), ids: z.array(z.string().min(1).max(40)).min(1).max(50) }),
  z.object({
    op: z.literal('move'),
    ids: z.array(z.string().min(1).max(40)).min(1).max(50),
    sectionId: z
      .string()
      .max(40)
      .transform((v) => v || null),
  }),
]);
export type BulkArticlesInput = z.input<typeof bulkArticlesSchema>;

const idList = (max: number, message: string) => z.array(z.string().trim().min(1).max(40)).max(max, message);
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => v || null);

/** The editor's "Details" panel: byline, comments, SEO and pinned related articles. */
export const articleDetailsSchema = z.object({
  authorIds: idList(10, 'Use at most 10 names in the byline.')
    .min(1, 'Keep at least one author in the byline.')
    .refine((ids) => new Set(ids).size === ids.length, 'Each author can appear in the byline only once.'),
  commentsOpen: z.boolean(),
  seoTitle: optionalText(120, 'Keep the search title under 120 characters (about 60 show in results).'),
  seoDescription: optionalText(320, 'Keep the description under 320 characters (about 155 show in results).'),
  canonicalUrl: z
    .string()
    .trim()
    .max(500, 'Keep the canonical URL under 500 characters.')
    .refine((v) => !v || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)), 'Enter a full web address starting with https:// (or leave it empty).')
    .transform((v) => v || null),
  socialImageId: z
    .string()
    .trim()
    .max(40)
    .transform((v) => v || null),
  relatedIds: idList(6, 'Pin at most 6 related articles.').refine((ids) => new Set(ids).size === ids.length, 'Each related article can be pinned once.'),
  /** The details version the panel loaded: a save made from an older one is refused, never applied over a colleague's. */
  detailsVersion: z.coerce.number().int('Reload the article before saving its details.').min(1, 'Reload the article before saving its details.'),
});
export type ArticleDetailsInput = z.input<typeof articleDetailsSchema>;

/** The Details panel as posted: the byline and pinned lists (one field per entry) and the comments checkbox. */
export const articleDetailsFormSchema = articleDetailsSchema.extend({
  articleId: formId,
  authorIds: formList(z.string()).pipe(articleDetailsSchema.shape.authorIds),
  relatedIds: formList(z.string()).pipe(articleDetailsSchema.shape.relatedIds),
  commentsOpen: formCheckbox,
  seoTitle: z.string().default('').pipe(articleDetailsSchema.shape.seoTitle),
  seoDescription: z.string().default('').pipe(articleDetailsSchema.shape.seoDescription),
  canonicalUrl: z.string().default('').pipe(articleDetailsSchema.shape.canonicalUrl),
  socialImageId: z.string().default('').pipe(articleDetailsSchema.shape.socialImageId),
});
export type ArticleDetails = z.output<typeof articleDetailsSchema>;

/** SEO length hints: what search results and social cards show before truncating. */
export const SEO_TITLE_HINT = 60;
export const SEO_DESCRIPTION_HINT = 155;
