// POST /api/v1/admin/articles/{id}/{submit|publish|schedule|unpublish|archive} — workflow steps (If-Match), with the dashboard's rules
import { transitionAdminArticle } from '@/lib/api/admin/articles';
import { ifMatchVersion, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { articleTransitionParamsSchema, scheduleArticleSchema } from '@/lib/validation/admin-api';

export const POST = withAdminKey(
  {
    // Submitting for review needs only write access; the other steps change what readers see.
    scope: ({ transition }) => (transition === 'submit' ? 'articles:write' : 'articles:publish'),
    params: articleTransitionParamsSchema,
    body: { accept: ['json'], optional: true },
  },
  async ({ request, params, body, user }) => {
    const version = ifMatchVersion(request);
    const at = params.transition === 'schedule' ? new Date(parseJsonBody(scheduleArticleSchema, body).at) : undefined;
    const article = await transitionAdminArticle(params.id, version, params.transition, user, at);
    return { data: article, version: article.version };
  },
);
