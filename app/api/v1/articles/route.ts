// GET /api/v1/articles — list published articles (filters, cursor pagination)
import { apiPreflight } from '@/lib/api/cors';
import { listPublishedArticles } from '@/lib/api/content';
import { withApiKey } from '@/lib/api/handler';
import { articleListResponseSchema } from '@/lib/api/schemas';
import { listArticlesQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: articleListResponseSchema, query: listArticlesQuerySchema }, ({ query }) => listPublishedArticles(query));

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflight;
