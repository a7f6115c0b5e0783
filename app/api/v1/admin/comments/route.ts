// GET /api/v1/admin/comments?status=pending|approved|spam|trash&page= — the moderation queue (comments:moderate)
import { listAdminComments } from '@/lib/api/admin/moderation';
import { parseOrBadRequest } from '@/lib/api/handler';
import { withAdminKey } from '@/lib/api/admin-handler';
import { adminCommentsQuerySchema } from '@/lib/validation/admin-api';

export const GET = withAdminKey({ scope: 'comments:moderate' }, async ({ request, user }) => {
  const query = parseOrBadRequest(adminCommentsQuerySchema, Object.fromEntries(new URL(request.url).searchParams), 'Some query parameters are not valid.');
  const { data, meta } = await listAdminComments(query, user);
  return { data: { comments: data, ...meta } };
});
