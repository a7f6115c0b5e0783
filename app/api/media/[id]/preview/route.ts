// GET /api/media/:id/preview — redirects to a small rendition; the editor shows inserted images with it.
import { errorResponse } from '@/lib/api/handler';
import { requireRole } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { getMedia } from '@/lib/media';
import { mediaIdSchema } from '@/lib/validation/media';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireRole('CONTRIBUTOR');
    const id = mediaIdSchema.safeParse((await params).id);
    const item = id.success ? await getMedia(id.data) : null;
    if (!item) throw new AppError('not_found', 'This image is no longer in the media library.');
    const url = item.image.src;
    return new Response(null, { status: 302, headers: { Location: new URL(url, request.url).toString(), 'Cache-Control': 'private, max-age=60' } });
  } catch (e) {
    return errorResponse(e);
  }
}
