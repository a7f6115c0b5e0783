import { z } from 'zod';
import { bodyDocSchema } from '@/lib/articles/body-schema';
import { updateMediaSchema } from '@/lib/validation/media';
import { menuLocationSchema, saveMenuSchema } from '@/lib/validation/menus';
import { PLAN_STATUSES } from '@/lib/validation/planning';
import { updateSectionSchema } from '@/lib/validation/taxonomy';

// Request bodies of the admin API (/api/v1/admin). These check the shape of what a client sends
// (types, unknown fields); the field rules themselves (lengths, tag lists, the body document)
// are the dashboard's own schemas, applied by lib/api/admin/articles.ts.

/** A path id: `{id}` in /api/v1/admin/…/{id}. */
export const adminIdParamsSchema = z.object({ id: z.string().trim().min(1).max(40) });

const articleFields = {
  title: z.string().describe('The headline (at most 200 characters).'),
  standfirst: z.string().describe('The summary under the headline (at most 400 characters).'),
  section: z.string().max(80).nullable().describe('The section’s slug; null for none.'),
  tags: z.array(z.string().max(40)).max(12).describe('Tag names; new names create tags.'),
  body: bodyDocSchema.describe('The body as the editor’s structured document.'),
  html: z.string().max(2_000_000).describe('The body as HTML, converted and sanitised into the editor’s document. Send body or html, not both.'),
  heroImageId: z.string().max(40).nullable().describe('A media id from POST /admin/media; null removes the hero image.'),
};

const oneBody = (v: { body?: unknown; html?: unknown }) => !(v.body !== undefined && v.html !== undefined);
const ONE_BODY = { message: 'Send the body as body (structured JSON) or as html, not both.', path: ['html'] };

/** POST /api/v1/admin/articles. */
export const createAdminArticleSchema = z
  .object({
    ...articleFields,
    standfirst: articleFields.standfirst.optional(),
    section: articleFields.section.optional(),
    tags: articleFields.tags.optional(),
    body: articleFields.body.optional(),
    html: articleFields.html.optional(),
    heroImageId: articleFields.heroImageId.optional(),
  })
  .strict()
  .refine(oneBody, ONE_BODY);
export type CreateAdminArticleInput = z.output<typeof createAdminArticleSchema>;

/** PATCH /api/v1/admin/articles/{id}: only the fields sent change. */
export const updateAdminArticleSchema = z.object(articleFields).partial().strict().refine(oneBody, ONE_BODY);
export type UpdateAdminArticleInput = z.output<typeof updateAdminArticleSchema>;

export const ARTICLE_TRANSITIONS = ['submit', 'publish', 'schedule', 'unpublish', 'archive'] as const;
export type ArticleTransition = (typeof ARTICLE_TRANSITIONS)[number];
export const articleTransitionParamsSchema = adminIdParamsSchema.extend({ transition: z.enum(ARTICLE_TRANSITIONS) });

/** POST …/{id}/schedule. */
export const scheduleArticleSchema = z.object({ at: z.iso.datetime({ offset: true, error: 'Give the time as an ISO 8601 date-time, e.g. 2030-01-31T09:00:00Z.' }) }).strict();

/** The statuses an article has over the API, lower-case. */
export const ADMIN_ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'archived'] as const;

/** POST …/tags/{id}/merge: the tag to merge into. */
/** PATCH /api/v1/admin/sections/{id} and /tags/{id}: the dashboard's rename form; the version comes as If-Match. */
export const adminRenameSchema = updateSectionSchema.omit({ id: true, version: true }).strict();

/** PATCH /api/v1/admin/media/{id}: the library's edit form, only the fields sent change (focal point in percent, null for the centre). */
export const adminMediaUpdateSchema = updateMediaSchema.partial().strict();

export const mergeTagBodySchema = z.object({ into: z.string().trim().min(1, 'Name the tag to merge into (its id).').max(40) }).strict();

