// POST /api/v1/admin/articles/{id}/live/updates — post an update on open live coverage (live:write; editors, or the article's authors)
import { postAdminLiveUpdate } from '@/lib/api/admin/live';
import { ADMIN_ARTICLE_BODY_LIMIT, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { adminIdParamsSchema, createAdminLiveUpdateSchema } from '@/lib/validation/admin-api';

export const POST = withAdminKey({ scope: 'live:write', params: adminIdParamsSchema, body: { accept: ['json'], maxBytes: ADMIN_ARTICLE_BODY_LIMIT } }, async ({ params, body, user }) => {
  const update = await postAdminLiveUpdate(params.id, parseJsonBody(createAdminLiveUpdateSchema, body), user);
  return { status: 201, data: update, version: update.version };
});
