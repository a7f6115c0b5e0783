// POST /api/v1/admin/alerts/{id}/end — end an alert now, or cancel one not yet started (alerts:write; editors)
import { endAlert } from '@/lib/alerts';
import { withAdminKey } from '@/lib/api/admin-handler';
import { adminIdParamsSchema } from '@/lib/validation/admin-api';

export const POST = withAdminKey({ scope: 'alerts:write', params: adminIdParamsSchema }, async ({ params, user }) => {
  await endAlert(params.id, user);
  return { data: { id: params.id, ended: true } };
});
