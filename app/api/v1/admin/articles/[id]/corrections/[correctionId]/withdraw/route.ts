// POST /api/v1/admin/articles/{id}/corrections/{correctionId}/withdraw — withdraw a correction added in error (corrections:write; editors)
import { withAdminKey } from '@/lib/api/admin-handler';
import { withdrawCorrection } from '@/lib/corrections';
import { adminIdParamsSchema } from '@/lib/validation/admin-api';
import { z } from 'zod';

const paramsSchema = adminIdParamsSchema.extend({ correctionId: z.string().trim().min(1).max(40) });

export const POST = withAdminKey({ scope: 'corrections:write', params: paramsSchema }, async ({ params, user }) => {
  const c = await withdrawCorrection(params.id, params.correctionId, user);
  return { data: { id: c.id, kind: c.kind, label: c.label, note: c.note, createdAt: c.createdAt.toISOString(), withdrawnAt: c.withdrawnAt?.toISOString() ?? null } };
});
