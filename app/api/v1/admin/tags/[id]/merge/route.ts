// POST /api/v1/admin/tags/{id}/merge { into } — merge a tag into another; its address redirects (taxonomy:write; If-Match: the merged tag's version)
import { ifMatchVersion, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { mergeTags } from '@/lib/tags';
import { adminIdParamsSchema, mergeTagBodySchema } from '@/lib/validation/admin-api';

export const POST = withAdminKey({ scope: 'taxonomy:write', params: adminIdParamsSchema, body: { accept: ['json'] } }, async ({ request, params, body, user }) => {
  const fromVersion = ifMatchVersion(request);
  return { data: await mergeTags(params.id, parseJsonBody(mergeTagBodySchema, body).into, user, { fromVersion }) };
});
