import Link from 'next/link';
import { ArticlesTable } from '@/components/admin/articles-table';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { DASHBOARD_PAGE_SIZE, listDashboardArticles, listDashboardFilterOptions } from '@/lib/articles/dashboard';
import { ARTICLE_STATUS_LABEL } from '@/lib/articles/status';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/site';
import { DASHBOARD_MAX_JUMP_PAGE, dashboardArticlesQuerySchema, type DashboardArticlesQuery, type DashboardSort } from '@/lib/validation/articles';
import { bulkArticlesAction } from './actions';

export const metadata = { title: 'Articles' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const LIST = '/admin/articles';
const FILTERS = ['status', 'section', 'author', 'tag', 'q'] as const;

type PageLink = { page: number; sort?: DashboardSort; after?: string | null; before?: string | null };

/** The list's address with these filters, so a filtered view can be bookmarked and shared. */
function listHref(query: DashboardArticlesQuery, to: PageLink): string {
  const p = new URLSearchParams();
  for (const key of FILTERS) if (query[key]) p.set(key, query[key]);
  const sort = to.sort ?? query.sort;
  if (sort !== 'updated') p.set('sort', sort);
  if (to.after) p.set('after', to.after);
  if (to.before) p.set('before', to.before);
  if (to.page > 1) p.set('page', String(to.page));
  const s = p.toString();
  return s ? `${LIST}?${s}` : LIST;
}

const number = (n: number) => n.toLocaleString('en-GB');

/** Each sort's fixed direction, as its header announces it. */
const SORT_DIRECTION = { updated: 'descending', published: 'descending', title: 'ascending' } as const;

export default async function ArticlesPage({ searchParams }: Props) {
  const user = await requirePageRole('CONTRIBUTOR', LIST);
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const query = dashboardArticlesQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const isEditor = hasRole(user.role, 'EDITOR');
  const [list, options] = await Promise.all([listDashboardArticles(user, query), listDashboardFilterOptions()]);
  const from = (list.page - 1) * DASHBOARD_PAGE_SIZE + 1;
  const to = from + list.articles.length - 1;
  const jumpMax = Math.min(list.pages, DASHBOARD_MAX_JUMP_PAGE);
  const filtered = FILTERS.some((k) => query[k]);

  return (
    <>
      <PageHeader
        title="Articles"
        description={isEditor ? 'Every article in the newsroom. Filter, sort, and archive or move several at once.' : 'You see the articles with you in the byline.'}
        actions={
          <ButtonLink href="/admin/articles/new" variant="primary">
            New article
          </ButtonLink>
        }
      />
      {first(raw.deleted) ? (
        <Alert tone="success" className="mb-4">
          The article was deleted permanently.
        </Alert>
      ) : null}

      <Card className="p-4">
        <form method="get" action={LIST} aria-label="Filter articles" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_repeat(5,minmax(0,1fr))] lg:items-end">
          <Field id="list-q" label="Search titles">
            {(p) => <Input {...p} compact name="q" type="search" defaultValue={query.q ?? ''} maxLength={100} />}
          </Field>
          <Field id="list-status" label="Status">
            {(p) => (
              <Select
                {...p}
                compact
                name="status"
                defaultValue={query.status ?? ''}
                options={[{ value: '', label: 'All statuses' }, ...Object.entries(ARTICLE_STATUS_LABEL).map(([value, label]) => ({ value, label }))]}
              />
            )}
          </Field>
          <Field id="list-section" label="Section">
            {(p) => (
              <Select
                {...p}
                compact
                name="section"
                defaultValue={query.section ?? ''}
                options={[{ value: '', label: 'All sections' }, { value: 'none', label: 'No section' }, ...options.sections.map((s) => ({ value: s.id, label: s.name }))]}
              />
            )}
          </Field>
          <Field id="list-author" label="Author">
            {(p) => (
              <Select {...p} compact name="author" defaultValue={query.author ?? ''} options={[{ value: '', label: 'All authors' }, ...options.authors.map((a) => ({ value: a.id, label: a.name }))]} />
            )}
          </Field>
          <Field id="list-tag" label="Tag">
            {(p) => <Select {...p} compact name="tag" defaultValue={query.tag ?? ''} options={[{ value: '', label: 'All tags' }, ...options.tags.map((t) => ({ value: t.id, label: t.name }))]} />}
          </Field>
          <Field id="list-sort" label="Sort by">
            {(p) => (
              <Select
                {...p}
                compact
                name="sort"
                defaultValue={query.sort}
                options={[
                  { value: 'updated', label: 'Last updated' },
                  { value: 'published', label: 'Publication date' },
                  { value: 'title', label: 'Title (A–Z)' },
                ]}
              />
            )}
          </Field>
          <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-6">
            <Button type="submit" variant="primary" size="sm">
              Apply filters
            </Button>
            {filtered || query.sort !== 'updated' ? (
              <Link href={LIST} className="text-sm font-semibold underline">
                Clear filters
              </Link>
            ) : null}
          </div>
        </form>
      </Card>

      <p className="mt-4 text-sm text-muted" role="status">
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
        sort={{
          key: query.sort,
          direction: SORT_DIRECTION[query.sort],
          links: { title: listHref(query, { page: 1, sort: 'title' }), updated: listHref(query, { page: 1, sort: 'updated' }), published: listHref(query, { page: 1, sort: 'published' }) },
        }}
        articles={list.articles.map((a) => ({
          id: a.id,
          title: a.title,
          status: a.status,
          section: a.section ?? '—',
          authors: a.authors.join(', '),
          updated: formatDateTime(a.updatedAt),
          updatedIso: a.updatedAt.toISOString(),
          published: a.publishedAt ? formatDateTime(a.publishedAt) : null,
          publishedIso: a.publishedAt?.toISOString() ?? null,
        }))}
      />
      {list.prevCursor || list.nextCursor || list.page > 1 ? (
        <Pager
          label="Pages"
          // Back to page 1 by number (a clean URL); other pages by cursor, which stays right while articles are added.
          prev={
            list.page > 1 ? { label: 'Previous page', href: listHref(query, list.page === 2 || !list.prevCursor ? { page: list.page - 1 } : { page: list.page - 1, before: list.prevCursor }) } : null
          }
          next={list.nextCursor ? { label: 'Next page', href: listHref(query, { page: list.page + 1, after: list.nextCursor }) } : null}
        >
          <form method="get" action={LIST} aria-label="Go to page" className="flex items-center gap-2">
            {FILTERS.map((key) => (query[key] ? <input key={key} type="hidden" name={key} value={query[key]} /> : null))}
            {query.sort !== 'updated' ? <input type="hidden" name="sort" value={query.sort} /> : null}
            <label htmlFor="list-page">Page</label>
            <Input id="list-page" name="page" type="number" min={1} max={Math.max(jumpMax, 1)} defaultValue={list.page} compact fit className="w-20" />
            <span className="text-muted">
              of {list.totalCapped ? `${number(list.pages)}+` : number(list.pages)}
              {list.pages > DASHBOARD_MAX_JUMP_PAGE ? ` (jump to ${number(DASHBOARD_MAX_JUMP_PAGE)} at most; further by Next page)` : ''}
            </span>
            <Button type="submit" size="sm">
              Go
            </Button>
          </form>
        </Pager>
      ) : null}
    </>
  );
}
