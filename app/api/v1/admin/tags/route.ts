// GET /api/v1/admin/tags — every tag with its article count (taxonomy:write); articles create tags by name
import { withAdminKey } from '@/lib/api/admin-handler';
import { listTagsForAdmin } from '@/lib/tags';

export const GET = withAdminKey({ scope: 'taxonomy:write' }, async ({ user }) => ({ data: await listTagsForAdmin(user) }));
