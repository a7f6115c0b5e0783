// GET /api/export/:id/:name — downloads one file of a finished export (the JSON or its media archive). Admins only.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { withRequest } from '@/lib/api/handler';
import { AppError } from '@/lib/errors';
import { exportFilePath } from '@/lib/export/job';

export const GET = withRequest<{ id: string; name: string }, { role: 'ADMIN' }>({ role: 'ADMIN' }, async ({ params, user }) => {
  const file = await exportFilePath(params.id, params.name, user);
  if (!file) throw new AppError('not_found', 'This export file is not there (the export may still be running). Reload the page.');
  const { size } = await stat(file);
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    headers: {
      'Content-Type': params.name.endsWith('.json') ? 'application/json' : 'application/x-tar',
      'Content-Length': String(size),
      'Content-Disposition': `attachment; filename="${params.name}"`,
      'Cache-Control': 'no-store',
    },
  });
});
