// POST /api/import?source=wordpress|ghost|broadsheet&dryRun=0|1&filename=…&siteUrl=… — the export file as the
// raw request body, streamed to disk (IMPORT_MAX_UPLOAD_MB), then an import job is queued. Admins only.
// Answers 202 { id } (the job: poll GET /api/import/:id). A route handler, not a server action:
// the body can be a gigabyte, and the browser reports upload progress.
import { withRequest } from '@/lib/api/handler';
import { saveExportUpload, startImport, startImportQuerySchema } from '@/lib/import/dashboard';
import { AppError } from '@/lib/errors';

export const POST = withRequest({ role: 'ADMIN' }, async ({ request, user }) => {
  const query = startImportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    const siteUrl = query.error.issues.find((i) => i.path[0] === 'siteUrl');
    if (siteUrl) throw new AppError('unprocessable', siteUrl.message, { siteUrl: [siteUrl.message] });
    throw new AppError('unprocessable', 'Choose the Source the export comes from: WordPress, Ghost or Broadsheet.', { source: ['Choose a source.'] });
  }
  const declared = request.headers.get('content-length');
  const { file } = await saveExportUpload(request.body, declared && /^\d+$/.test(declared) ? Number(declared) : null, user);
  const job = await startImport({ source: query.data.source, dryRun: query.data.dryRun === '1', filename: query.data.filename, siteUrl: query.data.siteUrl, file }, user);
  return Response.json({ id: job.id }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});
