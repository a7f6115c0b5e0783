// GET /api/v1/articles/:idOrSlug — one published article, body as HTML and structured JSON
import { apiPreflight } from '@/lib/api/cors';
import { getPublishedArticle } from '@/lib/api/content';
import { withApiKey } from '@/lib/api/handler';
import { articleResponseSchema } from '@/lib/api/schemas';
import { articleParamsSchema, articleQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: articleResponseSchema, query: articleQuerySchema, params: articleParamsSchema }, ({ params, query }) => getPublishedArticle(params.idOrSlug, query));

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflight;
