import Link from 'next/link';
import { AUDIT_PAGE_SIZE, listAuditFilterOptions, listAuditLog } from '@/lib/audit';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/site';
import { auditQuerySchema } from '@/lib/validation/audit';

export const metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const selectClass = 'mt-1 block rounded border border-black/30 bg-white px-2 py-1 dark:border-white/30 dark:bg-neutral-900';

/** Where an audited entity lives in the dashboard, when it has a page of its own. */
function entityHref(type: string, id: string): string | null {
  if (type === 'article') return `/admin/articles/${id}`;
  if (type === 'user') return '/admin/users';
  if (type === 'comment') return '/admin/comments';
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

  return (
    <>
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="mt-1 text-sm">Who did what, newest first.</p>
      <form method="get" action="/admin/audit" className="mt-4 flex flex-wrap items-end gap-4 text-sm" aria-label="Filter the audit log">
        <div>
          <label htmlFor="audit-type" className="font-semibold">Entity type</label>
          <select id="audit-type" name="entityType" defaultValue={query.entityType ?? ''} className={selectClass}>
            <option value="">All types</option>
            {options.entityTypes.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="audit-action" className="font-semibold">Action</label>
          <select id="audit-action" name="action" defaultValue={query.action ?? ''} className={selectClass}>
            <option value="">All actions</option>
            {options.actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="font-semibold">Actor</label>
          <select id="audit-actor" name="actorId" defaultValue={query.actorId ?? ''} className={selectClass}>
            <option value="">Everyone</option>
            <option value="system">System</option>
            {options.actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded bg-neutral-900 px-4 py-1.5 font-semibold text-white dark:bg-white dark:text-neutral-900">
          Apply filters
        </button>
        <Link href="/admin/audit" className="underline">Clear filters</Link>
      </form>
      <p className="mt-4 text-sm" role="status">
        {total ? `Showing ${first}–${last} of ${total} entries` : 'No entries match these filters.'}
      </p>
      {entries.length ? (
        <table className="mt-3 w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-black/10 dark:border-white/15">
              <th scope="col" className="py-2 pr-4">When</th>
              <th scope="col" className="py-2 pr-4">Who</th>
              <th scope="col" className="py-2 pr-4">Action</th>
              <th scope="col" className="py-2">What</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const href = entityHref(e.entityType, e.entityId);
              const what = e.summary || `${e.entityType} ${e.entityId}`;
              return (
                <tr key={e.id} className="border-b border-black/5 dark:border-white/10">
                  <td className="py-2 pr-4 whitespace-nowrap"><time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time></td>
                  <td className="py-2 pr-4">{e.actorName}</td>
                  <td className="py-2 pr-4"><code>{e.action}</code></td>
                  <td className="py-2">
                    <span className="text-neutral-600 dark:text-neutral-300">{e.entityType}: </span>
                    {href ? <Link href={href} className="underline">{what}</Link> : what}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {pages > 1 ? (
        <nav aria-label="Audit log pages" className="mt-4 flex items-center gap-4 text-sm">
          {query.page > 1 ? <Link href={pageHref(query.page - 1)} className="underline">Newer entries</Link> : null}
          <span>Page {query.page} of {pages}</span>
          {query.page < pages ? <Link href={pageHref(query.page + 1)} className="underline">Older entries</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
