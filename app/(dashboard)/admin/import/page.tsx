import Link from 'next/link';
import { ExportPanel } from '@/components/admin/import/export-panel';
import { ImportForm } from '@/components/admin/import/import-form';
import { ImportProgress } from '@/components/admin/import/import-progress';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { getExportStatus, getLatestExport } from '@/lib/export/job';
import { getImportStatus, listImports } from '@/lib/import/dashboard';
import { formatDateTime } from '@/lib/site';
import { exportEverythingAction } from './actions';

export const metadata = { title: 'Import and export' };

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole('ADMIN', '/admin/import');
  const params = await searchParams;
  const recent = await listImports(user);
  const jobId = typeof params.job === 'string' ? params.job : null;
  // The import asked for, else one still running: a reload shows where it has got to.
  const exportId = typeof params.export === 'string' ? params.export : null;
  const latestExport = (exportId ? await getExportStatus(exportId, user) : null) ?? (await getLatestExport(user));
  const current = (jobId ? await getImportStatus(jobId, user) : null) ?? recent.find((j) => j.status === 'QUEUED' || j.status === 'RUNNING') ?? null;
  return (
    <>
      <PageHeader
        title="Import and export"
        description="Bring a WordPress or Ghost site in, with its authors, sections, tags, comments, images and old addresses (they redirect to the new ones). Importing the same file again changes nothing; each item is imported whole or not at all."
      />
      <div className="grid gap-6">
        <Panel id="import" title="Import">
          <ImportForm maxMegabytes={env.IMPORT_MAX_UPLOAD_MB} />
        </Panel>
        {current ? (
          <Panel id="import-progress" title="Progress">
            <ImportProgress key={current.id} initial={current} />
          </Panel>
        ) : null}
        {recent.length ? (
          <Panel id="recent-imports" title="Recent imports">
            <DataTable
              caption="Recent imports"
              rows={recent}
              rowKey={(j) => j.id}
              empty="No imports yet."
              columns={[
                {
                  key: 'file',
                  header: 'File',
                  rowHeader: true,
                  cell: (j) => (
                    <Link href={`/admin/import?job=${j.id}`} className="underline">
                      {j.filename || 'Export file'}
                    </Link>
                  ),
                },
                { key: 'source', header: 'Source', cell: (j) => j.source + (j.dryRun ? ' (dry run)' : '') },
                { key: 'status', header: 'Status', cell: (j) => <Badge tone={j.status === 'FAILED' ? 'danger' : j.status === 'SUCCEEDED' ? 'success' : 'info'}>{j.status.toLowerCase()}</Badge> },
                { key: 'started', header: 'Started', cell: (j) => formatDateTime(new Date(j.createdAt)) },
              ]}
            />
          </Panel>
        ) : null}
        <Panel
          id="export"
          title="Export"
          description="One Broadsheet JSON file with every article, section, tag, author, comment, redirect and setting (described by docs/broadsheet-export.schema.json), and the images in an archive beside it. Import it into another Broadsheet with the Source Broadsheet."
        >
          <ExportPanel action={exportEverythingAction} latest={latestExport} />
        </Panel>
      </div>
    </>
  );
}
