// GET /api/v1/articles/:idOrSlug — one published article, body as HTML and structured JSON
import { apiPreflight } from '@/lib/api/cors';
import { getPublishedArticle } from '@/lib/api/content';
import { withApiKey } from '@/lib/api/handler';
import { pageTags } from '@/lib/cache';
import { articleResponseSchema } from '@/lib/api/schemas';
import { articleParamsSchema, articleQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: articleResponseSchema, query: articleQuerySchema, params: articleParamsSchema }, async ({ params, query, tag }) => {
  const article = await getPublishedArticle(params.idOrSlug, query);
  tag(pageTags.article(article.data.id));
  return article;
});

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflight;
