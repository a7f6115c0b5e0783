import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { AUDIT_PAGE_SIZE, listAuditFilterOptions, listAuditLog } from '@/lib/audit';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/site';
import { auditQuerySchema } from '@/lib/validation/audit';

export const metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where an audited entity lives in the dashboard, when it has a page of its own. */
function entityHref(type: string, id: string): string | null {
  if (type === 'article') return `/admin/articles/${id}`;
  if (type === 'user') return '/admin/users';
  if (type === 'comment') return '/admin/comments';
  if (type === 'plan') return `/admin/planning/${id}`;
  return null;
}

export default async function AuditPage({ searchParams }: Props) {
  const user = await requirePageRole('EDITOR', '/admin/audit');
  const raw = await searchParams;
  const query = auditQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [{ entries, total, pages }, options] = await Promise.all([listAuditLog(query, user), listAuditFilterOptions(user)]);
  const pageHref = (page: number) => {
    const p = new URLSearchParams();
    if (query.entityType) p.set('entityType', query.entityType);
    if (query.action) p.set('action', query.action);
    if (query.actorId) p.set('actorId', query.actorId);
    p.set('page', String(page));
    return `/admin/audit?${p}`;
  };
  const first = total ? (query.page - 1) * AUDIT_PAGE_SIZE + 1 : 0;
  const last = Math.min(total, query.page * AUDIT_PAGE_SIZE);
  const list = (values: string[]) => values.map((v) => ({ value: v, label: v }));

  return (
    <>
      <PageHeader title="Audit log" description="Who did what, newest first." />
      <Card className="p-4">
        <form method="get" action="/admin/audit" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
          <Field id="audit-type" label="Entity type">
            {(p) => <Select {...p} compact fit name="entityType" defaultValue={query.entityType ?? ''} options={[{ value: '', label: 'All types' }, ...list(options.entityTypes)]} />}
          </Field>
          <Field id="audit-action" label="Action">
            {(p) => <Select {...p} compact fit name="action" defaultValue={query.action ?? ''} options={[{ value: '', label: 'All actions' }, ...list(options.actions)]} />}
          </Field>
          <Field id="audit-actor" label="Actor">
            {(p) => (
              <Select
                {...p}
                compact
                fit
                name="actorId"
                defaultValue={query.actorId ?? ''}
                options={[{ value: '', label: 'Everyone' }, { value: 'system', label: 'System' }, ...options.actors.map((a) => ({ value: a.id, label: a.name }))]}
              />
            )}
          </Field>
          <Button type="submit" variant="primary" size="sm">
            Apply filters
          </Button>
          <Link href="/admin/audit" className="pb-1 text-sm font-semibold underline">
            Clear filters
          </Link>
        </form>
      </Card>
      <p className="mt-4 mb-3 text-sm text-muted" role="status">
        {total ? `Showing ${first}–${last} of ${total} entries` : 'No entries match these filters.'}
      </p>
      {entries.length ? (
        <DataTable
          caption="Audit log entries"
          rows={entries}
          rowKey={(e) => e.id}
          columns={[
            { key: 'when', header: 'When', className: 'whitespace-nowrap', cell: (e) => <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time> },
            { key: 'who', header: 'Who', cell: (e) => e.actorName },
            { key: 'action', header: 'Action', cell: (e) => <code className="text-xs">{e.action}</code> },
            {
              key: 'what',
              header: 'What',
              cell: (e) => {
                const href = entityHref(e.entityType, e.entityId);
                const what = e.summary || `${e.entityType} ${e.entityId}`;
                return (
                  <>
                    <span className="text-muted">{e.entityType}: </span>
                    {href ? (
                      <Link href={href} className="underline">
                        {what}
                      </Link>
                    ) : (
                      what
                    )}
                  </>
                );
              },
            },
          ]}
        />
      ) : null}
      {pages > 1 ? (
        <Pager
          label="Audit log pages"
          prev={query.page > 1 ? { href: pageHref(query.page - 1), label: 'Newer entries' } : null}
          next={query.page < pages ? { href: pageHref(query.page + 1), label: 'Older entries' } : null}
          status={`Page ${query.page} of ${pages}`}
        />
      ) : null}
    </>
  );
}
