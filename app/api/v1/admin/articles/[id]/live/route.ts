// GET /api/v1/admin/articles/{id}/live — an article's live coverage and every update, pinned first then newest (live:write; editors, or the article's authors)
import { withAdminKey } from '@/lib/api/admin-handler';
import { listLiveUpdatesForEditor } from '@/lib/live-coverage';
import { adminIdParamsSchema } from '@/lib/validation/admin-api';

export const GET = withAdminKey({ scope: 'live:write', params: adminIdParamsSchema }, async ({ params, user }) => {
  const { coverage, updates } = await listLiveUpdatesForEditor(params.id, user);
  return { data: { coverage, updates: updates.map(({ bodyJson, ...u }) => ({ ...u, body: bodyJson })) } };
});
