import 'server-only';
import { z } from 'zod';
import { bodyNodeSchema } from '@/lib/api/schemas';
import { ADMIN_ARTICLE_STATUSES, ADMIN_PAGE_STATUSES } from '@/lib/validation/admin-api';
import { MENU_ITEM_KINDS, MENU_LOCATIONS } from '@/lib/validation/menus';
import { PLAN_STATUSES } from '@/lib/validation/planning';

// Response shapes of the admin API (/api/v1/admin). lib/api/admin/* is typed against them and
// the OpenAPI document is generated from them; every object is strict, as in the content API.

const dateTime = z.iso.datetime();
const nameSlug = z.object({ name: z.string(), slug: z.string() }).strict();

export const adminArticleSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    version: z.number().int().describe('Send it back as If-Match ("<version>") to change the article; the ETag header carries it too.'),
    status: z.enum(ADMIN_ARTICLE_STATUSES),
    url: z.string().nullable().describe('Path of the article on the public site while it is published, else null.'),
    title: z.string(),
    standfirst: z.string(),
    section: nameSlug.nullable(),
    tags: z.array(z.string()),
    body: z.object({ type: z.literal('doc'), content: z.array(bodyNodeSchema) }).strict(),
    heroImageId: z.string().nullable(),
    authors: z.array(z.object({ name: z.string() }).strict()),
    publishedAt: dateTime.nullable(),
    scheduledAt: dateTime.nullable(),
    updatedAt: dateTime,
  })
  .strict();

export const adminPageSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    version: z.number().int().describe('Send it back as If-Match ("<version>") to change the page; the ETag header carries it too.'),
    status: z.enum(ADMIN_PAGE_STATUSES),
    url: z.string().nullable().describe('Path of the page on the public site while it is published, else null.'),
    title: z.string(),
    standfirst: z.string(),
    body: z.object({ type: z.literal('doc'), content: z.array(bodyNodeSchema) }).strict(),
    seoTitle: z.string().nullable(),
    seoDescription: z.string().nullable(),
    publishedAt: dateTime.nullable(),
    scheduledAt: dateTime.nullable(),
    updatedAt: dateTime,
  })
  .strict();
export const adminPageSummarySchema = adminPageSchema
  .pick({ id: true, slug: true, version: true, status: true, url: true, title: true, publishedAt: true, scheduledAt: true, updatedAt: true })
  .strict();

const menuLink = z
  .object({
    label: z.string().describe('Empty for a section, page or tag: the link shows its name.'),
    kind: z.enum(MENU_ITEM_KINDS),
    targetId: z.string().nullable().describe('The section, page or tag linked to (kind section, page or tag).'),
    url: z.string().nullable().describe('The address (kind url).'),
  })
  .strict();
export const adminMenuSchema = z
  .object({
    location: z.enum(MENU_LOCATIONS),
    version: z.number().int().describe('0 for a menu never saved. Send it back as If-Match ("<version>") to replace the menu.'),
    items: z.array(menuLink.extend({ children: z.array(menuLink) }).strict()),
  })
  .strict();

const rowVersion = (what: string) => z.number().int().describe(`Send it back as If-Match ("<version>") to change the ${what}; the ETag header carries it too.`);

export const adminSectionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    position: z.number().int(),
    version: rowVersion('section'),
    articleCount: z.number().int(),
  })
  .strict();
export const adminTagSchema = z.object({ id: z.string(), name: z.string(), slug: z.string(), description: z.string().nullable(), version: rowVersion('tag'), articleCount: z.number().int() }).strict();
/** A section or tag as a rename leaves it. */
export const adminRenamedSchema = z.object({ id: z.string(), name: z.string(), slug: z.string(), description: z.string().nullable(), version: rowVersion('section or tag') }).strict();

export const adminCommentSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    status: z.string(),
    authorName: z.string(),
    authorUrl: z.string().nullable(),
    body: z.string().describe('Plain text; escape it before rendering.'),
    createdAt: dateTime,
    isStaff: z.boolean(),
    openReports: z.number().int(),
    version: rowVersion('comment (moderate it)'),
    article: nameSlug.omit({ name: true }).extend({ title: z.string() }).strict(),
  })
  .strict();

export const adminMediaSchema = z
  .object({
    id: z.string().describe('Use it as heroImageId or in an image node of a structured body.'),
    filename: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    alt: z.string(),
    caption: z.string(),
    credit: z.string(),
    thumbnailUrl: z.string().describe('Empty until status is READY.'),
    uploadedBy: z.string().nullable(),
    status: z
      .enum(['PROCESSING', 'READY', 'FAILED'])
      .describe('PROCESSING right after upload (its sizes are made in the background; public pages leave it out), READY once usable, FAILED with processingError.'),
    processingError: z.string().nullable(),
    version: rowVersion('image’s text or focal point, or to delete it'),
  })
  .strict();

