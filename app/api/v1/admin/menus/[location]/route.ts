// GET, PUT /api/v1/admin/menus/{header|footer} — read or replace a whole menu (pages:write; PUT needs If-Match)
import { getAdminMenu, putAdminMenu } from '@/lib/api/admin/menus';
import { ifMatchVersion, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { menuParamsSchema, putAdminMenuSchema } from '@/lib/validation/admin-api';

export const GET = withAdminKey({ scope: 'pages:write', params: menuParamsSchema }, async ({ params, user }) => {
  const menu = await getAdminMenu(params.location, user);
  return { data: menu, version: menu.version };
});

export const PUT = withAdminKey({ scope: 'pages:write', params: menuParamsSchema, body: { accept: ['json'] } }, async ({ request, params, body, user }) => {
  const version = ifMatchVersion(request);
  const menu = await putAdminMenu(params.location, version, parseJsonBody(putAdminMenuSchema, body), user);
  return { data: menu, version: menu.version };
});
