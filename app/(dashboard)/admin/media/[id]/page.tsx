import Link from 'next/link';
import { RefreshWhileProcessing } from '@/components/media/refresh-while-processing';
import { Alert } from '@/components/ui/alert';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/admin/action-form';
import { MediaEditForm } from '@/components/media/media-edit-form';
import { Card, Panel } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { getMedia, getMediaUsage } from '@/lib/media';
import { formatMegabytes } from '@/lib/media/limits';
import { formatDateTime } from '@/lib/site';
import { mediaIdSchema } from '@/lib/validation/media';
import { deleteMediaAction, updateMediaAction } from '../actions';

export const metadata = { title: 'Image details' };

export default async function MediaDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const user = await requirePageRole('CONTRIBUTOR', `/admin/media/${raw}`);
  const id = mediaIdSchema.safeParse(raw);
  const item = id.success ? await getMedia(id.data) : null;
  if (!item) notFound();
  const usage = await getMediaUsage(item.id);
  const canEdit = hasRole(user.role, 'EDITOR') || (hasRole(user.role, 'AUTHOR') && item.uploadedById === user.id);
  return (
    <>
      <PageHeader
        breadcrumb={[{ label: 'Media library', href: '/admin/media' }]}
        title="Image details"
        description={`${item.filename} · ${item.width}×${item.height} · ${formatMegabytes(item.size)} · uploaded ${formatDateTime(item.createdAt)}${item.uploadedBy ? ` by ${item.uploadedBy}` : ''}`}
      />
      <RefreshWhileProcessing active={item.status === 'PROCESSING'} />
      {item.status === 'PROCESSING' ? (
        <Alert tone="info" className="mb-4">
          Making this image’s sizes. This page updates when it is ready; it can go into articles then.
        </Alert>
      ) : null}
      {item.status === 'FAILED' ? (
        <Alert tone="danger" className="mb-4">
          {item.processingError ?? 'This image could not be processed.'}
        </Alert>
      ) : null}
      {item.status === 'READY' ? (
        <Card>
          <MediaEditForm
            action={updateMediaAction}
            canEdit={canEdit}
            item={{
              id: item.id,
              version: item.version,
              alt: item.alt,
              caption: item.caption,
              credit: item.credit,
              focalX: item.focalX,
              focalY: item.focalY,
              src: item.image.src,
              width: item.width,
              height: item.height,
            }}
          />
        </Card>
      ) : null}
      <section aria-labelledby="usage-heading" className="mt-10">
        <h2 id="usage-heading" className="text-lg font-semibold">
          Used in
        </h2>
        {usage.length ? (
          <ul className="mt-2 list-disc pl-6">
            {usage.map((a) => (
              <li key={a.id}>
                <Link href={`/admin/articles/${a.id}`} className="underline">
                  {a.title}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-muted">No article uses this image.</p>
        )}
      </section>
      {canEdit ? (
        <Panel
          id="delete-heading"
          title="Delete image"
          tone="danger"
          className="mt-10 max-w-xl"
          description={
            usage.length
              ? `This image is used in ${usage.length === 1 ? 'an article' : `${usage.length} articles`}: remove it from ${usage.length === 1 ? 'that article' : 'them'} first, or the deletion will be refused.`
              : 'Deletes the image and all its sizes. This cannot be undone.'
          }
        >
          <ActionForm
            label="Delete image"
            action={deleteMediaAction}
            submitLabel="Delete image"
            pendingLabel="Deleting…"
            variant="danger"
            fields={[
              { kind: 'hidden', name: 'id', value: item.id },
              { kind: 'hidden', name: 'version', value: String(item.version) },
            ]}
          />
        </Panel>
      ) : null}
    </>
  );
}
