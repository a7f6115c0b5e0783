import 'server-only';
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '@/lib/errors';

// Response shapes of the content API. Route handlers are typed against them and the
// OpenAPI document is generated from them, so the contract and the code cannot drift.
// Every object is strict (additionalProperties: false in the document): a contract test
// then fails if a field such as a commenter's email ever leaks into a response.

const dateTime = z.iso.datetime();

/** A node of the structured body (ProseMirror/TipTap-compatible), described generically so clients may skip unknown node types. */
export type BodyNode = { type: string; text?: string; attrs?: Record<string, unknown>; marks?: { type: string; attrs?: Record<string, unknown> }[]; content?: BodyNode[] };
export const bodyNodeSchema: z.ZodType<BodyNode> = z.lazy(() =>
  z
    .object({
      type: z.string(),
      text: z.string().optional(),
      attrs: z.record(z.string(), z.unknown()).optional(),
      marks: z.array(z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() }).strict()).optional(),
      content: z.array(bodyNodeSchema).optional(),
    })
    .strict(),
);

export const sectionRefSchema = z.object({ name: z.string(), slug: z.string() }).strict();
export const tagRefSchema = z.object({ name: z.string(), slug: z.string() }).strict();
export const authorRefSchema = z.object({ name: z.string(), slug: z.string() }).strict();

export const authorSchema = z.object({ name: z.string(), slug: z.string(), bio: z.string().nullable() }).strict();

export const correctionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['CORRECTION', 'CLARIFICATION', 'UPDATE']),
    note: z.string().describe('Plain text; escape it before rendering.'),
    createdAt: dateTime,
    withdrawnAt: dateTime.nullable().describe('When the note was withdrawn; it stays on the record.'),
  })
  .strict();

const FIELDS_NOTE = 'Present unless `fields` leaves it out.';
const INCLUDE_NOTE = 'Present only when named in `include`.';

/** An article in a list. `fields` may leave any field but id out; related objects come with `include`. */
export const articleSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string().optional().describe(FIELDS_NOTE),
    title: z.string().optional().describe(FIELDS_NOTE),
    standfirst: z.string().optional().describe(FIELDS_NOTE),
    url: z.string().optional().describe(`Path of the article on the public site. ${FIELDS_NOTE}`),
    publishedAt: dateTime.optional().describe(FIELDS_NOTE),
    updatedAt: dateTime.optional().describe(FIELDS_NOTE),
    section: sectionRefSchema.nullable().optional().describe(`${INCLUDE_NOTE} null when the article has no section.`),
    tags: z.array(tagRefSchema).optional().describe(INCLUDE_NOTE),
    authors: z.array(authorRefSchema).optional().describe(INCLUDE_NOTE),
  })
  .strict();

export const articleSchema = articleSummarySchema
  .extend({
    authors: z.array(authorSchema).optional().describe(INCLUDE_NOTE),
    wordCount: z.number().int().optional().describe(FIELDS_NOTE),
    commentsOpen: z.boolean().optional().describe(FIELDS_NOTE),
    body: z
      .object({
        html: z.string().describe('Sanitised HTML rendered on the server.'),
        json: z.object({ type: z.literal('doc'), content: z.array(bodyNodeSchema) }).strict(),
      })
      .strict()
      .optional()
      .describe(FIELDS_NOTE),
    corrections: z.array(correctionSchema).optional().describe(`Corrections, clarifications and updates, oldest first. ${FIELDS_NOTE}`),
  })
  .strict();

export const alertSchema = z
  .object({
    id: z.string(),
    text: z.string().describe('Plain text; escape it before rendering.'),
    link: z.string().nullable().describe('A path on the site or a full URL, or null.'),
    level: z.enum(['BREAKING', 'DEVELOPING', 'LIVE']),
    startsAt: dateTime,
    endsAt: dateTime.nullable().describe('null: up until an editor ends it.'),
  })
  .strict();
export const currentAlertResponseSchema = z.object({ data: alertSchema.nullable().describe('The alert live now, or null.') }).strict();

export const liveUpdateSchema = z
  .object({
    id: z.string(),
    headline: z.string().nullable(),
    html: z.string().describe('Sanitised HTML rendered on the server.'),
    keyEvent: z.boolean(),
    pinned: z.boolean(),
    createdAt: dateTime,
    updatedAt: dateTime,
    author: z.string().nullable().describe('Name of the person who posted it.'),
  })
  .strict();
export const liveUpdatesResponseSchema = z
  .object({
    data: z
      .object({
        coverage: z.object({ startedAt: dateTime.nullable(), endedAt: dateTime.nullable(), open: z.boolean() }).strict(),
        updates: z.array(liveUpdateSchema).describe('Pinned updates first, then newest first.'),
      })
      .strict(),
  })
  .strict();

export const sectionSchema = z.object({ name: z.string(), slug: z.string(), description: z.string().nullable() }).strict();
export const tagSchema = z.object({ name: z.string(), slug: z.string(), description: z.string().nullable() }).strict();
export const commentSchema = z
  .object({ id: z.string(), parentId: z.string().nullable(), authorName: z.string(), body: z.string().describe('Plain text; escape it before rendering.'), createdAt: dateTime })
  .strict();

export const pageMetaSchema = z.object({ limit: z.number().int(), next: z.string().nullable().describe('Cursor of the next page, or null on the last page.') }).strict();

/** A published static page (About, Terms) in a list. */
export const pageSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    standfirst: z.string(),
    url: z.string().describe('Path of the page on the public site.'),
    publishedAt: dateTime,
    updatedAt: dateTime,
  })
  .strict();
export const staticPageSchema = pageSummarySchema
  .extend({
    seoTitle: z.string().nullable(),
    seoDescription: z.string().nullable(),
    body: z.object({ html: z.string().describe('Sanitised HTML rendered on the server.'), json: z.object({ type: z.literal('doc'), content: z.array(bodyNodeSchema) }).strict() }).strict(),
  })
  .strict();
export const pageListResponseSchema = z.object({ data: z.array(pageSummarySchema), meta: pageMetaSchema }).strict();
export const pageResponseSchema = z.object({ data: staticPageSchema }).strict();

export const articleListResponseSchema = z.object({ data: z.array(articleSummarySchema), meta: pageMetaSchema }).strict();
export const articleResponseSchema = z.object({ data: articleSchema }).strict();
export const sectionListResponseSchema = z.object({ data: z.array(sectionSchema), meta: pageMetaSchema }).strict();
export const tagListResponseSchema = z.object({ data: z.array(tagSchema), meta: pageMetaSchema }).strict();
export const authorListResponseSchema = z.object({ data: z.array(authorSchema), meta: pageMetaSchema }).strict();
export const commentListResponseSchema = z.object({ data: z.array(commentSchema), meta: pageMetaSchema }).strict();

export const errorResponseSchema = z
  .object({
    error: z
      .object({
        code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
        message: z.string(),
        details: z.record(z.string(), z.array(z.string())).nullable().describe('Messages per parameter or field, when the failure concerns some.'),
      })
      .strict(),
  })
  .strict();

export type ArticleListResponse = z.input<typeof articleListResponseSchema>;
export type ArticleResponse = z.input<typeof articleResponseSchema>;
export type ArticleSummary = z.input<typeof articleSummarySchema>;
export type ApiErrorResponse = z.input<typeof errorResponseSchema>;
