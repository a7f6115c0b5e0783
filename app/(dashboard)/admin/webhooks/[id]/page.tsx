import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditWebhookForm, WebhookButton } from '@/components/admin/webhook-forms';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/site';
import { WEBHOOK_EVENT_OPTIONS } from '@/lib/validation/webhooks';
import { getWebhookWithDeliveries } from '@/lib/webhooks';
import { deleteWebhookAction, resendWebhookDeliveryAction, sendTestWebhookAction, setWebhookActiveAction, updateWebhookAction } from '../actions';

export const metadata = { title: 'Webhook endpoint' };

const STATUS_LABEL: Record<string, string> = { PENDING: 'Pending', SUCCEEDED: 'Delivered', FAILED: 'Failed' };

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageRole('ADMIN', `/admin/webhooks/${id}`);
  const hook = await getWebhookWithDeliveries(id, user);
  if (!hook) notFound();
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/webhooks" className="underline">
          All webhooks
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold break-all">Webhook: {hook.url}</h1>
      <p className="mt-2">
        {hook.active ? 'Active' : 'Disabled: nothing is sent until it is enabled again.'} Registered <time dateTime={hook.createdAt.toISOString()}>{formatDateTime(hook.createdAt)}</time>.
      </p>
      <div className="mt-4 flex flex-wrap items-start gap-3">
        <WebhookButton action={sendTestWebhookAction} fields={{ id: hook.id }} label="Send test event" />
        <WebhookButton action={setWebhookActiveAction} fields={{ id: hook.id, active: String(!hook.active) }} label={hook.active ? 'Disable endpoint' : 'Enable endpoint'} />
        <WebhookButton action={deleteWebhookAction} fields={{ id: hook.id }} label="Delete endpoint" danger confirm="Delete this endpoint and its delivery log?" />
      </div>

      <h2 className="mt-8 text-lg font-semibold">Delivery log</h2>
      <p className="mt-1 text-sm">
        The latest 50 deliveries, newest first. Pending deliveries are sent within seconds.{' '}
        <Link href={`/admin/webhooks/${hook.id}`} className="underline">
          Refresh the log
        </Link>
      </p>
      {hook.deliveries.length === 0 ? (
        <p className="mt-3">No deliveries yet. Publish an article or send a test event.</p>
      ) : (
        <table className="mt-3 w-full border-collapse text-left text-sm">
          <caption className="sr-only">Deliveries to {hook.url}</caption>
          <thead>
            <tr className="border-b border-black/10 dark:border-white/15">
              <th scope="col" className="py-2 pr-3">Event</th>
              <th scope="col" className="py-2 pr-3">Queued</th>
              <th scope="col" className="py-2 pr-3">Status</th>
              <th scope="col" className="py-2 pr-3">Response</th>
              <th scope="col" className="py-2 pr-3">Time</th>
              <th scope="col" className="py-2 pr-3">Attempts</th>
              <th scope="col" className="py-2 pr-3">Next retry</th>
              <th scope="col" className="py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hook.deliveries.map((d) => (
              <tr key={d.id} className="border-b border-black/5 align-top dark:border-white/10" data-delivery-id={d.id}>
                <td className="py-2 pr-3 font-mono">{d.event}</td>
                <td className="py-2 pr-3">
                  <time dateTime={d.createdAt.toISOString()}>{formatDateTime(d.createdAt)}</time>
                </td>
                <td className="py-2 pr-3">{STATUS_LABEL[d.status] ?? d.status}</td>
                <td className="py-2 pr-3">
                  {d.responseStatus ? `HTTP ${d.responseStatus}` : d.attempt ? 'No answer' : '—'}
                  {d.error ? <span className="block text-xs text-neutral-600 dark:text-neutral-300">{d.error}</span> : null}
                </td>
                <td className="py-2 pr-3">{d.responseTimeMs !== null ? `${d.responseTimeMs} ms` : '—'}</td>
                <td className="py-2 pr-3">
                  {d.attempt}
                  {d.attempts.length > 1 ? (
                    <ol className="mt-1 text-xs text-neutral-600 dark:text-neutral-300">
                      {d.attempts.map((a) => (
                        <li key={a.attempt}>
                          #{a.attempt}: {a.responseStatus ? `HTTP ${a.responseStatus}` : 'no answer'}, {a.responseTimeMs} ms
                        </li>
                      ))}
                    </ol>
                  ) : null}
                </td>
                <td className="py-2 pr-3">{d.status === 'PENDING' && d.nextAttemptAt ? <time dateTime={d.nextAttemptAt.toISOString()}>{formatDateTime(d.nextAttemptAt)}</time> : '—'}</td>
                <td className="py-2">
                  <WebhookButton action={resendWebhookDeliveryAction} fields={{ webhookId: hook.id, deliveryId: d.id }} label="Resend" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="mt-8 text-lg font-semibold">Edit endpoint</h2>
      <EditWebhookForm action={updateWebhookAction} events={WEBHOOK_EVENT_OPTIONS} id={hook.id} url={hook.url} selected={hook.events} />
    </>
  );
}
