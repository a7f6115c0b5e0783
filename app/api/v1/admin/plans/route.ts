// GET, POST /api/v1/admin/plans — the story budget: plans the key's user may see, soonest due first; plan a story (plans:write; planning is for editors)
import { createAdminPlan, listAdminPlans } from '@/lib/api/admin/plans';
import { parseInput, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { adminPlansQuerySchema, createAdminPlanSchema } from '@/lib/validation/admin-api';
import { planFormSchema } from '@/lib/validation/planning';

export const GET = withAdminKey({ scope: 'plans:write' }, async ({ request, user }) => {
  const query = parseInput(adminPlansQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return { data: await listAdminPlans(query, user) };
});

export const POST = withAdminKey({ scope: 'plans:write', body: { accept: ['json'] } }, async ({ body, user }) => {
  const fields = parseJsonBody(createAdminPlanSchema, body);
  // The plan form's own rules (lengths, the due time's format), with nulls as the form's blanks.
  const input = parseInput(planFormSchema, Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === null ? undefined : v])));
  const plan = await createAdminPlan(input, user);
  return { status: 201, data: plan, version: plan.version };
});
