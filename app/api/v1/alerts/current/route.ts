// GET /api/v1/alerts/current — the breaking-news alert live now, or null
import { getCurrentAlert } from '@/lib/alerts';
import { apiPreflight } from '@/lib/api/cors';
import { withApiKey } from '@/lib/api/handler';
import { currentAlertResponseSchema } from '@/lib/api/schemas';
import { noQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: currentAlertResponseSchema, query: noQuerySchema }, async () => ({ data: await getCurrentAlert() }));

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflight;
