import { z } from 'zod';
import { pageNumberSchema } from '@/lib/validation/pages';

/** Longest query accepted; longer input is cut rather than refused, as search engines do. */
export const SEARCH_QUERY_MAX = 200;

/** `q` as typed into a search box: trimmed, whitespace collapsed, at most 200 characters. */
export const searchQuerySchema = z.string().transform((v) => v.replace(/\s+/g, ' ').trim().slice(0, SEARCH_QUERY_MAX).trim());

/** `/search?q=&page=`: anything unusable is an empty query or the first page, never an error. */
export const searchPageParamsSchema = z.object({
  q: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), searchQuerySchema.catch('').default('')),
  page: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), pageNumberSchema.default(1)),
});
export type SearchPageParams = z.output<typeof searchPageParamsSchema>;
