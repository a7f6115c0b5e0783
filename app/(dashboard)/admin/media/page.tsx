import Link from 'next/link';
import { z } from 'zod';
import { MediaLibraryUploader } from '@/components/media/media-library-uploader';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { listMedia } from '@/lib/media';
import { listMediaQuerySchema } from '@/lib/validation/media';

export const metadata = { title: 'Media library' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MediaLibraryPage({ searchParams }: Props) {
  const user = await requirePageRole('CONTRIBUTOR', '/admin/media');
  const sp = await searchParams;
  const query = listMediaQuerySchema.parse({ page: sp.page, q: sp.q });
  const deleted = z.literal('1').safeParse(sp.deleted).success;
  const { items, total, pages } = await listMedia(query, user);
  return (
    <>
      <h1 className="text-2xl font-bold">Media library</h1>
      <p className="mt-1 text-sm">{total === 1 ? '1 image' : `${total} images`}. Every image needs alt text before it can go into an article.</p>
      {deleted ? (
        <p role="status" className="mt-4 rounded bg-green-50 p-3 text-green-900">
          Image deleted.
        </p>
      ) : null}
      {hasRole(user.role, 'AUTHOR') ? (
        <section aria-labelledby="upload-heading" className="mt-6">
          <h2 id="upload-heading" className="sr-only">
            Upload
          </h2>
          <MediaLibraryUploader maxMegabytes={env.MEDIA_MAX_UPLOAD_MB} />
        </section>
      ) : (
        <p className="mt-6 text-sm">Contributors can use images already in the library; ask an author or editor to upload new ones.</p>
      )}
      <form role="search" className="mt-6 flex flex-wrap items-end gap-2" action="/admin/media">
        <div>
          <label htmlFor="media-q" className="block text-sm font-semibold">
            Search images
          </label>
          <input id="media-q" name="q" defaultValue={query.q} className="mt-1 rounded border border-black/30 bg-white px-3 py-2 text-neutral-900 dark:border-white/30 dark:bg-neutral-900 dark:text-neutral-100" />
        </div>
        <button type="submit" className="rounded border border-black/30 px-4 py-2 text-sm font-semibold dark:border-white/30">
          Search
        </button>
      </form>
      {items.length === 0 ? <p className="mt-6">{query.q ? 'No images match that search.' : 'No images yet. Upload the first one above.'}</p> : null}
      <ul aria-label="Images" className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
        {items.map((m) => (
          <li key={m.id} className="overflow-hidden rounded border border-black/10 bg-white dark:border-white/15 dark:bg-neutral-900">
            <Link href={`/admin/media/${m.id}`} className="block">
              {/* eslint-disable-next-line @next/next/no-img-element -- renditions are already sized; next/image would resize them again */}
              <img src={m.thumbnailUrl} alt="" width={320} height={Math.round((320 * m.height) / m.width)} loading="lazy" className="aspect-[4/3] w-full bg-neutral-100 object-cover dark:bg-neutral-800" />
              <span className="block p-2 text-sm">
                <span className="block truncate font-medium">{m.alt || m.filename}</span>
                <span className="block text-xs text-neutral-700 dark:text-neutral-300">
                  {m.width}×{m.height}
                  {m.alt ? '' : ' · '}
                  {m.alt ? null : <strong className="text-red-800 dark:text-red-300">Needs alt text</strong>}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label="Pages" className="mt-6 flex gap-4 text-sm font-semibold">
          {query.page > 1 ? <Link href={`/admin/media?page=${query.page - 1}${query.q ? `&q=${encodeURIComponent(query.q)}` : ''}`}>Newer images</Link> : null}
          <span>
            Page {query.page} of {pages}
          </span>
          {query.page < pages ? <Link href={`/admin/media?page=${query.page + 1}${query.q ? `&q=${encodeURIComponent(query.q)}` : ''}`}>Older images</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
