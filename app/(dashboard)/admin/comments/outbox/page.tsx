import { CommentSubpageHeader } from '@/components/admin/comment-subpage-header';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth/session';
import { listOutbox, mailConfigured } from '@/lib/notifications';
import { formatDateTime } from '@/lib/site';

export const metadata = { title: 'Outbox' };

export default async function OutboxPage() {
  const user = await requirePageRole('EDITOR', '/admin/comments/outbox');
  const messages = await listOutbox(user);
  return (
    <>
      <CommentSubpageHeader title="Outbox">
        {mailConfigured()
          ? 'Mail goes out through the SMTP server in SMTP_URL; this is the record of what was sent.'
          : 'No SMTP server is configured (SMTP_URL), so nothing is sent: these are the messages the site would have sent.'}
      </CommentSubpageHeader>
      {messages.length === 0 ? <EmptyState>No messages yet.</EmptyState> : null}
      <ul className="space-y-3">
        {messages.map((m) => (
          <li key={m.id} className="rounded-lg border border-subtle bg-surface p-4 text-sm shadow-xs">
            <article aria-label={m.subject}>
              <p className="flex flex-wrap items-center gap-2 text-muted">
                <span>
                  <span className="font-semibold text-fg">To:</span> {m.to}
                </span>
                · <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                {m.sentAt ? <Badge tone="success">sent</Badge> : m.error ? <Badge tone="danger">failed: {m.error}</Badge> : <Badge>not sent (no SMTP)</Badge>}
              </p>
              <p className="mt-1 font-semibold">{m.subject}</p>
              <pre className="mt-2 font-sans break-words whitespace-pre-wrap">{m.text}</pre>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
