// POST /api/media — upload one image (multipart field "file"); authors and up. Returns { item }, status
// PROCESSING: its sizes are made by a background job (lib/media/upload-job.ts); poll GET /api/media/:id.
// GET  /api/media?q=&page= — the library for the editor's picker; any staff role.
// A route handler rather than a server action: the browser's XMLHttpRequest reports upload progress.
// Both answer only this site's own pages (403 for cross-site requests: they carry the session cookie).
import { withRequest } from '@/lib/api/handler';
import { listMedia } from '@/lib/media';
import { acceptUpload } from '@/lib/media/upload-job';
import { toClientItem } from '@/lib/media/client-item';
import { uploadBody, uploadedFile } from '@/lib/media/upload-request';
import { listMediaQuerySchema } from '@/lib/validation/media';

const json = (data: unknown, status = 200) => Response.json(data, { status, headers: { 'Cache-Control': 'no-store' } });

export const POST = withRequest({ role: 'AUTHOR', body: uploadBody() }, async ({ body, user }) => {
  const item = await acceptUpload(await uploadedFile(body), user);
  return json({ item: toClientItem(item) }, 201);
});

export const GET = withRequest({ role: 'CONTRIBUTOR' }, async ({ request, user }) => {
  const params = new URL(request.url).searchParams;
  const query = listMediaQuerySchema.parse({ page: params.get('page') ?? undefined, q: params.get('q') ?? undefined });
  const { items, total, pages } = await listMedia(query, user);
  return json({ items: items.map(toClientItem), total, pages });
});
