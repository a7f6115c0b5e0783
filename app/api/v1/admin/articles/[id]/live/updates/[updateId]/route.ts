// PATCH, DELETE /api/v1/admin/articles/{id}/live/updates/{updateId} — edit or delete a live update (live:write; need If-Match)
import { deleteAdminLiveUpdate, updateAdminLiveUpdate } from '@/lib/api/admin/live';
import { ADMIN_ARTICLE_BODY_LIMIT, ifMatchVersion, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { liveUpdateParamsSchema, updateAdminLiveUpdateSchema } from '@/lib/validation/admin-api';

export const PATCH = withAdminKey({ scope: 'live:write', params: liveUpdateParamsSchema, body: { accept: ['json'], maxBytes: ADMIN_ARTICLE_BODY_LIMIT } }, async ({ request, params, body, user }) => {
  const version = ifMatchVersion(request);
  const update = await updateAdminLiveUpdate(params.id, params.updateId, version, parseJsonBody(updateAdminLiveUpdateSchema, body), user);
  return { data: update, version: update.version };
});

export const DELETE = withAdminKey({ scope: 'live:write', params: liveUpdateParamsSchema }, async ({ request, params, user }) => ({
  data: await deleteAdminLiveUpdate(params.id, params.updateId, ifMatchVersion(request), user),
}));
