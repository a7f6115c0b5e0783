// GET, PATCH, DELETE /api/v1/admin/pages/{id} — read, change or delete a page (pages:write; changes need If-Match)
import { deleteAdminPage, getAdminPage, updateAdminPage } from '@/lib/api/admin/pages';
import { ADMIN_ARTICLE_BODY_LIMIT, ifMatchVersion, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { adminIdParamsSchema, updateAdminPageSchema } from '@/lib/validation/admin-api';

export const GET = withAdminKey({ scope: 'pages:write', params: adminIdParamsSchema }, async ({ params, user }) => {
  const page = await getAdminPage(params.id, user);
  return { data: page, version: page.version };
});

export const PATCH = withAdminKey({ scope: 'pages:write', params: adminIdParamsSchema, body: { accept: ['json'], maxBytes: ADMIN_ARTICLE_BODY_LIMIT } }, async ({ request, params, body, user }) => {
  const version = ifMatchVersion(request);
  const page = await updateAdminPage(params.id, version, parseJsonBody(updateAdminPageSchema, body), user);
  return { data: page, version: page.version };
});

export const DELETE = withAdminKey({ scope: 'pages:write', params: adminIdParamsSchema }, async ({ request, params, user }) => ({
  data: await deleteAdminPage(params.id, ifMatchVersion(request), user),
}));
