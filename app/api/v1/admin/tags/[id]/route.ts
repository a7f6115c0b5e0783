// PATCH /api/v1/admin/tags/{id} — rename and describe a tag; its slug stays (taxonomy:write)
import { parseInput, withAdminKey } from '@/lib/api/admin-handler';
import { updateTag } from '@/lib/tags';
import { adminIdParamsSchema } from '@/lib/validation/admin-api';
import { updateTagSchema } from '@/lib/validation/taxonomy';

export const PATCH = withAdminKey({ scope: 'taxonomy:write', params: adminIdParamsSchema, body: { accept: ['json'] } }, async ({ params, body, user }) => {
  const input = parseInput(updateTagSchema, { ...(body?.kind === 'json' && typeof body.json === 'object' ? body.json : {}), id: params.id });
  await updateTag(input, user);
  return { data: { id: params.id, name: input.name, description: input.description } };
});
