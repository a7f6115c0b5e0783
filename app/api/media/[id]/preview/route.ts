// GET /api/media/:id/preview — redirects to a small rendition; the editor shows inserted images with it.
// Staff only, from this site's own pages (403 cross-site).
import { withRequest } from '@/lib/api/handler';
import { AppError } from '@/lib/errors';
import { getMedia } from '@/lib/media';
import { mediaIdSchema } from '@/lib/validation/media';

export const GET = withRequest<{ id?: string }>({ role: 'CONTRIBUTOR' }, async ({ request, params }) => {
  const id = mediaIdSchema.safeParse(params.id);
  const item = id.success ? await getMedia(id.data) : null;
  if (!item) throw new AppError('not_found', 'This image is no longer in the media library.');
  const url = item.image.src;
  return new Response(null, { status: 302, headers: { Location: new URL(url, request.url).toString(), 'Cache-Control': 'private, max-age=60' } });
});
