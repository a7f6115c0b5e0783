import Link from 'next/link';
import { permanentRedirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Card, EmptyState, Panel } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getNewsroomOverview, type OverviewArticle, type OverviewList } from '@/lib/articles/overview';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { countModerationTabs } from '@/lib/comments/moderation';
import { formatDateTime, formatLongDate, getSite } from '@/lib/site';

export const metadata = { title: 'Overview' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The articles list's own query parameters: it lived at /admin until it moved to /admin/articles. */
const LIST_PARAMS = new Set(['status', 'section', 'author', 'tag', 'q', 'sort', 'page', 'after', 'before', 'deleted']);

/** Old links and bookmarks of the list (and redirects of actions written for it) go on to the list, filters and all. */
function redirectOldListLinks(params: Record<string, string | string[] | undefined>) {
  if (!Object.keys(params).some((k) => LIST_PARAMS.has(k))) return;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (LIST_PARAMS.has(k)) for (const value of [v ?? ''].flat()) query.append(k, value);
  permanentRedirect(`/admin/articles?${query}`);
}

/** A stat tile at the top: a number, what it counts, and where to see them. */
function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <Link href={href} className="group rounded-lg border border-subtle bg-surface p-4 shadow-xs hover:border-strong">
      <span className="block text-3xl font-bold tabular-nums">{value.toLocaleString('en-GB')}</span>
      <span className="mt-1 block text-sm font-medium text-muted group-hover:text-fg">{label}</span>
    </Link>
  );
}

/** One list of the overview: a few articles, each with its time, and a link to all of them. */
function ArticleListPanel({
  id,
  title,
  list,
  empty,
  more,
  when,
}: {
  id: string;
  title: string;
  list: OverviewList;
  empty: ReactNode;
  more: { href: string; label: string };
  when: (a: OverviewArticle) => ReactNode;
}) {
  return (
    <Panel
      id={id}
      title={title}
      actions={
        list.total ? (
          <Link href={more.href} className="text-sm font-semibold underline">
            {more.label} ({list.total.toLocaleString('en-GB')})
          </Link>
        ) : null
      }
    >
      {list.articles.length ? (
        <ul className="divide-y divide-subtle">
          {list.articles.map((a) => (
            <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
              <span className="min-w-0">
                <Link href={`/admin/articles/${a.id}`} className="font-semibold hover:underline">
                  {a.title}
                </Link>
                <span className="block text-xs text-muted">{[a.section, a.authors.join(', ')].filter(Boolean).join(' · ') || 'No byline'}</span>
              </span>
              <span className="text-xs whitespace-nowrap text-muted">{when(a)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{empty}</EmptyState>
      )}
    </Panel>
  );
}

/** The dashboard's front page: the newsroom's day at a glance. */
export default async function OverviewPage({ searchParams }: Props) {
  const params = await searchParams;
  redirectOldListLinks(params);
  const user = await requirePageRole('CONTRIBUTOR');
  const isEditor = hasRole(user.role, 'EDITOR');
  const [overview, comments, site] = await Promise.all([getNewsroomOverview(user), isEditor ? countModerationTabs() : null, getSite()]);
  const time = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{formatDateTime(d, site.timeZone)}</time> : '—');
  const list = (query: string) => `/admin/articles?${query}`;
  return (
    <>
      <PageHeader
        title="Overview"
        description={`${formatLongDate(new Date(), site.timeZone)}. ${isEditor ? 'The newsroom today.' : 'Your stories today.'}`}
        actions={
          <>
            <ButtonLink href="/admin/articles">All articles</ButtonLink>
            <ButtonLink href="/admin/articles/new" variant="primary">
              New article
            </ButtonLink>
          </>
        }
      />
      {params.denied ? (
        <Alert tone="warning" className="mb-6">
          Your role does not give access to that page.
        </Alert>
      ) : null}

      <section aria-label="At a glance" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="In review" value={overview.inReview.total} href={list('status=IN_REVIEW')} />
        <Stat label="Scheduled" value={overview.scheduled.total} href={list('status=SCHEDULED')} />
        <Stat label="My drafts" value={overview.myDrafts.total} href={list(`status=DRAFT&author=${user.id}`)} />
        {comments ? (
          <Stat label="Pending comments" value={comments.PENDING} href="/admin/comments?status=PENDING" />
        ) : (
          <Stat label="Published" value={overview.recentlyPublished.total} href={list('status=PUBLISHED&sort=published')} />
        )}
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <ArticleListPanel
          id="overview-review"
          title="Stories in review"
          list={overview.inReview}
          empty={isEditor ? 'Nothing is waiting for review.' : 'None of your stories is waiting for review.'}
          more={{ href: list('status=IN_REVIEW'), label: 'All in review' }}
          when={(a) => <>Sent {time(a.updatedAt)}</>}
        />
        <ArticleListPanel
          id="overview-scheduled"
          title="Next scheduled"
          list={overview.scheduled}
          empty="Nothing is scheduled."
          more={{ href: list('status=SCHEDULED'), label: 'All scheduled' }}
          when={(a) => time(a.scheduledAt)}
        />
        {comments ? (
          <Panel id="overview-comments" title="Pending comments" description="Readers’ comments wait here until someone approves them.">
            <Card className="flex flex-wrap items-center justify-between gap-4 bg-surface-muted shadow-none">
              <p>
                <span className="block text-3xl font-bold tabular-nums">{comments.PENDING.toLocaleString('en-GB')}</span>
                <span className="text-sm text-muted">waiting for moderation{comments.REPORTED ? `, ${comments.REPORTED.toLocaleString('en-GB')} reported` : ''}</span>
              </p>
              <ButtonLink href="/admin/comments?status=PENDING" variant={comments.PENDING ? 'primary' : 'secondary'}>
                Moderate comments
              </ButtonLink>
            </Card>
          </Panel>
        ) : null}
        <ArticleListPanel
          id="overview-drafts"
          title="My drafts"
          list={overview.myDrafts}
          empty={
            <>
              No drafts of yours.{' '}
              <Link href="/admin/articles/new" className="font-semibold underline">
                Start one
              </Link>
              .
            </>
          }
          more={{ href: list(`status=DRAFT&author=${user.id}`), label: 'All my drafts' }}
          when={(a) => <>Edited {time(a.updatedAt)}</>}
        />
        <ArticleListPanel
          id="overview-published"
          title="Recently published"
          list={overview.recentlyPublished}
          empty="Nothing published yet."
          more={{ href: list('status=PUBLISHED&sort=published'), label: 'All published' }}
          when={(a) => time(a.publishedAt)}
        />
      </div>
      <p className="mt-6 text-sm text-muted">
        Tip: press <kbd className="rounded border border-subtle bg-surface px-1 font-sans">Ctrl K</kbd> (<kbd className="rounded border border-subtle bg-surface px-1 font-sans">⌘ K</kbd> on a Mac) to
        jump to any screen or article.
      </p>
    </>
  );
}
