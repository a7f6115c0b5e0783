import Link from 'next/link';
import { BanFromCommentForm } from '@/components/admin/ban-form';
import { BulkModeration, EditCommentForm, StaffReplyForm } from '@/components/admin/comment-tools';
import { ModerationButtons, ModerationStatus } from '@/components/admin/moderation-buttons';
import { articlePath } from '@/lib/articles/urls';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { countModerationTabs, listModerationQueue } from '@/lib/comments/moderation';
import { formatDateTime } from '@/lib/site';
import { moderationQuerySchema, type ModerationTab } from '@/lib/validation/comments';
import { banFromCommentAction, bulkModerateCommentsAction, dismissReportsAction, editCommentAction, moderateCommentAction, staffReplyAction } from './actions';

export const metadata = { title: 'Comments' };

const TABS: { status: ModerationTab; label: string }[] = [
  { status: 'PENDING', label: 'Pending' },
  { status: 'APPROVED', label: 'Approved' },
  { status: 'SPAM', label: 'Spam' },
  { status: 'TRASH', label: 'Trash' },
  { status: 'REPORTED', label: 'Reported' },
];

function queueHref(status: ModerationTab, q?: string, page = 1) {
  const params = new URLSearchParams({ status });
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  return `/admin/comments?${params}`;
}

export default async function CommentsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageRole('EDITOR', '/admin/comments');
  const { status, q, page } = moderationQuerySchema.parse(await searchParams);
  const [{ comments, total, pages }, counts] = await Promise.all([listModerationQueue(user, { tab: status, q, page }), countModerationTabs()]);
  const current = TABS.find((t) => t.status === status)!;
  const isAdmin = hasRole(user.role, 'ADMIN');
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Comments</h1>
        <nav aria-label="Comment tools" className="flex gap-4 text-sm font-semibold">
          <Link href="/admin/comments/outbox" className="underline">
            Outbox
          </Link>
          {isAdmin ? (
            <>
              <Link href="/admin/comments/bans" className="underline">
                Bans
              </Link>
              <Link href="/admin/comments/settings" className="underline">
                Settings
              </Link>
              <Link href="/admin/comments/privacy" className="underline">
                Privacy
              </Link>
            </>
          ) : null}
        </nav>
      </div>
      <nav aria-label="Comment status" className="mt-4 flex flex-wrap gap-2 text-sm">
        {TABS.map((t) => (
          <Link
            key={t.status}
            href={queueHref(t.status, q)}
            aria-current={t.status === status ? 'page' : undefined}
            className={`rounded px-3 py-1 ${t.status === status ? 'bg-neutral-900 text-white dark:bg-white dark:text-neutral-900' : 'border border-black/20 dark:border-white/30'}`}
          >
            {t.label} ({counts[t.status]})
          </Link>
        ))}
      </nav>
      <form role="search" action="/admin/comments" className="mt-4 flex flex-wrap items-center gap-2 text-sm">
        <input type="hidden" name="status" value={status} />
        <label htmlFor="comment-search" className="font-semibold">
          Search comments
        </label>
        <input
          id="comment-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Text, author, email or article"
          className="w-72 rounded border border-black/20 bg-transparent px-2 py-1 dark:border-white/30"
        />
        <button type="submit" className="rounded border border-black/20 px-3 py-1 font-semibold dark:border-white/30">
          Search
        </button>
        {q ? (
          <Link href={queueHref(status)} className="underline">
            Clear search
          </Link>
        ) : null}
      </form>
      <ModerationStatus>
        <h2 className="mt-4 text-lg font-semibold">
          {current.label} comments{q ? ` matching “${q}”` : ''} ({total})
        </h2>
        {comments.length ? <BulkModeration action={bulkModerateCommentsAction} /> : <p className="mt-3">No {current.label.toLowerCase()} comments.</p>}
        <ul className="mt-3 space-y-4">
          {comments.map((c) => (
            <li key={c.id} className="flex gap-3 rounded border border-black/10 bg-white p-4 dark:border-white/15 dark:bg-neutral-900">
              <input type="checkbox" data-bulk-id={c.id} aria-label={`Select comment by ${c.authorName}`} className="mt-1 h-4 w-4 shrink-0" />
              <article aria-label={`Comment by ${c.authorName}`} className="min-w-0 flex-1">
                <p className="text-sm">
                  <span className="font-semibold">{c.authorName}</span> &lt;{c.authorEmail}&gt;
                  {c.isStaff ? <span className="ml-2 rounded bg-black/80 px-1.5 py-0.5 text-xs text-white">Staff</span> : null}
                  {c.authorUrl ? <span> · {c.authorUrl}</span> : null} · <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
                  {status === 'REPORTED' ? <span> · {c.status.toLowerCase()}</span> : null}
                </p>
                <p className="mt-1 text-sm">
                  On{' '}
                  <Link href={articlePath(c.article.slug)} className="underline">
                    {c.article.title}
                  </Link>
                  {c.parentId ? ' (a reply)' : null}
                </p>
                <p className="mt-2 whitespace-pre-line break-words">{c.body}</p>
                {c.reports.length ? (
                  <div className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
                    <p className="font-semibold">
                      Reported {c.reports.length} time{c.reports.length === 1 ? '' : 's'}
                    </p>
                    <ul className="ml-4 list-disc">
                      {c.reports.map((r) => (
                        <li key={r.id}>{r.reason}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <ModerationButtons commentId={c.id} status={c.status} action={moderateCommentAction} reported={c.reports.length > 0} dismissAction={dismissReportsAction} />
                <EditCommentForm comment={c} action={editCommentAction} />
                {c.status === 'APPROVED' ? <StaffReplyForm parentId={c.id} authorName={c.authorName} action={staffReplyAction} /> : null}
                {isAdmin ? <BanFromCommentForm commentId={c.id} hasIp={c.hasIp} action={banFromCommentAction} /> : null}
              </article>
            </li>
          ))}
        </ul>
      </ModerationStatus>
      {pages > 1 ? (
        <nav aria-label="Pages" className="mt-6 flex items-center gap-4 text-sm">
          {page > 1 ? (
            <Link href={queueHref(status, q, page - 1)} className="underline">
              Previous page
            </Link>
          ) : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link href={queueHref(status, q, page + 1)} className="underline">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
