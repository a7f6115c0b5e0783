// GET /api/v1/pages — published static pages (About, Terms…), by title
import { apiPreflight } from '@/lib/api/cors';
import { withApiKey } from '@/lib/api/handler';
import { pageTags } from '@/lib/cache';
import { pageListResponseSchema } from '@/lib/api/schemas';
import { listApiPages } from '@/lib/pages/content-api';
import { listPagesQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: pageListResponseSchema, query: listPagesQuerySchema }, ({ query, tag }) => {
  // Every change to a published page refreshes the sitemaps (lib/cache invalidateStaticPage).
  tag(pageTags.sitemaps);
  return listApiPages(query);
});

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflight;
