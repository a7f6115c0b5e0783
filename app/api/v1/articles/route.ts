// GET /api/v1/articles — list published articles (filters, cursor pagination)
import { apiPreflight } from '@/lib/api/cors';
import { listPublishedArticles } from '@/lib/api/content';
import { withApiKey } from '@/lib/api/handler';
import { articleTags, pageTags } from '@/lib/cache';
import { articleListResponseSchema } from '@/lib/api/schemas';
import { listArticlesQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: articleListResponseSchema, query: listArticlesQuerySchema }, async ({ query, tag }) => {
  const list = await listPublishedArticles(query);
  tag(pageTags.latest, ...articleTags(list.data));
  return list;
});

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflight;
