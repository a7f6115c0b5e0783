// POST /api/v1/admin/plans/{id}/start-draft — create the plan's article (a draft bylined to its writer) and link it (plans:write; needs If-Match)
import { startAdminPlanDraft } from '@/lib/api/admin/plans';
import { ifMatchVersion, withAdminKey } from '@/lib/api/admin-handler';
import { adminIdParamsSchema } from '@/lib/validation/admin-api';

export const POST = withAdminKey({ scope: 'plans:write', params: adminIdParamsSchema }, async ({ request, params, user }) => {
  const plan = await startAdminPlanDraft(params.id, ifMatchVersion(request), user);
  return { data: plan, version: plan.version };
});
