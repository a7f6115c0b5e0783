// GET /api/import/:id/report[?format=json] — the import's report as a download (text, or JSON). Admins only.
import { withRequest } from '@/lib/api/handler';
import { getImportStatus } from '@/lib/import/dashboard';
import { formatReport } from '@/lib/import/job/report';
import { AppError } from '@/lib/errors';

export const GET = withRequest<{ id: string }, { role: 'ADMIN' }>({ role: 'ADMIN' }, async ({ request, params, user }) => {
  const status = await getImportStatus(params.id, user);
  if (!status?.report) throw new AppError('not_found', 'This import has no report yet. Wait for it to finish.');
  const json = new URL(request.url).searchParams.get('format') === 'json';
  const name = `import-report-${status.createdAt.slice(0, 10)}-${status.id}.${json ? 'json' : 'txt'}`;
  return new Response(json ? JSON.stringify(status.report, null, 2) : formatReport(status.report), {
    headers: { 'Content-Type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' },
  });
});
