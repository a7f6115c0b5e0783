// GET /api/v1/admin/media/{id} — one library item, to follow an upload's processing (media:write)
import { withAdminKey } from '@/lib/api/admin-handler';
import { AppError } from '@/lib/errors';
import { getMedia } from '@/lib/media';
import { toClientItem } from '@/lib/media/client-item';
import { adminIdParamsSchema } from '@/lib/validation/admin-api';

export const GET = withAdminKey({ scope: 'media:write', params: adminIdParamsSchema }, async ({ params }) => {
  const item = await getMedia(params.id);
  if (!item) throw new AppError('not_found', 'This image is not in the media library.');
  return { data: toClientItem(item) };
});
