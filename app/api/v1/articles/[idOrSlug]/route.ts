// GET /api/v1/articles/:idOrSlug — one published article, body as HTML and structured JSON
import { getPublishedArticle } from '@/lib/api/content';
import { withApiKey } from '@/lib/api/handler';
import { articleResponseSchema } from '@/lib/api/schemas';
import { articleParamsSchema, noQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: articleResponseSchema, query: noQuerySchema, params: articleParamsSchema }, ({ params }) => getPublishedArticle(params.idOrSlug));
