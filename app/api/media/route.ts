// POST /api/media — upload one image (multipart field "file"); authors and up. Returns { item }.
// GET  /api/media?q=&page= — the library for the editor's picker; any staff role.
// A route handler rather than a server action: the browser's XMLHttpRequest reports upload progress.
// Both answer only this site's own pages (403 for cross-site requests: they carry the session cookie).
import { withRequest } from '@/lib/api/handler';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { listMedia, uploadMedia } from '@/lib/media';
import { toClientItem } from '@/lib/media/client-item';
import { uploadSizeError } from '@/lib/media/sniff';
import { listMediaQuerySchema } from '@/lib/validation/media';

/** Room for the multipart envelope around the file. */
const ENVELOPE_BYTES = 64 * 1024;

const json = (data: unknown, status = 200) => Response.json(data, { status, headers: { 'Cache-Control': 'no-store' } });

/** The upload limit's own words in the 413 (the file's size when the request declared it). */
function uploadTooLarge(declared: number | null) {
  const limit = env.MEDIA_MAX_UPLOAD_MB;
  const message = (declared !== null && uploadSizeError(declared - ENVELOPE_BYTES, limit)) || `That file is larger than the ${limit} MB limit. Resize it and try again.`;
  return new AppError('payload_too_large', message, { file: [message] });
}

export const POST = withRequest(
  { role: 'AUTHOR', body: { accept: ['multipart'], maxBytes: env.MEDIA_MAX_UPLOAD_MB * 1_000_000 + ENVELOPE_BYTES, tooLarge: uploadTooLarge } },
  async ({ body, user }) => {
    const file = body?.kind === 'multipart' ? body.form.get('file') : null;
    if (!(file instanceof File)) throw new AppError('unprocessable', 'Choose an image to upload.', { file: ['Choose an image to upload.'] });
    const item = await uploadMedia({ bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name }, user);
    return json({ item: toClientItem(item) }, 201);
  },
);

export const GET = withRequest({ role: 'CONTRIBUTOR' }, async ({ request, user }) => {
  const params = new URL(request.url).searchParams;
  const query = listMediaQuerySchema.parse({ page: params.get('page') ?? undefined, q: params.get('q') ?? undefined });
  const { items, total, pages } = await listMedia(query, user);
  return json({ items: items.map(toClientItem), total, pages });
});
