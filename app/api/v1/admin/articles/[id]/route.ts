// GET, PATCH, DELETE /api/v1/admin/articles/{id} — read, change (If-Match) or delete (archived only) an article; changes need If-Match
import { deleteAdminArticle, getAdminArticle, updateAdminArticle } from '@/lib/api/admin/articles';
import { ADMIN_ARTICLE_BODY_LIMIT, ifMatchVersion, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { adminIdParamsSchema, updateAdminArticleSchema } from '@/lib/validation/admin-api';

export const GET = withAdminKey({ scope: ['articles:write', 'articles:publish'], params: adminIdParamsSchema }, async ({ params, user }) => {
  const article = await getAdminArticle(params.id, user);
  return { data: article, version: article.version };
});

export const PATCH = withAdminKey({ scope: 'articles:write', params: adminIdParamsSchema, body: { accept: ['json'], maxBytes: ADMIN_ARTICLE_BODY_LIMIT } }, async ({ request, params, body, user }) => {
  const version = ifMatchVersion(request);
  const article = await updateAdminArticle(params.id, version, parseJsonBody(updateAdminArticleSchema, body), user);
  return { data: article, version: article.version };
});

export const DELETE = withAdminKey({ scope: 'articles:publish', params: adminIdParamsSchema }, async ({ request, params, user }) => ({
  data: await deleteAdminArticle(params.id, ifMatchVersion(request), user),
}));
