// PATCH /api/v1/admin/sections/{id} — rename and describe a section; its slug stays (taxonomy:write; needs If-Match)
import { updateSection } from '@/lib/sections/admin';
import { ifMatchVersion, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { adminIdParamsSchema, adminRenameSchema } from '@/lib/validation/admin-api';

export const PATCH = withAdminKey({ scope: 'taxonomy:write', params: adminIdParamsSchema, body: { accept: ['json'] } }, async ({ request, params, body, user }) => {
  const version = ifMatchVersion(request);
  const section = await updateSection({ ...parseJsonBody(adminRenameSchema, body), id: params.id, version }, user);
  return { data: section, version: section.version };
});
