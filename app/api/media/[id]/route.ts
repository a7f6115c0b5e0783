// GET /api/media/:id — one library item { item }, for the uploader and pickers to follow its processing.
// Staff only, from this site's own pages (403 cross-site).
import { withRequest } from '@/lib/api/handler';
import { AppError } from '@/lib/errors';
import { getMedia } from '@/lib/media';
import { toClientItem } from '@/lib/media/client-item';
import { mediaIdSchema } from '@/lib/validation/media';

export const GET = withRequest<{ id?: string }>({ role: 'CONTRIBUTOR' }, async ({ params }) => {
  const id = mediaIdSchema.safeParse(params.id);
  const item = id.success ? await getMedia(id.data) : null;
  if (!item) throw new AppError('not_found', 'This image is no longer in the media library.');
  return Response.json({ item: toClientItem(item) }, { headers: { 'Cache-Control': 'no-store' } });
});
