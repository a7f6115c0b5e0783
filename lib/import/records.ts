// The neutral import format: what every source (WordPress WXR, Ghost JSON, later a Broadsheet
// export) is read into before anything touches the database. Readers yield these records as an
// async iterator; the import job applies them. Every record carries `source` + `originalId`, the
// key the job stores for idempotency. Values are already mapped onto Broadsheet's rules (slugs,
// statuses, title length, the editor's body JSON); whatever the mapping changed or dropped is
// said in `notes`, so the job's report can list it.
//
// No server-only import: these are plain zod schemas and types the dashboard's report view may share.
import { z } from 'zod';
import { bodyDocSchema, IMAGE_TEXT_LIMITS } from '@/lib/articles/body-schema';

export const IMPORT_SOURCES = ['wordpress', 'ghost', 'broadsheet'] as const;
export const importSourceSchema = z.enum(IMPORT_SOURCES);
export type ImportSource = z.infer<typeof importSourceSchema>;

/** Broadsheet's limits that imported values are fitted into (the article form's own limits). */
export const IMPORT_LIMITS = { title: 200, standfirst: 400, slug: 80, name: 60, userName: 100, bio: 1000, seoTitle: 200, seoDescription: 400 } as const;

/** Something the mapping changed or could not keep, for the import report. `code` groups them. */
export const importNoteSchema = z.object({ code: z.string().min(1), message: z.string().min(1) });
export type ImportNote = z.infer<typeof importNoteSchema>;

const id = z.string().min(1).max(200);
const isoDate = z.iso.datetime({ offset: true });
/** Paths (with query, e.g. `/2019/03/harbour/` or `/?p=12`) the item answered at on the old site: redirect sources. */
const oldPaths = z.array(z.string().startsWith('/')).default([]);
const notes = z.array(importNoteSchema).default([]);
const base = { source: importSourceSchema, originalId: id, notes };

/** What the export says about the site it came from. Always the first record. */
export const siteRecordSchema = z.object({
  kind: z.literal('site'),
  source: importSourceSchema,
  title: z.string(),
  description: z.string(),
  /** The old site's public URL (WordPress base_blog_url), when the export says. */
  url: z.string().nullable(),
  language: z.string().nullable(),
  /** WXR version ("1.2") or Ghost version ("5.82.0"). */
  formatVersion: z.string().nullable(),
});

/** A person: WordPress author or Ghost staff user. The job makes them inactive Authors with no password. */
export const userRecordSchema = z.object({
  kind: z.literal('user'),
  ...base,
  login: z.string(),
  /** Lower-cased; '' when the export has none (WXR 1.0). */
  email: z.string(),
  displayName: z.string().min(1).max(IMPORT_LIMITS.userName),
  /** Suggested author slug (Broadsheet rules); the job makes it unique. */
  slug: z.string().min(1).max(IMPORT_LIMITS.slug),
  bio: z.string().max(IMPORT_LIMITS.bio).nullable(),
  website: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  /** The source's role name (Administrator, Editor…), for the report only. */
  originalRole: z.string().nullable(),
  oldPaths,
});

/** A term as a post refers to it: enough for the job to find or create it without a lookup table. */
export const termRefSchema = z.object({
  originalId: id,
  name: z.string().min(1).max(IMPORT_LIMITS.name),
  slug: z.string().min(1).max(IMPORT_LIMITS.slug),
  /** 'category' for a WordPress category turned into a tag (the post's second and later categories). */
  taxonomy: z.enum(['category', 'tag']),
});
export type TermRef = z.infer<typeof termRefSchema>;

/** A WordPress category, to become a section. Ghost primary tags arrive only as post.section refs. */
export const sectionRecordSchema = z.object({
  kind: z.literal('section'),
  ...base,
  name: z.string().min(1).max(IMPORT_LIMITS.name),
  slug: z.string().min(1).max(IMPORT_LIMITS.slug),
  description: z.string().nullable(),
  /** Sections are flat in Broadsheet; the parent is kept for the report and for nested category paths. */
  parentOriginalId: id.nullable(),
  oldPaths,
});

export const tagRecordSchema = z.object({
  kind: z.literal('tag'),
  ...base,
  name: z.string().min(1).max(IMPORT_LIMITS.name),
  slug: z.string().min(1).max(IMPORT_LIMITS.slug),
  description: z.string().nullable(),
  oldPaths,
});

/** A file in the source's media library (WordPress attachment). */
export const mediaRecordSchema = z.object({
  kind: z.literal('media'),
  ...base,
  /** Absolute URL of the original file, or root-relative when the export gave no site URL. */
  url: z.string().min(1),
  /** Path under the uploads tree (`wp-content/uploads`, Ghost `content/images`), for `--media-dir`. */
  relativePath: z.string().nullable(),
  filename: z.string(),
  /** Guessed from the file name; the job sniffs the bytes anyway. */
  mimeType: z.string().nullable(),
  title: z.string(),
  alt: z.string().max(IMAGE_TEXT_LIMITS.alt),
  caption: z.string().max(IMAGE_TEXT_LIMITS.caption),
  description: z.string(),
  /** The post it was uploaded to. */
  parentOriginalId: id.nullable(),
  createdAt: isoDate.nullable(),
  /** The attachment page (`/?attachment_id=12`, its permalink). */
  oldPaths,
});

