import Link from 'next/link';
import { BanFromCommentForm } from '@/components/admin/ban-form';
import { BulkModeration, EditCommentForm, StaffReplyForm } from '@/components/admin/comment-tools';
import { ModerationButtons } from '@/components/admin/moderation-buttons';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { LinkTabs } from '@/components/ui/link-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
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
  const tools = [
    { href: '/admin/comments/outbox', label: 'Outbox' },
    ...(isAdmin
      ? [
          { href: '/admin/comments/bans', label: 'Bans' },
          { href: '/admin/comments/settings', label: 'Settings' },
          { href: '/admin/comments/privacy', label: 'Privacy' },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title="Comments"
        description="Readers’ comments wait in Pending until approved. Reported ones are also listed under Reported."
        actions={
          <nav aria-label="Comment tools" className="flex flex-wrap gap-2">
            {tools.map((t) => (
              <ButtonLink key={t.href} href={t.href} size="sm">
                {t.label}
              </ButtonLink>
            ))}
          </nav>
        }
      />
      <LinkTabs label="Comment status" tabs={TABS.map((t) => ({ href: queueHref(t.status, q), label: `${t.label} (${counts[t.status]})`, current: t.status === status }))} />
      <form role="search" action="/admin/comments" className="mt-4 flex flex-wrap items-end gap-2 text-sm">
        <input type="hidden" name="status" value={status} />
        <Field id="comment-search" label="Search comments">
          {(p) => <Input {...p} name="q" type="search" defaultValue={q} placeholder="Text, author, email or article" compact fit className="w-72" />}
        </Field>
        <Button type="submit" size="sm">
          Search
        </Button>
        {q ? (
          <Link href={queueHref(status)} className="pb-1 font-semibold underline">
            Clear search
          </Link>
        ) : null}
      </form>
      <h2 className="mt-6 text-lg font-semibold">
        {current.label} comments{q ? ` matching “${q}”` : ''} ({total})
      </h2>
      {comments.length ? <BulkModeration action={bulkModerateCommentsAction} /> : <EmptyState className="mt-3">No {current.label.toLowerCase()} comments.</EmptyState>}
      <ul className="mt-3 space-y-3">
        {comments.map((c) => (
          <li key={c.id} className="flex gap-3 rounded-lg border border-subtle bg-surface p-4 shadow-xs">
            <Checkbox data-bulk-id={c.id} aria-label={`Select comment by ${c.authorName}`} className="mt-1" />
            <article aria-label={`Comment by ${c.authorName}`} className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                <span className="font-semibold">{c.authorName}</span>
                <span className="text-muted">&lt;{c.authorEmail}&gt;</span>
                {c.isStaff ? <Badge tone="accent">Staff</Badge> : null}
                {c.authorUrl ? <span className="text-muted">· {c.authorUrl}</span> : null}
                <span className="text-muted">
                  · <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
                </span>
                {status === 'REPORTED' ? <Badge>{c.status.toLowerCase()}</Badge> : null}
              </p>
              <p className="mt-1 text-sm text-muted">
                On{' '}
                <Link href={articlePath(c.article.slug)} className="font-medium text-fg underline">
                  {c.article.title}
                </Link>
                {c.parentId ? ' (a reply)' : null}
              </p>
              <p className="mt-2 break-words whitespace-pre-line">{c.body}</p>
              {c.reports.length ? (
                <div className="mt-2 rounded-md border border-warning/30 bg-warning-soft p-2 text-sm text-warning">
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
              <ModerationButtons commentId={c.id} version={c.version} status={c.status} action={moderateCommentAction} reported={c.reports.length > 0} dismissAction={dismissReportsAction} />
              <EditCommentForm comment={c} action={editCommentAction} />
              {c.status === 'APPROVED' ? <StaffReplyForm parentId={c.id} authorName={c.authorName} action={staffReplyAction} /> : null}
              {isAdmin ? <BanFromCommentForm commentId={c.id} hasIp={c.hasIp} action={banFromCommentAction} /> : null}
            </article>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <Pager
          label="Pages"
          prev={page > 1 ? { href: queueHref(status, q, page - 1), label: 'Previous page' } : null}
          next={page < pages ? { href: queueHref(status, q, page + 1), label: 'Next page' } : null}
          status={`Page ${page} of ${pages}`}
        />
      ) : null}
    </>
  );
}
