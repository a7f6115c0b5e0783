// POST /api/v1/admin/media — upload one image (multipart field "file", optional alt, caption, credit) through the library's pipeline (media:write)
import { parseInput, withAdminKey } from '@/lib/api/admin-handler';
import { describeMediaIfBlank, uploadMedia } from '@/lib/media';
import { toClientItem } from '@/lib/media/client-item';
import { uploadBody, uploadedFile } from '@/lib/media/upload-request';
import { adminMediaTextSchema } from '@/lib/validation/admin-api';
import { formFields } from '@/lib/api/request';

export const POST = withAdminKey({ scope: 'media:write', body: uploadBody() }, async ({ body, user }) => {
  const text = parseInput(adminMediaTextSchema, body?.kind === 'multipart' ? formFields(body.form) : {});
  const uploaded = await uploadMedia(await uploadedFile(body), user);
  const item = text.alt || text.caption || text.credit ? await describeMediaIfBlank(uploaded.id, text, user) : uploaded;
  return { status: 201, data: toClientItem(item) };
});
