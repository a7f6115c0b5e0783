// POST /api/v1/admin/articles/{id}/live/{start|end} — open live coverage (again) or end it (live:write; editors, or the article's authors)
import { withAdminKey } from '@/lib/api/admin-handler';
import { setLiveCoverage } from '@/lib/live-coverage';
import { liveIntentParamsSchema } from '@/lib/validation/admin-api';

export const POST = withAdminKey({ scope: 'live:write', params: liveIntentParamsSchema }, async ({ params, user }) => ({ data: await setLiveCoverage(params.id, params.intent, user) }));
