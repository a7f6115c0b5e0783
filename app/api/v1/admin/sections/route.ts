// GET, POST /api/v1/admin/sections — list sections in navigation order, add one at the end (taxonomy:write)
import { listSectionsForAdmin, createSection } from '@/lib/sections/admin';
import { parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { createSectionSchema } from '@/lib/validation/taxonomy';

export const GET = withAdminKey({ scope: 'taxonomy:write' }, async ({ user }) => ({ data: await listSectionsForAdmin(user) }));

export const POST = withAdminKey({ scope: 'taxonomy:write', body: { accept: ['json'] } }, async ({ body, user }) => {
  const section = await createSection(parseJsonBody(createSectionSchema, body), user);
  return { status: 201, data: section, version: section.version };
});
