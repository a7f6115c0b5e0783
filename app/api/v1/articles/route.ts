// GET /api/v1/articles — list published articles (filters, cursor pagination)
import { listPublishedArticles } from '@/lib/api/content';
import { withApiKey } from '@/lib/api/handler';
import { articleListResponseSchema } from '@/lib/api/schemas';
import { listArticlesQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: articleListResponseSchema, query: listArticlesQuerySchema }, ({ query }) => listPublishedArticles(query));