/** One image of a converted body: the node's placeholder media id and where the file comes from. */
export const bodyImageRefSchema = z.object({
  /** The image node's `mediaId` until the job resolves it (`resolveBodyImages`). */
  key: z.string().regex(/^imp[a-z0-9]{5,37}$/),
  url: z.string().nullable(),
  /** The source's own media id (WordPress attachment id from wp-image-N / block attrs / [gallery ids]). */
  attachmentId: z.string().nullable(),
  /** A Broadsheet media id, when the HTML came from Broadsheet's own editor markup. */
  mediaId: z.string().nullable(),
  relativePath: z.string().nullable(),
  /** Alt text as the source had it ('' when it had none: the node then carries a stand-in). */
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
});
export type BodyImageRef = z.infer<typeof bodyImageRefSchema>;

const countMap = z.record(z.string(), z.number().int().min(0));
/** What a body conversion could not carry over, counted by kind. */
export const bodyReportSchema = z.object({
  /** Shortcodes left in the text as typed, by name. */
  unknownShortcodes: countMap,
  /** Removed for safety: script, style, iframe, object, form, event-handler, unsafe-link, data-image… */
  removed: countMap,
  /** Kept in a simpler form or dropped as layout: table, code-block, h1, h5, strikethrough, dynamic-block… */
  simplified: countMap,
});
export type BodyReport = z.infer<typeof bodyReportSchema>;

/** A body converted to the editor's document; image nodes hold `key` placeholders until resolved. */
export const convertedBodySchema = z.object({
  doc: bodyDocSchema,
  images: z.array(bodyImageRefSchema),
  report: bodyReportSchema,
});
export type ConvertedBody = z.infer<typeof convertedBodySchema>;

export const imageSourceSchema = z.object({
  url: z.string().nullable(),
  attachmentId: z.string().nullable(),
  relativePath: z.string().nullable(),
  alt: z.string().max(IMAGE_TEXT_LIMITS.alt),
  caption: z.string().max(IMAGE_TEXT_LIMITS.caption),
  credit: z.string().max(IMAGE_TEXT_LIMITS.credit),
});
export type ImageSource = z.infer<typeof imageSourceSchema>;

export const ARTICLE_IMPORT_STATUSES = ['DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED'] as const;
/** Why a post that was public (or meant to be) on the source arrives as a draft. */
export const DRAFT_REASONS = ['private', 'password-protected', 'members-only', 'paid-members-only', 'email-only', 'unknown-status'] as const;

/** A post (kind 'post' → article) or a static page (kind 'page' → page). */
export const contentRecordSchema = z.object({
  kind: z.enum(['post', 'page']),
  ...base,
  /** The item's permalink on the old site. */
  originalUrl: z.string().nullable(),
  oldPaths,
  title: z.string().min(1).max(IMPORT_LIMITS.title),
  /** Suggested slug (Broadsheet rules); the job makes it unique (duplicate slugs are possible). */
  slug: z.string().min(1).max(IMPORT_LIMITS.slug),
  originalSlug: z.string(),
  status: z.enum(ARTICLE_IMPORT_STATUSES),
  originalStatus: z.string(),
  /** Set when the status was lowered to DRAFT; the job lists these in the report. */
  draftReason: z.enum(DRAFT_REASONS).nullable(),
  publishedAt: isoDate.nullable(),
  scheduledAt: isoDate.nullable(),
  createdAt: isoDate.nullable(),
  updatedAt: isoDate.nullable(),
  /** Users' originalIds, byline order. */
  authorIds: z.array(id),
  /** The section (WordPress primary category, Ghost primary tag). */
  section: termRefSchema.nullable(),
  tags: z.array(termRefSchema),
  standfirst: z.string().max(IMPORT_LIMITS.standfirst),
  seo: z.object({
    title: z.string().max(IMPORT_LIMITS.seoTitle).nullable(),
    description: z.string().max(IMPORT_LIMITS.seoDescription).nullable(),
    canonicalUrl: z.string().nullable(),
    ogTitle: z.string().nullable(),
    ogDescription: z.string().nullable(),
    ogImageUrl: z.string().nullable(),
    twitterTitle: z.string().nullable(),
    twitterDescription: z.string().nullable(),
    twitterImageUrl: z.string().nullable(),
  }),
  featuredImage: imageSourceSchema.nullable(),
  sticky: z.boolean(),
  commentsOpen: z.boolean(),
  body: convertedBodySchema,
  /** Pages: the parent page and the menu order. */
  parentOriginalId: id.nullable(),
  menuOrder: z.number().int(),
});
export type ContentRecord = z.infer<typeof contentRecordSchema>;

export const COMMENT_IMPORT_STATUSES = ['APPROVED', 'PENDING', 'SPAM', 'TRASH'] as const;

