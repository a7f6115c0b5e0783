// Query parameters of the content API (/api/v1). The same schemas validate requests in
// lib/api/handler.ts and describe the parameters in the OpenAPI document (lib/api/openapi.ts).
import { z } from 'zod';
import { decodeCursor, decodeRankCursor } from '@/lib/api/cursor';

const slugParam = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `Use the ${what}'s slug: lowercase letters, digits and hyphens.`)
    .describe(`Only articles with this ${what} (slug).`);

const isoDateParam = (description: string) =>
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'Use an ISO 8601 date or date-time, e.g. 2026-11-29 or 2026-11-29T12:00:00Z.' })
    .transform((v) => new Date(v))
    .describe(description);

/** GET /api/v1/articles. Strict: a misspelt parameter is an error, not a silently unfiltered list. */
export const listArticlesQuerySchema = z
  .object({
    section: slugParam('section').optional(),
    tag: slugParam('tag').optional(),
    author: slugParam('author').optional(),
    q: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'Full-text search in the title, standfirst and body (stemmed: "elections" finds "election"). ' +
          'Words must all match; use "a phrase", OR between alternatives and -word to exclude. ' +
          'With q the list is ranked by relevance (title matches first) instead of newest first, and covers the 1,000 best matches; the other filters still apply.',
      ),
    published_before: isoDateParam('Only articles published strictly before this date or date-time.').optional(),
    published_after: isoDateParam('Only articles published strictly after this date or date-time.').optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20).describe('Articles per page, 1–100.'),
    cursor: z
      .string()
      .max(200)
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return undefined;
        const cursor = decodeCursor(v) ?? decodeRankCursor(v);
        if (!cursor) {
          ctx.addIssue({ code: 'custom', message: 'This cursor is not valid: pass meta.next from the previous page unchanged.' });
          return z.NEVER;
        }
        return cursor;
      })
      .describe('The meta.next value of the previous page.'),
  })
  .strict();
export type ListArticlesQuery = z.output<typeof listArticlesQuerySchema>;

/** Endpoints that take no query parameters (other than the key). */
export const noQuerySchema = z.object({}).strict();

/** The [idOrSlug] path segment. */
export const articleParamsSchema = z.object({
  idOrSlug: z.string().trim().min(1).max(200).describe('The article id or its slug.'),
});
