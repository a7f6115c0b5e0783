// GET, PATCH, DELETE /api/v1/admin/plans/{id} — read a plan, change it (status and notes: its writer's
// progress; anything else: editors) or drop it from the budget (plans:write; changes need If-Match)
import { deleteAdminPlan, getAdminPlan, updateAdminPlan } from '@/lib/api/admin/plans';
import { ifMatchVersion, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { adminIdParamsSchema, adminPlanPatchSchema } from '@/lib/validation/admin-api';

export const GET = withAdminKey({ scope: 'plans:write', params: adminIdParamsSchema }, async ({ params, user }) => {
  const plan = await getAdminPlan(params.id, user);
  return { data: plan, version: plan.version };
});

export const PATCH = withAdminKey({ scope: 'plans:write', params: adminIdParamsSchema, body: { accept: ['json'] } }, async ({ request, params, body, user }) => {
  const version = ifMatchVersion(request);
  const plan = await updateAdminPlan(params.id, version, parseJsonBody(adminPlanPatchSchema, body), user);
  return { data: plan, version: plan.version };
});

export const DELETE = withAdminKey({ scope: 'plans:write', params: adminIdParamsSchema }, async ({ request, params, user }) => ({
  data: await deleteAdminPlan(params.id, ifMatchVersion(request), user),
}));
