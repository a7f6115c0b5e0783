// GET /api/export/:id — an export's status and, once finished, its files. Admins only.
import { withRequest } from '@/lib/api/handler';
import { AppError } from '@/lib/errors';
import { getExportStatus } from '@/lib/export/job';

export const GET = withRequest<{ id: string }, { role: 'ADMIN' }>({ role: 'ADMIN' }, async ({ params, user }) => {
  const status = await getExportStatus(params.id, user);
  if (!status) throw new AppError('not_found', 'There is no such export. Start a new one with Export everything.');
  return Response.json(status, { headers: { 'Cache-Control': 'no-store' } });
});
