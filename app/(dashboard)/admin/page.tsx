import Link from 'next/link';
import { ArticlesTable } from '@/components/admin/articles-table';
import { DASHBOARD_PAGE_SIZE, listDashboardArticles, listDashboardFilterOptions } from '@/lib/articles/dashboard';
import { ARTICLE_STATUS_LABEL } from '@/lib/articles/status';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/site';
import { DASHBOARD_MAX_JUMP_PAGE, dashboardArticlesQuerySchema, type DashboardArticlesQuery } from '@/lib/validation/articles';
import { bulkArticlesAction } from './articles/actions';

export const metadata = { title: 'Articles' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const selectClass = 'mt-1 block rounded border border-black/30 bg-white px-2 py-1 dark:border-white/30 dark:bg-neutral-900';

type PageLink = { page: number; after?: string | null; before?: string | null };

/** The list's address with these filters, so a filtered view can be bookmarked and shared. */
function listHref(query: DashboardArticlesQuery, to: PageLink): string {
  const p = new URLSearchParams();
  for (const key of ['status', 'section', 'author', 'tag', 'q'] as const) if (query[key]) p.set(key, query[key]);
  if (query.sort !== 'updated') p.set('sort', query.sort);
  if (to.after) p.set('after', to.after);
  if (to.before) p.set('before', to.before);
  if (to.page > 1) p.set('page', String(to.page));
  const s = p.toString();
  return s ? `/admin?${s}` : '/admin';
}

const number = (n: number) => n.toLocaleString('en-GB');

export default async function ArticlesPage({ searchParams }: Props) {
  const user = await requirePageRole('CONTRIBUTOR');
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const query = dashboardArticlesQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const isEditor = hasRole(user.role, 'EDITOR');
  const [list, options] = await Promise.all([listDashboardArticles(user, query), listDashboardFilterOptions()]);
  const denied = first(raw.denied);
  const from = (list.page - 1) * DASHBOARD_PAGE_SIZE + 1;
  const to = from + list.articles.length - 1;
  const jumpMax = Math.min(list.pages, DASHBOARD_MAX_JUMP_PAGE);
  const filtered = !!(query.status || query.section || query.author || query.tag || query.q);

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Articles</h1>
        <Link href="/admin/articles/new" className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white dark:bg-white dark:text-neutral-900">
          New article
        </Link>
      </div>
      {denied ? <p className="mt-4 rounded bg-amber-50 p-3 text-amber-900">Your role does not give access to that page.</p> : null}
      {first(raw.deleted) ? <p className="mt-4 rounded bg-green-50 p-3 text-green-900">The article was deleted permanently.</p> : null}
      {!isEditor ? <p className="mt-2 text-sm">You see the articles with you in the byline.</p> : null}

      <form method="get" action="/admin" aria-label="Filter articles" className="mt-4 flex flex-wrap items-end gap-4 text-sm">
        <div>
          <label htmlFor="list-q" className="font-semibold">
            Search titles
          </label>
          <input id="list-q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={100} className={selectClass} />
        </div>
        <div>
          <label htmlFor="list-status" className="font-semibold">
            Status
          </label>
          <select id="list-status" name="status" defaultValue={query.status ?? ''} className={selectClass}>
            <option value="">All statuses</option>
            {Object.entries(ARTICLE_STATUS_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="list-section" className="font-semibold">
            Section
          </label>
          <select id="list-section" name="section" defaultValue={query.section ?? ''} className={selectClass}>
            <option value="">All sections</option>
            <option value="none">No section</option>
            {options.sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="list-author" className="font-semibold">
            Author
          </label>
          <select id="list-author" name="author" defaultValue={query.author ?? ''} className={selectClass}>
            <option value="">All authors</option>
            {options.authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="list-tag" className="font-semibold">
            Tag
          </label>
          <select id="list-tag" name="tag" defaultValue={query.tag ?? ''} className={selectClass}>
            <option value="">All tags</option>
            {options.tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="list-sort" className="font-semibold">
            Sort by
          </label>
          <select id="list-sort" name="sort" defaultValue={query.sort} className={selectClass}>
            <option value="updated">Last updated</option>
            <option value="published">Publication date</option>
            <option value="title">Title (A–Z)</option>
          </select>
        </div>
        <button type="submit" className="rounded bg-neutral-900 px-4 py-1.5 font-semibold text-white dark:bg-white dark:text-neutral-900">
          Apply filters
        </button>
        {filtered || query.sort !== 'updated' ? (
          <Link href="/admin" className="underline">
            Clear filters
          </Link>
        ) : null}
      </form>

      <p className="mt-4 text-sm" role="status">
        {list.articles.length
          ? `Showing ${number(from)}–${number(to)} of ${list.totalCapped ? `more than ${number(list.total)}` : number(list.total)} articles`
          : list.total
            ? 'No articles on this page.'
            : filtered
              ? 'No articles match these filters.'
              : 'No articles yet. Start with “New article”.'}
      </p>
      {/* Always mounted: a bulk action's report must survive the refresh that empties a filtered list. */}
      <ArticlesTable
          action={bulkArticlesAction}
          sections={options.sections}
          articles={list.articles.map((a) => ({
            id: a.id,
            title: a.title,
            status: ARTICLE_STATUS_LABEL[a.status] ?? a.status,
            section: a.section ?? '—',
            authors: a.authors.join(', '),
            updated: formatDateTime(a.updatedAt),
            updatedIso: a.updatedAt.toISOString(),
          }))}
      />
      {list.prevCursor || list.nextCursor || list.page > 1 ? (
        <nav aria-label="Pages" className="mt-6 flex flex-wrap items-center justify-between gap-3 text-sm">
          {list.page > 1 ? (
            // Back to page 1 by number (a clean URL); other pages by cursor, which stays right while articles are added.
            <Link href={listHref(query, list.page === 2 || !list.prevCursor ? { page: list.page - 1 } : { page: list.page - 1, before: list.prevCursor })} rel="prev" className="underline">
              Previous page
            </Link>
          ) : (
            <span />
          )}
          <form method="get" action="/admin" aria-label="Go to page" className="flex items-center gap-2">
            {(['status', 'section', 'author', 'tag', 'q'] as const).map((key) => (query[key] ? <input key={key} type="hidden" name={key} value={query[key]} /> : null))}
            {query.sort !== 'updated' ? <input type="hidden" name="sort" value={query.sort} /> : null}
            <label htmlFor="list-page">Page</label>
            <input id="list-page" name="page" type="number" min={1} max={Math.max(jumpMax, 1)} defaultValue={list.page} className="w-20 rounded border border-black/30 bg-white px-2 py-1 dark:border-white/30 dark:bg-neutral-900" />
            <span>
              of {list.totalCapped ? `${number(list.pages)}+` : number(list.pages)}
              {list.pages > DASHBOARD_MAX_JUMP_PAGE ? ` (jump to ${number(DASHBOARD_MAX_JUMP_PAGE)} at most; further by Next page)` : ''}
            </span>
            <button type="submit" className="rounded border border-black/30 px-2 py-1 dark:border-white/30">
              Go
            </button>
          </form>
          {list.nextCursor ? (
            <Link href={listHref(query, { page: list.page + 1, after: list.nextCursor })} rel="next" className="underline">
              Next page
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
