// The Broadsheet export format, version 1: one JSON object holding the whole site, with the media
// files in a tar archive beside it. These zod schemas are the source of truth: the JSON Schema
// in docs/broadsheet-export.schema.json is generated from them (a test keeps the two equal), and
// the "broadsheet" import source validates what it reads with them.
// No server-only import: plain schemas.
import { z } from 'zod';

export const EXPORT_FORMAT = 'broadsheet-export';
export const EXPORT_VERSION = 1;

const id = z.string().min(1);
const date = z.iso.datetime({ offset: true });

export const exportUserSchema = z.object({
  id,
  name: z.string(),
  email: z.string(),
  slug: z.string(),
  role: z.enum(['ADMIN', 'EDITOR', 'AUTHOR', 'CONTRIBUTOR']),
  bio: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  active: z.boolean(),
  createdAt: date,
});

export const exportSectionSchema = z.object({ id, name: z.string(), slug: z.string(), description: z.string().nullable(), position: z.number().int() });
export const exportTagSchema = z.object({ id, name: z.string(), slug: z.string(), description: z.string().nullable() });

export const exportMediaSchema = z.object({
  id,
  filename: z.string(),
  mimeType: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  alt: z.string(),
  caption: z.string().nullable(),
  credit: z.string().nullable(),
  createdAt: date,
  /** The original file's path inside the media archive. */
  file: z.string(),
});

export const exportArticleSchema = z.object({
  id,
  title: z.string(),
  slug: z.string(),
  standfirst: z.string(),
  status: z.enum(['DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED']),
  publishedAt: date.nullable(),
  scheduledAt: date.nullable(),
  createdAt: date,
  updatedAt: date,
  /** User ids, byline order. */
  authorIds: z.array(id),
  sectionId: id.nullable(),
  tagIds: z.array(id),
  heroImageId: id.nullable(),
  seo: z.object({ title: z.string().nullable(), description: z.string().nullable(), canonicalUrl: z.string().nullable(), socialImageId: id.nullable() }),
  sticky: z.boolean(),
  commentsOpen: z.boolean(),
  /** The editor's structured body (ProseMirror-style JSON) and the HTML rendered from it. */
  body: z.object({ json: z.unknown(), html: z.string() }),
});

export const exportCommentSchema = z.object({
  id,
  articleId: id,
  parentId: id.nullable(),
  status: z.enum(['PENDING', 'APPROVED', 'SPAM', 'TRASH']),
  authorName: z.string(),
  /** Only in exports made with personal data. */
  authorEmail: z.string().optional(),
  authorUrl: z.string().nullable(),
  /** Only in exports made with personal data (the IP itself is never stored). */
  ipHash: z.string().nullable().optional(),
  userId: id.nullable(),
  body: z.string(),
  createdAt: date,
});

/** A planned story of the story budget (/admin/planning); `notes` are the plan's own planning notes. */
export const exportPlanSchema = z.object({
  id,
  headline: z.string(),
  notes: z.string(),
  status: z.enum(['IDEA', 'ASSIGNED', 'WRITING', 'EDITING', 'READY', 'PUBLISHED']),
  targetWords: z.number().int().nullable(),
  dueAt: date.nullable(),
  assigneeId: id.nullable(),
  sectionId: id.nullable(),
  /** The article started from the plan. */
  articleId: id.nullable(),
  createdAt: date,
});

/** An inline note on an article's body, with its thread: only in exports made with notes. */
export const exportArticleNoteSchema = z.object({
  id,
  articleId: id,
  /** The passage as it read when the note was started. */
  quote: z.string(),
  resolved: z.boolean(),
  authorId: id.nullable(),
  createdAt: date,
  messages: z.array(z.object({ authorId: id.nullable(), body: z.string(), createdAt: date })),
});

export const exportRedirectSchema = z.object({ fromPath: z.string(), toPath: z.string(), statusCode: z.number().int() });
export const exportSettingSchema = z.object({ key: z.string(), value: z.unknown() });

export const broadsheetExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: date,
  site: z.object({ name: z.string(), url: z.string().nullable() }),
  withPersonalData: z.boolean(),
  /** The media archive's file name, beside this file (null when the site has no media). */
  mediaArchive: z.string().nullable(),
  settings: z.array(exportSettingSchema),
  users: z.array(exportUserSchema),
  sections: z.array(exportSectionSchema),
  tags: z.array(exportTagSchema),
  media: z.array(exportMediaSchema),
  articles: z.array(exportArticleSchema),
  comments: z.array(exportCommentSchema),
  /** Absent in files from before story plans were exported. */
  plans: z.array(exportPlanSchema).optional(),
  /** Only in exports made with notes (the newsroom's discussions never leave otherwise). */
  notes: z.array(exportArticleNoteSchema).optional(),
  redirects: z.array(exportRedirectSchema),
});

export type ExportUser = z.infer<typeof exportUserSchema>;
export type ExportArticle = z.infer<typeof exportArticleSchema>;
export type ExportComment = z.infer<typeof exportCommentSchema>;
export type ExportMedia = z.infer<typeof exportMediaSchema>;
export type ExportPlan = z.infer<typeof exportPlanSchema>;
export type ExportArticleNote = z.infer<typeof exportArticleNoteSchema>;

/** The order of the arrays in the file: what an article refers to comes before it, comments after. */
export const EXPORT_SECTIONS = ['settings', 'users', 'sections', 'tags', 'media', 'articles', 'comments', 'plans', 'notes', 'redirects'] as const;