/** A comment; it follows its post in the stream, replies after their parents. */
export const commentRecordSchema = z.object({
  kind: z.literal('comment'),
  ...base,
  postOriginalId: id,
  /** null for a top-level comment (also when the parent is not in the export: see notes). */
  parentOriginalId: id.nullable(),
  status: z.enum(COMMENT_IMPORT_STATUSES),
  /** Pingbacks and trackbacks are to be skipped and reported by the job. */
  type: z.enum(['comment', 'pingback', 'trackback']),
  originalType: z.string(),
  authorName: z.string().max(IMPORT_LIMITS.userName),
  authorEmail: z.string(),
  authorUrl: z.string().nullable(),
  /** As exported: the job stores only its hash. */
  authorIp: z.string().nullable(),
  /** The user's originalId when a staff member wrote it. */
  userOriginalId: id.nullable(),
  /** Plain text, paragraphs separated by blank lines (Comment.body is plain text). */
  body: z.string(),
  createdAt: isoDate.nullable(),
});
export type CommentRecord = z.infer<typeof commentRecordSchema>;

export const menuItemSchema = z.object({
  originalId: id,
  parentOriginalId: id.nullable(),
  order: z.number().int(),
  label: z.string(),
  /** What it links to; `targetOriginalId` names the section/tag/page/post record, `url` the rest. */
  type: z.enum(['section', 'tag', 'page', 'post', 'author', 'url']),
  targetOriginalId: id.nullable(),
  url: z.string().nullable(),
  openInNewTab: z.boolean(),
});
export type MenuItem = z.infer<typeof menuItemSchema>;

/** A navigation menu; WordPress does not export which theme location showed it, Ghost does (header/footer). */
export const menuRecordSchema = z.object({
  kind: z.literal('menu'),
  ...base,
  name: z.string(),
  slug: z.string(),
  location: z.enum(['header', 'footer']).nullable(),
  /** Parents before children, in order. Broadsheet menus have one level of nesting: deeper items are the job's to flatten. */
  items: z.array(menuItemSchema),
});

/** A planned story of the story budget (Broadsheet exports only); the plan's own planning notes in `planNotes`. */
export const planRecordSchema = z.object({
  kind: z.literal('plan'),
  ...base,
  headline: z.string().min(1).max(IMPORT_LIMITS.title),
  planNotes: z.string().max(4000),
  status: z.enum(['IDEA', 'ASSIGNED', 'WRITING', 'EDITING', 'READY', 'PUBLISHED']),
  targetWords: z.number().int().min(1).max(100_000).nullable(),
  dueAt: isoDate.nullable(),
  assigneeOriginalId: id.nullable(),
  sectionOriginalId: id.nullable(),
  /** The post record of the article started from the plan. */
  postOriginalId: id.nullable(),
  createdAt: isoDate.nullable(),
});

/** An item the source had that Broadsheet does not import (custom post type, trashed post, internal tag…). */
export const skippedRecordSchema = z.object({
  kind: z.literal('skipped'),
  ...base,
  /** What it was: 'post', 'product', 'wp_block', 'internal tag'… */
  what: z.string(),
  title: z.string(),
  reason: z.string(),
});

/** A problem in the file itself (malformed XML recovered from, a body that failed to convert). */
export const warningRecordSchema = z.object({
  kind: z.literal('warning'),
  source: importSourceSchema,
  message: z.string(),
  /** Line in the file, when known. */
  line: z.number().int().nullable(),
});

export const importRecordSchema = z.discriminatedUnion('kind', [
  siteRecordSchema,
  userRecordSchema,
  sectionRecordSchema,
  tagRecordSchema,
  mediaRecordSchema,
  contentRecordSchema,
  commentRecordSchema,
  menuRecordSchema,
  planRecordSchema,
  skippedRecordSchema,
  warningRecordSchema,
]);

export type SiteRecord = z.infer<typeof siteRecordSchema>;
export type UserRecord = z.infer<typeof userRecordSchema>;
export type SectionRecord = z.infer<typeof sectionRecordSchema>;
export type TagRecord = z.infer<typeof tagRecordSchema>;
export type MediaRecord = z.infer<typeof mediaRecordSchema>;
export type MenuRecord = z.infer<typeof menuRecordSchema>;
export type PlanRecord = z.infer<typeof planRecordSchema>;
export type SkippedRecord = z.infer<typeof skippedRecordSchema>;
export type WarningRecord = z.infer<typeof warningRecordSchema>;
export type ImportRecord = z.infer<typeof importRecordSchema>;
/** Records before validation fills defaults (what readers build). */
export type ImportRecordInput = z.input<typeof importRecordSchema>;

/** Progress of a reader through its file, for the job's progress bar. Readers read the file twice. */
export type ReadProgress = { pass: 1 | 2; bytesRead: number; totalBytes: number | null };

/** The file to read: a path (read twice), or something that can open it again for each pass. */
export type ImportInput = string | { open: () => AsyncIterable<string | Uint8Array>; size?: number | null };

export type ReaderOptions = {
  onProgress?: (progress: ReadProgress) => void;
};
