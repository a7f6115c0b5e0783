// GET /api/v1/sections — every section, in navigation order
import { apiPreflight } from '@/lib/api/cors';
import { listApiSections } from '@/lib/api/content';
import { withApiKey } from '@/lib/api/handler';
import { EVERY_PAGE } from '@/lib/cache';
import { sectionListResponseSchema } from '@/lib/api/schemas';
import { listSectionsQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: sectionListResponseSchema, query: listSectionsQuerySchema }, ({ query, tag }) => {
  // A section changes with the navigation on every page (lib/cache invalidateSection).
  tag(EVERY_PAGE);
  return listApiSections(query);
});

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflight;
