import { notFound } from 'next/navigation';
import { ArticleStatusBadge } from '@/components/admin/article-status-badge';
import { StaticPage } from '@/components/site/static-page';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { getPageForPreview } from '@/lib/pages/queries';

export const metadata = { title: 'Preview page' };

/** The page as saved now, whatever its status, as readers will see it (staff only). */
export default async function PreviewPagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageRole('EDITOR', `/admin/pages/${id}/preview`);
  const page = await getPageForPreview(id, user);
  if (!page) notFound();
  return (
    <>
      <PageHeader
        breadcrumb={[
          { label: 'Pages', href: '/admin/pages' },
          { label: page.title, href: `/admin/pages/${page.id}` },
        ]}
        title="Preview"
        actions={<ArticleStatusBadge status={page.status} />}
      />
      <Alert tone="info" className="mb-6">
        This is the last saved version; unsaved changes in the editor are not shown.
      </Alert>
      <div className="rounded-lg border border-subtle bg-bg p-6">
        <StaticPage page={page} />
      </div>
    </>
  );
}
