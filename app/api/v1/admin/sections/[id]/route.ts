// PATCH /api/v1/admin/sections/{id} — rename and describe a section; its slug stays (taxonomy:write)
import { updateSection } from '@/lib/sections/admin';
import { parseInput, withAdminKey } from '@/lib/api/admin-handler';
import { adminIdParamsSchema } from '@/lib/validation/admin-api';
import { updateSectionSchema } from '@/lib/validation/taxonomy';

export const PATCH = withAdminKey({ scope: 'taxonomy:write', params: adminIdParamsSchema, body: { accept: ['json'] } }, async ({ params, body, user }) => {
  const input = parseInput(updateSectionSchema, { ...(body?.kind === 'json' && typeof body.json === 'object' ? body.json : {}), id: params.id });
  await updateSection(input, user);
  return { data: { id: params.id, name: input.name, description: input.description } };
});