const idName = z.object({ id: z.string(), name: z.string() }).strict();
export const adminPlanSchema = z
  .object({
    id: z.string(),
    version: rowVersion('plan'),
    headline: z.string(),
    notes: z.string(),
    status: z.enum(PLAN_STATUSES).describe('As stored (what PATCH changes).'),
    shownStatus: z.enum(PLAN_STATUSES).describe('As the budget shows it: once the plan has its article, the article’s state leads.'),
    targetWords: z.number().int().nullable(),
    due: z.string().nullable().describe('Wall-clock time in the site’s time zone ("2026-12-10T15:30"), as PATCH takes it.'),
    dueAt: dateTime.nullable(),
    assignee: idName.nullable(),
    section: idName.nullable(),
    article: z.object({ id: z.string(), title: z.string(), status: z.string(), wordCount: z.number().int() }).strict().nullable(),
  })
  .strict();
export type AdminPlan = z.input<typeof adminPlanSchema>;

export const adminAlertSchema = z
  .object({ id: z.string(), text: z.string(), link: z.string().nullable(), level: z.enum(['BREAKING', 'DEVELOPING', 'LIVE']), startsAt: dateTime, endsAt: dateTime.nullable() })
  .strict();
export const adminCorrectionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['CORRECTION', 'CLARIFICATION', 'UPDATE']),
    label: z.string(),
    note: z.string(),
    createdAt: dateTime,
    withdrawnAt: dateTime.nullable().describe('Set once withdrawn: readers no longer see it.'),
  })
  .strict();

export const adminLiveCoverageSchema = z.object({ startedAt: dateTime.nullable(), endedAt: dateTime.nullable(), open: z.boolean() }).strict();
export const adminLiveUpdateSchema = z
  .object({
    id: z.string(),
    headline: z.string().nullable(),
    html: z.string().describe('Rendered and sanitised by the server from the update’s document.'),
    keyEvent: z.boolean(),
    pinned: z.boolean(),
    version: rowVersion('update'),
    createdAt: dateTime,
    updatedAt: dateTime,
    author: z.string().nullable(),
  })
  .strict();

const envelope = <T extends z.ZodType>(data: T) => z.object({ data }).strict();

/** Every admin response body, by the name it gets under components.schemas. */
export const ADMIN_COMPONENTS = {
  AdminArticle: adminArticleSchema,
  AdminArticleResponse: envelope(adminArticleSchema),
  AdminDeletedResponse: envelope(z.object({ id: z.string(), deleted: z.literal(true) }).strict()),
  AdminPage: adminPageSchema,
  AdminPageResponse: envelope(adminPageSchema),
  AdminPageListResponse: envelope(z.array(adminPageSummarySchema)),
  AdminMenuResponse: envelope(adminMenuSchema),
  AdminSectionListResponse: envelope(z.array(adminSectionSchema)),
  AdminSectionCreatedResponse: envelope(z.object({ id: z.string(), slug: z.string(), version: rowVersion('section') }).strict()),
  AdminTagListResponse: envelope(z.array(adminTagSchema)),
  AdminRenamedResponse: envelope(adminRenamedSchema),
  AdminTagMergedResponse: envelope(z.object({ from: z.string(), into: z.string(), moved: z.number().int() }).strict()),
  AdminCommentListResponse: envelope(z.object({ comments: z.array(adminCommentSchema), page: z.number().int(), pages: z.number().int(), total: z.number().int() }).strict()),
  AdminModeratedResponse: envelope(z.object({ id: z.string(), status: z.string(), version: rowVersion('comment') }).strict()),
  AdminMediaResponse: envelope(adminMediaSchema),
  AdminPlan: adminPlanSchema,
  AdminPlanResponse: envelope(adminPlanSchema),
  AdminPlanListResponse: envelope(z.array(adminPlanSchema)),
  AdminAlertResponse: envelope(adminAlertSchema),
  AdminAlertListResponse: envelope(z.array(adminAlertSchema)),
  AdminAlertEndedResponse: envelope(z.object({ id: z.string(), ended: z.literal(true) }).strict()),
  AdminCorrectionResponse: envelope(adminCorrectionSchema),
  AdminCorrectionListResponse: envelope(z.array(adminCorrectionSchema)),
  AdminLiveCoverageResponse: envelope(adminLiveCoverageSchema),
  AdminLiveUpdateResponse: envelope(adminLiveUpdateSchema),
  AdminLiveResponse: envelope(
    z
      .object({ coverage: adminLiveCoverageSchema, updates: z.array(adminLiveUpdateSchema.extend({ body: z.record(z.string(), z.unknown()).describe('The update’s structured document.') }).strict()) })
      .strict(),
  ),
} satisfies Record<string, z.ZodType>;

export type AdminArticle = z.input<typeof adminArticleSchema>;
export type AdminPage = z.input<typeof adminPageSchema>;
export type AdminPageSummary = z.input<typeof adminPageSummarySchema>;
export type AdminMenu = z.input<typeof adminMenuSchema>;
