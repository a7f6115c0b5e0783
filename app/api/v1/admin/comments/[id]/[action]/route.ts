// POST /api/v1/admin/comments/{id}/{approve|spam|trash} — moderate a comment (comments:moderate)
import { moderateAdminComment } from '@/lib/api/admin/moderation';
import { withAdminKey } from '@/lib/api/admin-handler';
import { commentActionParamsSchema } from '@/lib/validation/admin-api';

export const POST = withAdminKey({ scope: 'comments:moderate', params: commentActionParamsSchema }, async ({ params, user }) => ({
  data: await moderateAdminComment(params.id, params.action, user),
}));
