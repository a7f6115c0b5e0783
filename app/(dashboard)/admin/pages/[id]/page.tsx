import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ActionForm } from '@/components/admin/action-form';
import { PageEditor } from '@/components/admin/page-editor';
import { MediaActionsProvider } from '@/components/media/media-actions';
import { ButtonLink } from '@/components/ui/button';
import { Panel } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { bodyDocSchema } from '@/lib/articles/body';
import { requirePageRole } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { getPageForEdit } from '@/lib/pages/mutations';
import { listPageRevisions } from '@/lib/pages/queries';
import { absoluteUrl } from '@/lib/seo';
import { formatDateTime, getSite } from '@/lib/site';
import { dateToZonedWallTime } from '@/lib/time-zone';
import { describeMediaAction } from '../../media/actions';
import { deletePageAction, getPageSnapshotAction, restorePageRevisionAction, savePageAction } from '../actions';

export const metadata = { title: 'Edit page' };

const SAVED_MESSAGES = { save: 'Draft saved.', publish: 'Published. The page is live.', schedule: 'Scheduled.', restore: 'Revision restored as a new version.' } as const;
const savedSchema = z.enum(['save', 'publish', 'schedule', 'restore']).optional().catch(undefined);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditPagePage({ params, searchParams }: Props) {
  const { id } = await params;
  const saved = savedSchema.parse((await searchParams).saved);
  const user = await requirePageRole('EDITOR', `/admin/pages/${id}`);
  const [page, revisions, site] = await Promise.all([getPageForEdit(id, user), listPageRevisions(id, user), getSite()]);
  if (!page) notFound();
  const doc = bodyDocSchema.safeParse(page.bodyJson);
  return (
    <MediaActionsProvider describe={describeMediaAction}>
      <PageHeader breadcrumb={[{ label: 'Pages', href: '/admin/pages' }]} title="Edit page" actions={<ButtonLink href={`/admin/pages/${page.id}/preview`}>Preview</ButtonLink>} />
      <PageEditor
        action={savePageAction}
        loadCurrent={getPageSnapshotAction}
        timeZone={site.timeZone}
        mediaMaxMegabytes={env.MEDIA_MAX_UPLOAD_MB}
        initialMessage={saved ? SAVED_MESSAGES[saved] : undefined}
        seo={{ slug: page.slug, seoTitle: page.seoTitle ?? '', seoDescription: page.seoDescription ?? '' }}
        siteUrl={absoluteUrl('')}
        siteName={site.name}
        initial={{
          id: page.id,
          slug: page.slug,
          version: page.version,
          status: page.status,
          title: page.title,
          standfirst: page.standfirst,
          bodyJson: doc.success ? doc.data : { type: 'doc', content: [] },
          sectionId: '',
          tags: '',
          publishAt: page.scheduledAt ? dateToZonedWallTime(page.scheduledAt, site.timeZone) : '',
          updatedAt: page.updatedAt.toISOString(),
          heroImage: null,
        }}
      />
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <Panel id="page-revisions" title="Revisions" description="Every save is kept, newest first. Restoring one saves it as a new version.">
          <ol className="space-y-1 text-sm">
            {revisions.map((r) => (
              <li key={r.id}>
                Version {r.version} · {r.title} · {formatDateTime(r.createdAt, site.timeZone)}
                {r.author ? ` · ${r.author.name}` : ''}
                {r.version !== page.version ? (
                  <ActionForm
                    inline
                    label={`Restore version ${r.version}`}
                    action={restorePageRevisionAction}
                    submitLabel={`Restore version ${r.version}`}
                    variant="secondary"
                    fields={[
                      { kind: 'hidden', name: 'pageId', value: page.id },
                      { kind: 'hidden', name: 'revisionId', value: r.id },
                      { kind: 'hidden', name: 'version', value: String(page.version) },
                    ]}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        </Panel>
        <Panel id="delete-page" title="Delete" tone="danger" description="Deleting removes the page, its revisions and menu links to it for good; its address then answers “not found”.">
          <ActionForm
            label="Delete the page permanently"
            action={deletePageAction}
            submitLabel="Delete page"
            variant="danger"
            fields={[
              { kind: 'hidden', name: 'pageId', value: page.id },
              { kind: 'text', name: 'confirm', label: 'Type delete to confirm' },
            ]}
          />
        </Panel>
      </div>
    </MediaActionsProvider>
  );
}
