import Link from 'next/link';
import { z } from 'zod';
import { ModerationButtons, ModerationStatus } from '@/components/admin/moderation-buttons';
import { articlePath } from '@/lib/articles/urls';
import { requirePageRole } from '@/lib/auth/session';
import { countCommentsByStatus, listCommentsForModeration } from '@/lib/comments';
import { formatDateTime } from '@/lib/site';
import { moderateCommentAction } from '../actions';

export const metadata = { title: 'Comments' };

const TABS = [
  { status: 'PENDING', label: 'Pending' },
  { status: 'APPROVED', label: 'Approved' },
  { status: 'SPAM', label: 'Spam' },
  { status: 'TRASH', label: 'Trash' },
] as const;

const statusSchema = z.enum(['PENDING', 'APPROVED', 'SPAM', 'TRASH']).catch('PENDING');

export default async function CommentsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageRole('EDITOR', '/admin/comments');
  const status = statusSchema.parse((await searchParams).status);
  const [comments, counts] = await Promise.all([listCommentsForModeration(user, status), countCommentsByStatus()]);
  const current = TABS.find((t) => t.status === status)!;
  return (
    <>
      <h1 className="text-2xl font-bold">Comments</h1>
      <nav aria-label="Comment status" className="mt-4 flex flex-wrap gap-2 text-sm">
        {TABS.map((t) => (
          <Link
            key={t.status}
            href={`/admin/comments?status=${t.status}`}
            aria-current={t.status === status ? 'page' : undefined}
            className={`rounded px-3 py-1 ${t.status === status ? 'bg-neutral-900 text-white dark:bg-white dark:text-neutral-900' : 'border border-black/20 dark:border-white/30'}`}
          >
            {t.label} ({counts[t.status]})
          </Link>
        ))}
      </nav>
      <ModerationStatus>
      <h2 className="mt-6 text-lg font-semibold">{current.label} comments</h2>
      {comments.length === 0 ? <p className="mt-3">No {current.label.toLowerCase()} comments.</p> : null}
      <ul className="mt-3 space-y-4">
        {comments.map((c) => (
          <li key={c.id} className="rounded border border-black/10 bg-white p-4 dark:border-white/15 dark:bg-neutral-900">
            <article aria-label={`Comment by ${c.authorName}`}>
              <p className="text-sm">
                <span className="font-semibold">{c.authorName}</span> &lt;{c.authorEmail}&gt;
                {c.authorUrl ? <span> · {c.authorUrl}</span> : null} · <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
              </p>
              <p className="mt-1 text-sm">
                On{' '}
                <Link href={articlePath(c.article.slug)} className="underline">
                  {c.article.title}
                </Link>
              </p>
              <p className="mt-2 whitespace-pre-line">{c.body}</p>
              <ModerationButtons commentId={c.id} status={c.status} action={moderateCommentAction} />
            </article>
          </li>
        ))}
      </ul>
      </ModerationStatus>
    </>
  );
}
