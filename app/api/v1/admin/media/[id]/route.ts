// GET, PATCH, DELETE /api/v1/admin/media/{id} — read one library image (to follow its processing),
// change its alt text, caption, credit and focal point, or delete it (media:write; changes need If-Match)
import { ifMatchVersion, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { AppError } from '@/lib/errors';
import { deleteMedia, getMedia, updateMedia } from '@/lib/media';
import { toClientItem } from '@/lib/media/client-item';
import { adminIdParamsSchema, adminMediaUpdateSchema } from '@/lib/validation/admin-api';

export const GET = withAdminKey({ scope: 'media:write', params: adminIdParamsSchema }, async ({ params }) => {
  const item = await getMedia(params.id);
  if (!item) throw new AppError('not_found', 'This image is not in the media library.');
  return { data: toClientItem(item), version: item.version };
});

export const PATCH = withAdminKey({ scope: 'media:write', params: adminIdParamsSchema, body: { accept: ['json'] } }, async ({ request, params, body, user }) => {
  const version = ifMatchVersion(request);
  const input = parseJsonBody(adminMediaUpdateSchema, body);
  const current = await getMedia(params.id);
  if (!current) throw new AppError('not_found', 'This image is not in the media library.');
  // Fields left out keep their values; the focal point is a percentage (0–100), as in the dashboard.
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  const item = await updateMedia(
    params.id,
    {
      alt: input.alt ?? current.alt,
      caption: input.caption ?? current.caption,
      credit: input.credit ?? current.credit,
      focalX: input.focalX === undefined ? pct(current.focalX) : input.focalX,
      focalY: input.focalY === undefined ? pct(current.focalY) : input.focalY,
    },
    user,
    { version },
  );
  return { data: toClientItem(item), version: item.version };
});

export const DELETE = withAdminKey({ scope: 'media:write', params: adminIdParamsSchema }, async ({ request, params, user }) => {
  const version = ifMatchVersion(request);
  const { id } = await deleteMedia(params.id, user, { version });
  return { data: { id, deleted: true } };
});
