import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ArticleAccessRefused } from '@/components/admin/article-access-refused';
import { ArticleStatusBadge } from '@/components/admin/article-status-badge';
import { ActionButton } from '@/components/admin/action-button';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, Panel } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import type { DiffPart } from '@/lib/articles/diff';
import { compareRevisions, listRevisions } from '@/lib/articles/revisions';
import { requirePageRole } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/site';
import { restoreRevisionAction } from '../../actions';

export const metadata = { title: 'Revisions' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const idParam = z.string().min(1).max(40).optional().catch(undefined);

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'added' ? (
          <ins key={i} className="bg-success-soft text-success underline decoration-2">
            {p.text}
          </ins>
        ) : p.kind === 'removed' ? (
          <del key={i} className="bg-danger-soft text-danger">
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageRole('CONTRIBUTOR', `/admin/articles/${id}/revisions`);
  const listed = await listRevisions(id, user).catch((e: unknown) => {
    // A missing or someone else's article gets the not-found page or a plain refusal, not the generic error page.
    if (e instanceof AppError && (e.code === 'forbidden' || e.code === 'not_found')) return e;
    throw e;
  });
  if (listed instanceof AppError) {
    if (listed.code === 'not_found') notFound();
    return <ArticleAccessRefused reason={listed.message} />;
  }
  const { article, revisions } = listed;
  const sp = await searchParams;
  const fromId = idParam.parse(sp.from) ?? revisions[1]?.id;
  const toId = idParam.parse(sp.to) ?? revisions[0]?.id;
  const comparison = fromId && toId && fromId !== toId ? await compareRevisions(id, fromId, toId, user) : null;
  const versions = revisions.map((r) => ({ value: r.id, label: `Version ${r.version}` }));

  return (
    <>
      <PageHeader
        breadcrumb={[{ label: 'Articles', href: '/admin/articles' }]}
        title={`Revisions of “${article.title}”`}
        description="Every saved version, newest first. Compare two, or restore an earlier one as a new version."
        actions={<ButtonLink href={`/admin/articles/${article.id}`}>Back to the editor</ButtonLink>}
      />
      <DataTable
        caption="Revisions"
        rows={revisions}
        rowKey={(r) => r.id}
        columns={[
          { key: 'version', header: 'Version', cell: (r) => `${r.version}${r.version === article.version ? ' (current)' : ''}` },
          { key: 'by', header: 'Saved by', cell: (r) => r.author?.name ?? 'System' },
          { key: 'when', header: 'When', cell: (r) => <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt)}</time> },
          { key: 'status', header: 'Status', cell: (r) => <ArticleStatusBadge status={r.status} /> },
          {
            key: 'action',
            header: 'Action',
            cell: (r) =>
              r.version !== article.version ? (
                <ActionButton action={restoreRevisionAction} fields={{ articleId: article.id, revisionId: r.id, version: String(article.version) }} label={`Restore version ${r.version}`} quiet />
              ) : null,
          },
        ]}
      />

      {revisions.length > 1 ? (
        <Card className="mt-8 p-4">
          <form method="get" aria-label="Compare versions" className="flex flex-wrap items-end gap-3">
            <Field id="compare-from" label="From">
              {(p) => <Select {...p} compact fit name="from" defaultValue={fromId} options={versions} />}
            </Field>
            <Field id="compare-to" label="To">
              {(p) => <Select {...p} compact fit name="to" defaultValue={toId} options={versions} />}
            </Field>
            <Button type="submit" variant="primary" size="sm">
              Compare
            </Button>
          </form>
        </Card>
      ) : (
        <p className="mt-6 text-muted">Only one version so far: save again to compare changes.</p>
      )}

      {comparison ? (
        <Panel
          id="diff-heading"
          title={`Changes from version ${comparison.from.version} to version ${comparison.to.version}`}
          description="Removed text is struck through; added text is underlined in green."
          className="mt-6"
        >
          <h3 className="text-sm font-semibold text-muted uppercase">Title</h3>
          <p className="font-serif text-xl">
            <Parts parts={comparison.title} />
          </p>
          <h3 className="mt-4 text-sm font-semibold text-muted uppercase">Standfirst</h3>
          <p>
            <Parts parts={comparison.standfirst} />
          </p>
          <h3 className="mt-4 text-sm font-semibold text-muted uppercase">Body</h3>
          <div className="space-y-3 font-serif">
            {comparison.body.map((parts, i) => (
              <p key={i}>
                <Parts parts={parts} />
              </p>
            ))}
          </div>
        </Panel>
      ) : null}
    </>
  );
}
