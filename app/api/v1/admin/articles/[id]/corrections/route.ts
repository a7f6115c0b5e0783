// GET, POST /api/v1/admin/articles/{id}/corrections — an article's corrections, withdrawn ones included; add one (corrections:write; editors)
import { parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { addCorrection, listCorrectionsForEditor } from '@/lib/corrections';
import { adminIdParamsSchema } from '@/lib/validation/admin-api';
import { addCorrectionSchema } from '@/lib/validation/corrections';

const toJson = (c: { id: string; kind: string; label: string; note: string; createdAt: Date; withdrawnAt: Date | null }) => ({
  id: c.id,
  kind: c.kind,
  label: c.label,
  note: c.note,
  createdAt: c.createdAt.toISOString(),
  withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
});

export const GET = withAdminKey({ scope: 'corrections:write', params: adminIdParamsSchema }, async ({ params, user }) => ({
  data: (await listCorrectionsForEditor(params.id, user)).map(toJson),
}));

export const POST = withAdminKey({ scope: 'corrections:write', params: adminIdParamsSchema, body: { accept: ['json'] } }, async ({ params, body, user }) => {
  // The article is the one in the path: an articleId in the body is an unknown field, not a second answer.
  const input = parseJsonBody(addCorrectionSchema.omit({ articleId: true }).strict(), body);
  return { status: 201, data: toJson(await addCorrection({ ...input, articleId: params.id }, user)) };
});
