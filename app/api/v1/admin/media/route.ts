// POST /api/v1/admin/media — upload one image (multipart field "file", optional alt, caption, credit) through the library's pipeline (media:write).
// Answers at once with status PROCESSING; GET /api/v1/admin/media/{id} shows when it is READY.
import { parseInput, withAdminKey } from '@/lib/api/admin-handler';
import { toClientItem } from '@/lib/media/client-item';
import { acceptUpload } from '@/lib/media/upload-job';
import { uploadBody, uploadedFile } from '@/lib/media/upload-request';
import { adminMediaTextSchema } from '@/lib/validation/admin-api';
import { formFields } from '@/lib/api/request';

export const POST = withAdminKey({ scope: 'media:write', body: uploadBody() }, async ({ body, user }) => {
  const text = parseInput(adminMediaTextSchema, body?.kind === 'multipart' ? formFields(body.form) : {});
  const file = await uploadedFile(body);
  const item = await acceptUpload({ ...file, ...(text.alt || text.caption || text.credit ? { text: { alt: text.alt ?? '', caption: text.caption ?? '', credit: text.credit ?? '' } } : {}) }, user);
  return { status: 201, data: toClientItem(item), version: item.version };
});
