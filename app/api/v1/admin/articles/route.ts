// POST /api/v1/admin/articles — create a draft as the key's user (articles:write); Idempotency-Key makes retries safe
import { createAdminArticle } from '@/lib/api/admin/articles';
import { ADMIN_ARTICLE_BODY_LIMIT, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { createAdminArticleSchema } from '@/lib/validation/admin-api';

export const POST = withAdminKey({ scope: 'articles:write', body: { accept: ['json'], maxBytes: ADMIN_ARTICLE_BODY_LIMIT } }, async ({ body, user }) => {
  const article = await createAdminArticle(parseJsonBody(createAdminArticleSchema, body), user);
  return { status: 201, data: article, version: article.version };
});
