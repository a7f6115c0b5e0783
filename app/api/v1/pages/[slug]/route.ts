// GET /api/v1/pages/:slug — one published static page, body as HTML and structured JSON
import { apiPreflight } from '@/lib/api/cors';
import { withApiKey } from '@/lib/api/handler';
import { pageTags } from '@/lib/cache';
import { pageResponseSchema } from '@/lib/api/schemas';
import { getApiPage } from '@/lib/pages/content-api';
import { noQuerySchema, pageParamsSchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: pageResponseSchema, query: noQuerySchema, params: pageParamsSchema }, ({ params, tag }) => {
  // Every change to a published page refreshes the sitemaps (lib/cache invalidateStaticPage).
  tag(pageTags.sitemaps);
  return getApiPage(params.slug);
});

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflight;
