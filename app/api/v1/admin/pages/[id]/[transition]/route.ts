// POST /api/v1/admin/pages/{id}/{publish|schedule|unpublish} — a page's workflow steps (pages:write, If-Match)
import { transitionAdminPage } from '@/lib/api/admin/pages';
import { ifMatchVersion, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { pageTransitionParamsSchema, scheduleArticleSchema } from '@/lib/validation/admin-api';

export const POST = withAdminKey({ scope: 'pages:write', params: pageTransitionParamsSchema, body: { accept: ['json'], optional: true } }, async ({ request, params, body, user }) => {
  const version = ifMatchVersion(request);
  const at = params.transition === 'schedule' ? new Date(parseJsonBody(scheduleArticleSchema, body).at) : undefined;
  const page = await transitionAdminPage(params.id, version, params.transition, user, at);
  return { data: page, version: page.version };
});
