// POST /api/media — upload one image (multipart field "file"); authors and up. Returns { item }.
// GET  /api/media?q=&page= — the library for the editor's picker; any staff role.
// A route handler rather than a server action: the browser's XMLHttpRequest reports upload progress.
import { errorResponse } from '@/lib/api/handler';
import { requireRole } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { listMedia, uploadMedia } from '@/lib/media';
import { toClientItem } from '@/lib/media/client-item';
import { uploadSizeError } from '@/lib/media/sniff';
import { listMediaQuerySchema } from '@/lib/validation/media';

/** Room for the multipart envelope around the file. */
const ENVELOPE_BYTES = 64 * 1024;

const json = (data: unknown, status = 200) => Response.json(data, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(request: Request) {
  try {
    const user = await requireRole('AUTHOR');
    // Refuse an oversized body before reading it.
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > env.MEDIA_MAX_UPLOAD_MB * 1_000_000 + ENVELOPE_BYTES) {
      const message = uploadSizeError(declared - ENVELOPE_BYTES, env.MEDIA_MAX_UPLOAD_MB) ?? 'That file is too large.';
      throw new AppError('unprocessable', message, { file: [message] });
    }
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new AppError('bad_request', 'The upload did not arrive as a form with a file. Choose the image again.');
    }
    const file = form.get('file');
    if (!(file instanceof File)) throw new AppError('unprocessable', 'Choose an image to upload.', { file: ['Choose an image to upload.'] });
    const item = await uploadMedia({ bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name }, user);
    return json({ item: toClientItem(item) }, 201);
  } catch (e) {
    return errorResponse(e);
  }
}

export async function GET(request: Request) {
  try {
    const user = await requireRole('CONTRIBUTOR');
    const params = new URL(request.url).searchParams;
    const query = listMediaQuerySchema.parse({ page: params.get('page') ?? undefined, q: params.get('q') ?? undefined });
    const { items, total, pages } = await listMedia(query, user);
    return json({ items: items.map(toClientItem), total, pages });
  } catch (e) {
    return errorResponse(e);
  }
}
