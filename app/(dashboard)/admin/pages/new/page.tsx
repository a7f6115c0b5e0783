import { PageEditor } from '@/components/admin/page-editor';
import { MediaActionsProvider } from '@/components/media/media-actions';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { absoluteUrl } from '@/lib/seo';
import { getSite } from '@/lib/site';
import { describeMediaAction } from '../../media/actions';
import { getPageSnapshotAction, savePageAction } from '../actions';

export const metadata = { title: 'New page' };

export default async function NewPagePage() {
  await requirePageRole('EDITOR', '/admin/pages/new');
  const site = await getSite();
  return (
    <MediaActionsProvider describe={describeMediaAction}>
      <PageHeader breadcrumb={[{ label: 'Pages', href: '/admin/pages' }]} title="New page" description="Drafts save themselves once they have a title." />
      <PageEditor
        action={savePageAction}
        loadCurrent={getPageSnapshotAction}
        timeZone={site.timeZone}
        mediaMaxMegabytes={env.MEDIA_MAX_UPLOAD_MB}
        seo={{ slug: '', seoTitle: '', seoDescription: '' }}
        siteUrl={absoluteUrl('')}
        siteName={site.name}
      />
    </MediaActionsProvider>
  );
}
