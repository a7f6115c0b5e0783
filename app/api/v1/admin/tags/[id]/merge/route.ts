// POST /api/v1/admin/tags/{id}/merge { into } — merge a tag into another; its address redirects (taxonomy:write)
import { parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { mergeTags } from '@/lib/tags';
import { adminIdParamsSchema, mergeTagBodySchema } from '@/lib/validation/admin-api';

export const POST = withAdminKey({ scope: 'taxonomy:write', params: adminIdParamsSchema, body: { accept: ['json'] } }, async ({ params, body, user }) => ({
  data: await mergeTags(params.id, parseJsonBody(mergeTagBodySchema, body).into, user),
}));
