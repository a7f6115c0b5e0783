// GET /api/v1/sections — every section, in navigation order
import { apiPreflight } from '@/lib/api/cors';
import { listApiSections } from '@/lib/api/content';
import { withApiKey } from '@/lib/api/handler';
import { sectionListResponseSchema } from '@/lib/api/schemas';
import { listSectionsQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: sectionListResponseSchema, query: listSectionsQuerySchema }, ({ query }) => listApiSections(query));

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflight;
