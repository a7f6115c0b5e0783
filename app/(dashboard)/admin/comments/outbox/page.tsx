import Link from 'next/link';
import { requirePageRole } from '@/lib/auth/session';
import { listOutbox, mailConfigured } from '@/lib/notifications';
import { formatDateTime } from '@/lib/site';

export const metadata = { title: 'Outbox' };

export default async function OutboxPage() {
  const user = await requirePageRole('EDITOR', '/admin/comments/outbox');
  const messages = await listOutbox(user);
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/comments" className="underline">
          Comments
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Outbox</h1>
      <p className="mt-2 max-w-2xl text-sm text-neutral-700 dark:text-neutral-300">
        {mailConfigured()
          ? 'Mail goes out through the SMTP server in SMTP_URL; this is the record of what was sent.'
          : 'No SMTP server is configured (SMTP_URL), so nothing is sent: these are the messages the site would have sent.'}
      </p>
      {messages.length === 0 ? <p className="mt-4">No messages yet.</p> : null}
      <ul className="mt-4 space-y-3">
        {messages.map((m) => (
          <li key={m.id} className="rounded border border-black/10 bg-white p-4 text-sm dark:border-white/15 dark:bg-neutral-900">
            <article aria-label={m.subject}>
              <p>
                <span className="font-semibold">To:</span> {m.to} · <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time> ·{' '}
                {m.sentAt ? 'sent' : m.error ? <span className="text-red-800 dark:text-red-300">failed: {m.error}</span> : 'not sent (no SMTP)'}
              </p>
              <p className="mt-1 font-semibold">{m.subject}</p>
              <pre className="mt-2 whitespace-pre-wrap break-words font-sans">{m.text}</pre>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
