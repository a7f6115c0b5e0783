// GET /api/import/:id — an import's status, progress (percent, counts) and report so far. Admins only.
import { withRequest } from '@/lib/api/handler';
import { getImportStatus } from '@/lib/import/dashboard';
import { AppError } from '@/lib/errors';

export const GET = withRequest<{ id: string }, { role: 'ADMIN' }>({ role: 'ADMIN' }, async ({ params, user }) => {
  const status = await getImportStatus(params.id, user);
  if (!status) throw new AppError('not_found', 'There is no such import. Start a new one from this page.');
  return Response.json(status, { headers: { 'Cache-Control': 'no-store' } });
});
