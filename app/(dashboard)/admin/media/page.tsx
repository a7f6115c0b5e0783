import Link from 'next/link';
import { z } from 'zod';
import { MediaLibraryUploader } from '@/components/media/media-library-uploader';
import { RefreshWhileProcessing } from '@/components/media/refresh-while-processing';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
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
  const pageHref = (page: number) => `/admin/media?page=${page}${query.q ? `&q=${encodeURIComponent(query.q)}` : ''}`;
  return (
    <>
      <PageHeader title="Media library" description={`${total === 1 ? '1 image' : `${total} images`}. Every image needs alt text before it can go into an article.`} />
      {deleted ? (
        <Alert tone="success" className="mb-4">
          Image deleted.
        </Alert>
      ) : null}
      {hasRole(user.role, 'AUTHOR') ? (
        <section aria-labelledby="upload-heading">
          <h2 id="upload-heading" className="sr-only">
            Upload
          </h2>
          <MediaLibraryUploader maxMegabytes={env.MEDIA_MAX_UPLOAD_MB} />
        </section>
      ) : (
        <p className="text-sm text-muted">Contributors can use images already in the library; ask an author or editor to upload new ones.</p>
      )}
      <form role="search" className="mt-6 flex flex-wrap items-end gap-2" action="/admin/media">
        <Field id="media-q" label="Search images">
          {(p) => <Input {...p} name="q" defaultValue={query.q} fit className="w-72" />}
        </Field>
        <Button type="submit">Search</Button>
      </form>
      {items.length === 0 ? <EmptyState className="mt-6">{query.q ? 'No images match that search.' : 'No images yet. Upload the first one above.'}</EmptyState> : null}
      <RefreshWhileProcessing active={items.some((m) => m.status === 'PROCESSING')} />
      <ul aria-label="Images" className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
        {items.map((m) => (
          <li key={m.id} className="overflow-hidden rounded-lg border border-subtle bg-surface shadow-xs hover:border-strong">
            <Link href={`/admin/media/${m.id}`} className="block">
              {m.status === 'READY' ? (
                // eslint-disable-next-line @next/next/no-img-element -- renditions are already sized; next/image would resize them again
                <img src={m.thumbnailUrl} alt="" width={320} height={Math.round((320 * m.height) / m.width)} loading="lazy" className="aspect-[4/3] w-full bg-surface-muted object-cover" />
              ) : (
                <span className="flex aspect-[4/3] w-full items-center justify-center bg-surface-muted text-sm text-muted">
                  {m.status === 'PROCESSING' ? 'Making sizes…' : 'Could not be processed'}
                </span>
              )}
              <span className="block p-2 text-sm">
                <span className="block truncate font-medium">{m.alt || m.filename}</span>
                <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted">
                  {m.width}×{m.height}
                  {m.status === 'PROCESSING' ? <Badge tone="info">Processing</Badge> : null}
                  {m.status === 'FAILED' ? <Badge tone="danger">Processing failed</Badge> : null}
                  {m.alt ? null : <Badge tone="danger">Needs alt text</Badge>}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <Pager
          label="Pages"
          prev={query.page > 1 ? { href: pageHref(query.page - 1), label: 'Newer images' } : null}
          next={query.page < pages ? { href: pageHref(query.page + 1), label: 'Older images' } : null}
          status={`Page ${query.page} of ${pages}`}
        />
      ) : null}
    </>
  );
}
