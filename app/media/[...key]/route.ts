// GET /media/<key> — serves images stored on local disk (MEDIA_STORAGE=local). Keys are
// validated and resolved inside MEDIA_DIR only; files never change under a key, so they are
// cached for a year.
import { env } from '@/lib/env';
import { getStorage } from '@/lib/media/driver';
import { isValidKey } from '@/lib/media/storage';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  if (env.MEDIA_STORAGE !== 'local') return notFound();
  const key = (await params).key.join('/');
  if (!isValidKey(key)) return notFound();
  const file = await getStorage().get(key);
  if (!file) return notFound();
  return new Response(Buffer.from(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.body.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
