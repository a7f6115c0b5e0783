// POST /api/v1/admin/comments/{id}/{approve|spam|trash} — moderate a comment (comments:moderate; needs If-Match)
import { moderateAdminComment } from '@/lib/api/admin/moderation';
import { ifMatchVersion, withAdminKey } from '@/lib/api/admin-handler';
import { commentActionParamsSchema } from '@/lib/validation/admin-api';

export const POST = withAdminKey({ scope: 'comments:moderate', params: commentActionParamsSchema }, async ({ request, params, user }) => {
  const moderated = await moderateAdminComment(params.id, params.action, ifMatchVersion(request), user);
  return { data: moderated, version: moderated.version };
});
