import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/components/admin/action-button';
import { EditWebhookForm } from '@/components/admin/webhook-forms';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Panel } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/site';
import { WEBHOOK_EVENT_OPTIONS } from '@/lib/validation/webhooks';
import { getWebhookWithDeliveries } from '@/lib/webhooks';
import { deleteWebhookAction, resendWebhookDeliveryAction, sendTestWebhookAction, setWebhookActiveAction, updateWebhookAction } from '../actions';

export const metadata = { title: 'Webhook endpoint' };

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  PENDING: { label: 'Pending', tone: 'info' },
  SUCCEEDED: { label: 'Delivered', tone: 'success' },
  FAILED: { label: 'Failed', tone: 'danger' },
};
const time = (d: Date) => <time dateTime={d.toISOString()}>{formatDateTime(d)}</time>;

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageRole('ADMIN', `/admin/webhooks/${id}`);
  const hook = await getWebhookWithDeliveries(id, user);
  if (!hook) notFound();
  return (
    <>
      <PageHeader
        breadcrumb={[{ label: 'Webhooks', href: '/admin/webhooks' }]}
        title={<span className="break-all">Webhook: {hook.url}</span>}
        description={
          <>
            {hook.active ? 'Active.' : 'Disabled: nothing is sent until it is enabled again.'} Registered {time(hook.createdAt)}.
          </>
        }
        actions={
          <>
            <ActionButton action={sendTestWebhookAction} fields={{ id: hook.id }} label="Send test event" />
            <ActionButton action={setWebhookActiveAction} fields={{ id: hook.id, active: String(!hook.active) }} label={hook.active ? 'Disable endpoint' : 'Enable endpoint'} />
            <ActionButton action={deleteWebhookAction} fields={{ id: hook.id }} label="Delete endpoint" variant="danger" confirm="Delete this endpoint and its delivery log? This cannot be undone." />
          </>
        }
      />

      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">Delivery log</h2>
        <p className="text-sm text-muted">
          The latest 50 deliveries, newest first. Pending deliveries are sent within seconds.{' '}
          <Link href={`/admin/webhooks/${hook.id}`} className="font-semibold text-fg underline">
            Refresh the log
          </Link>
        </p>
      </div>
      <DataTable
        className="mt-3"
        caption={`Deliveries to ${hook.url}`}
        rows={hook.deliveries}
        rowKey={(d) => d.id}
        rowAttributes={(d) => ({ 'data-delivery-id': d.id })}
        empty="No deliveries yet. Publish an article or send a test event."
        columns={[
          { key: 'event', header: 'Event', className: 'font-mono', cell: (d) => d.event },
          { key: 'queued', header: 'Queued', cell: (d) => time(d.createdAt) },
          { key: 'status', header: 'Status', cell: (d) => <Badge tone={STATUS[d.status]?.tone}>{STATUS[d.status]?.label ?? d.status}</Badge> },
          {
            key: 'response',
            header: 'Response',
            cell: (d) => (
              <>
                {d.responseStatus ? `HTTP ${d.responseStatus}` : d.attempt ? 'No answer' : '—'}
                {d.error ? <span className="block text-xs text-muted">{d.error}</span> : null}
              </>
            ),
          },
          { key: 'time', header: 'Time', cell: (d) => (d.responseTimeMs !== null ? `${d.responseTimeMs} ms` : '—') },
          {
            key: 'attempts',
            header: 'Attempts',
            cell: (d) => (
              <>
                {d.attempt}
                {d.attempts.length > 1 ? (
                  <ol className="mt-1 text-xs text-muted">
                    {d.attempts.map((a) => (
                      <li key={a.attempt}>
                        #{a.attempt}: {a.responseStatus ? `HTTP ${a.responseStatus}` : 'no answer'}, {a.responseTimeMs} ms
                      </li>
                    ))}
                  </ol>
                ) : null}
              </>
            ),
          },
          { key: 'retry', header: 'Next retry', cell: (d) => (d.status === 'PENDING' && d.nextAttemptAt ? time(d.nextAttemptAt) : '—') },
          { key: 'actions', header: 'Actions', hideHeader: true, cell: (d) => <ActionButton action={resendWebhookDeliveryAction} fields={{ webhookId: hook.id, deliveryId: d.id }} label="Resend" /> },
        ]}
      />

      <Panel id="edit-endpoint" title="Edit endpoint" className="mt-8">
        <EditWebhookForm action={updateWebhookAction} events={WEBHOOK_EVENT_OPTIONS} id={hook.id} url={hook.url} selected={hook.events} />
      </Panel>
    </>
  );
}
