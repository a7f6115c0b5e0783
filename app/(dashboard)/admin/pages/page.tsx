import Link from 'next/link';
import { ArticleStatusBadge } from '@/components/admin/article-status-badge';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { pagePath } from '@/lib/articles/urls';
import { requirePageRole } from '@/lib/auth/session';
import { listPagesForAdmin } from '@/lib/pages/queries';
import { formatDateTime, getSite } from '@/lib/site';

export const metadata = { title: 'Pages' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PagesPage({ searchParams }: Props) {
  const user = await requirePageRole('EDITOR', '/admin/pages');
  const [pages, site, params] = await Promise.all([listPagesForAdmin(user), getSite(), searchParams]);
  return (
    <>
      <PageHeader
        title="Pages"
        description="Static pages such as About, Contact or Terms, each at its own address under the site root. Editors and admins manage them."
        actions={
          <ButtonLink href="/admin/pages/new" variant="primary">
            New page
          </ButtonLink>
        }
      />
      {params.deleted === '1' ? (
        <Alert tone="success" className="mb-4">
          Page deleted.
        </Alert>
      ) : null}
      <DataTable
        caption="Pages"
        rows={pages}
        rowKey={(p) => p.id}
        empty="No pages yet. Create one with “New page”."
        columns={[
          {
            key: 'title',
            header: 'Title',
            rowHeader: true,
            cell: (p) => (
              <Link href={`/admin/pages/${p.id}`} className="font-semibold text-accent underline">
                {p.title}
              </Link>
            ),
          },
          { key: 'address', header: 'Address', cell: (p) => <code>{pagePath(p.slug)}</code> },
          { key: 'status', header: 'Status', cell: (p) => <ArticleStatusBadge status={p.status} /> },
          { key: 'updated', header: 'Last changed', cell: (p) => formatDateTime(p.updatedAt, site.timeZone) },
        ]}
      />
    </>
  );
}
