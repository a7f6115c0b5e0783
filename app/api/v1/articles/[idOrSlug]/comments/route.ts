// GET /api/v1/articles/:idOrSlug/comments — approved comments of a published article
import { apiPreflight } from '@/lib/api/cors';
import { listPublishedArticleComments } from '@/lib/api/content';
import { withApiKey } from '@/lib/api/handler';
import { commentListResponseSchema } from '@/lib/api/schemas';
import { articleParamsSchema, listCommentsQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: commentListResponseSchema, query: listCommentsQuerySchema, params: articleParamsSchema }, ({ params, query }) =>
  listPublishedArticleComments(params.idOrSlug, query),
);

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflight;
