// PATCH /api/v1/admin/tags/{id} — rename and describe a tag; its slug stays (taxonomy:write; needs If-Match)
import { ifMatchVersion, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { updateTag } from '@/lib/tags';
import { adminIdParamsSchema, adminRenameSchema } from '@/lib/validation/admin-api';

export const PATCH = withAdminKey({ scope: 'taxonomy:write', params: adminIdParamsSchema, body: { accept: ['json'] } }, async ({ request, params, body, user }) => {
  const version = ifMatchVersion(request);
  const tag = await updateTag({ ...parseJsonBody(adminRenameSchema, body), id: params.id, version }, user);
  return { data: tag, version: tag.version };
});
