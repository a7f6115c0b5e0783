// GET, POST /api/v1/admin/pages — list every page, or create a draft page (pages:write); Idempotency-Key makes retries safe
import { createAdminPage, listAdminPages } from '@/lib/api/admin/pages';
import { ADMIN_ARTICLE_BODY_LIMIT, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { createAdminPageSchema } from '@/lib/validation/admin-api';

export const GET = withAdminKey({ scope: 'pages:write' }, async ({ user }) => ({ data: await listAdminPages(user) }));

export const POST = withAdminKey({ scope: 'pages:write', body: { accept: ['json'], maxBytes: ADMIN_ARTICLE_BODY_LIMIT } }, async ({ body, user }) => {
  const page = await createAdminPage(parseJsonBody(createAdminPageSchema, body), user);
  return { status: 201, data: page, version: page.version };
});
