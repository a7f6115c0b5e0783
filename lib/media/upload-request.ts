import 'server-only';
import type { ParsedBody } from '@/lib/api/request';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { uploadSizeError } from '@/lib/media/sniff';

// An upload as it arrives over HTTP (the dashboard's picker and the admin API): one multipart
// body, capped at the upload limit plus its envelope, whose "file" part goes to uploadMedia.

/** Room for the multipart envelope around the file. */
const ENVELOPE_BYTES = 64 * 1024;

/** The upload limit's own words in the 413 (the file's size when the request declared it). */
function uploadTooLarge(declared: number | null) {
  const limit = env.MEDIA_MAX_UPLOAD_MB;
  const message = (declared !== null && uploadSizeError(declared - ENVELOPE_BYTES, limit)) || `That file is larger than the ${limit} MB limit. Resize it and try again.`;
  return new AppError('payload_too_large', message, { file: [message] });
}

/** The body option of a route handler that takes an upload. */
export const uploadBody = () => ({ accept: ['multipart' as const], maxBytes: env.MEDIA_MAX_UPLOAD_MB * 1_000_000 + ENVELOPE_BYTES, tooLarge: uploadTooLarge });

/** The uploaded file (multipart field "file") as uploadMedia takes it; 422 when there is none. */
export async function uploadedFile(body: ParsedBody | null): Promise<{ bytes: Uint8Array; filename: string }> {
  const file = body?.kind === 'multipart' ? body.form.get('file') : null;
  if (!(file instanceof File)) throw new AppError('unprocessable', 'Choose an image to upload.', { file: ['Choose an image to upload.'] });
  return { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name };
}
