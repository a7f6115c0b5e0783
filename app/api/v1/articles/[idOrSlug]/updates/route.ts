// GET /api/v1/articles/:idOrSlug/updates — a published article's live coverage and its updates
import { apiPreflight } from '@/lib/api/cors';
import { listPublishedLiveUpdates } from '@/lib/api/content';
import { withApiKey } from '@/lib/api/handler';
import { liveUpdatesResponseSchema } from '@/lib/api/schemas';
import { articleParamsSchema, noQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: liveUpdatesResponseSchema, query: noQuerySchema, params: articleParamsSchema }, ({ params }) => listPublishedLiveUpdates(params.idOrSlug));

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflight;
