// GET /api/media/:id/preview — redirects to a small rendition; the editor shows inserted images with it.
// Staff only, from this site's own pages (403 cross-site).
import { withRequest } from '@/lib/api/handler';
import { AppError } from '@/lib/errors';
import { getMedia } from '@/lib/media';
import { mediaIdSchema } from '@/lib/validation/media';

export const GET = withRequest<{ id?: string }>({ role: 'CONTRIBUTOR' }, async ({ params }) => {
  const id = mediaIdSchema.safeParse(params.id);
  const item = id.success ? await getMedia(id.data) : null;
  if (!item) throw new AppError('not_found', 'This image is no longer in the media library.');
  // As stored: a path on this site (local storage) stays relative, so the browser stays on the
  // origin it is on (the request's own URL may name another host behind a proxy); S3 gives a full URL.
  return new Response(null, { status: 302, headers: { Location: item.image.src, 'Cache-Control': 'private, max-age=60' } });
});