/** GET /api/v1/admin/comments?status= */
export const ADMIN_COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;
export const adminCommentsQuerySchema = z
  .object({
    status: z.enum(ADMIN_COMMENT_STATUSES).default('pending'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();
export const COMMENT_ACTIONS = ['approve', 'spam', 'trash'] as const;
export const commentActionParamsSchema = adminIdParamsSchema.extend({ action: z.enum(COMMENT_ACTIONS) });

/** POST /api/v1/admin/media: the image's words, sent beside the file (the library's own limits). */
export const adminMediaTextSchema = z.object({
  alt: updateMediaSchema.shape.alt.default(''),
  caption: updateMediaSchema.shape.caption.default(''),
  credit: updateMediaSchema.shape.credit.default(''),
});

const pageFields = {
  title: z.string().describe('The page title (at most 200 characters).'),
  slug: z.string().max(80).describe('Its address under the site root (/about): lowercase letters, digits and hyphens; made from the title when left out.'),
  standfirst: z.string().describe('The summary under the title (at most 400 characters).'),
  body: bodyDocSchema.describe('The body as the editor’s structured document.'),
  html: z.string().max(2_000_000).describe('The body as HTML, converted and sanitised into the editor’s document. Send body or html, not both.'),
  seoTitle: z.string().nullable().describe('The title search engines show; null for the page title.'),
  seoDescription: z.string().nullable().describe('The description search engines show; null for the standfirst.'),
};

/** POST /api/v1/admin/pages. */
export const createAdminPageSchema = z
  .object({
    ...pageFields,
    slug: pageFields.slug.optional(),
    standfirst: pageFields.standfirst.optional(),
    body: pageFields.body.optional(),
    html: pageFields.html.optional(),
    seoTitle: pageFields.seoTitle.optional(),
    seoDescription: pageFields.seoDescription.optional(),
  })
  .strict()
  .refine(oneBody, ONE_BODY);
export type CreateAdminPageInput = z.output<typeof createAdminPageSchema>;

/** PATCH /api/v1/admin/pages/{id}: only the fields sent change. */
export const updateAdminPageSchema = z.object(pageFields).partial().strict().refine(oneBody, ONE_BODY);
export type UpdateAdminPageInput = z.output<typeof updateAdminPageSchema>;

/** Pages have no review step: editors publish them directly. */
export const PAGE_TRANSITIONS = ['publish', 'schedule', 'unpublish'] as const;
export type PageTransition = (typeof PAGE_TRANSITIONS)[number];
export const pageTransitionParamsSchema = adminIdParamsSchema.extend({ transition: z.enum(PAGE_TRANSITIONS) });

/** The statuses a page has over the API, lower-case. */
export const ADMIN_PAGE_STATUSES = ['draft', 'scheduled', 'published'] as const;

/** /api/v1/admin/menus/{location}. */
export const menuParamsSchema = z.object({ location: menuLocationSchema });

/** PUT /api/v1/admin/menus/{location}: the whole menu, its links in order (the menu editor's own rules). */
export const putAdminMenuSchema = z.object({ items: saveMenuSchema.shape.items.describe('The links in order, each with its sub-links (one level).') }).strict();
export type PutAdminMenuInput = z.output<typeof putAdminMenuSchema>;

const planFields = {
  headline: z.string().describe('The working headline (at most 200 characters).'),
  assigneeId: z.string().max(40).nullable().describe('The id of the active staff user writing it; null for nobody.'),
  sectionId: z.string().max(40).nullable().describe('The id of its section; null for none.'),
  targetWords: z.number().int().nullable().describe('The length asked for, in words (1 to 50,000); null for none.'),
  due: z.string().max(19).nullable().describe('When it is due, as a wall-clock time in the site’s time zone ("2026-12-10T15:30"); null for undated.'),
  notes: z.string().describe('Notes for the desk (at most 4,000 characters).'),
  status: z.enum(PLAN_STATUSES).describe('Where the story is; Published is set by publishing its article, or by an editor.'),
};

/** POST /api/v1/admin/plans: the plan form's fields (the form's own rules apply after this shape check). */
export const createAdminPlanSchema = z
  .object({
    ...planFields,
    assigneeId: planFields.assigneeId.optional(),
    sectionId: planFields.sectionId.optional(),
    targetWords: planFields.targetWords.optional(),
    due: planFields.due.optional(),
    notes: planFields.notes.optional(),
    status: planFields.status.optional(),
  })
  .strict();

/** PATCH /api/v1/admin/plans/{id}: only status and notes is a writer's progress; any other field needs an editor. */
export const adminPlanPatchSchema = z.object(planFields).partial().strict();
export type AdminPlanPatch = z.output<typeof adminPlanPatchSchema>;

/** GET /api/v1/admin/plans: the planning list's filters. Without `day`, stories published before today are left out. */
export const adminPlansQuerySchema = z
  .object({
    section: z.string().max(40).optional().describe('A section id.'),
    assignee: z.string().max(40).optional().describe('A staff user id.'),
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the day as YYYY-MM-DD.')
      .optional()
      .describe('Plans due that day (site time zone), YYYY-MM-DD.'),
  })
  .strict();
export type PlanListQuery = z.output<typeof adminPlansQuerySchema>;

/** POST /api/v1/admin/alerts: the alert form's fields, times as ISO instants (now and until ended when left out). */
export const adminAlertSchema = z
  .object({
    text: z.string().describe('What readers see at the top of every page (at most 280 characters).'),
    link: z.string().optional().describe('A path on this site (/articles/storm) or a full https:// address.'),
    level: z.enum(['BREAKING', 'DEVELOPING', 'LIVE']),
    startsAt: z.iso.datetime({ offset: true, error: 'Give the start as an ISO date-time, e.g. 2026-12-10T15:30:00Z.' }).optional(),
    endsAt: z.iso.datetime({ offset: true, error: 'Give the end as an ISO date-time, e.g. 2026-12-10T18:00:00Z.' }).optional(),
  })
  .strict();

/** /api/v1/admin/articles/{id}/live/{start|end}. */
export const liveIntentParamsSchema = adminIdParamsSchema.extend({ intent: z.enum(['start', 'end']) });
/** /api/v1/admin/articles/{id}/live/updates/{updateId}. */
export const liveUpdateParamsSchema = adminIdParamsSchema.extend({ updateId: z.string().trim().min(1).max(40) });

const liveUpdateFields = {
  headline: z.string().describe('An optional headline over the update (at most 200 characters).'),
  body: bodyDocSchema.describe('The update as the editor’s structured document.'),
  html: z.string().max(2_000_000).describe('The update as HTML, converted and sanitised into the editor’s document. Send body or html, not both.'),
  keyEvent: z.boolean().describe('Shown among the key events.'),
  pinned: z.boolean().describe('Kept at the top.'),
};
/** POST …/live/updates: an update on open coverage. */
export const createAdminLiveUpdateSchema = z
  .object({
    ...liveUpdateFields,
    headline: liveUpdateFields.headline.optional(),
    body: liveUpdateFields.body.optional(),
    html: liveUpdateFields.html.optional(),
    keyEvent: liveUpdateFields.keyEvent.optional(),
    pinned: liveUpdateFields.pinned.optional(),
  })
  .strict()
  .refine((v) => (v.body === undefined) !== (v.html === undefined), { message: 'Send the update as body or as html, one of them.', path: ['body'] });
/** PATCH …/live/updates/{updateId}: only the fields sent change. */
export const updateAdminLiveUpdateSchema = z
  .object(liveUpdateFields)
  .partial()
  .strict()
  .refine((v) => v.body === undefined || v.html === undefined, { message: 'Send body or html, not both.', path: ['body'] });
