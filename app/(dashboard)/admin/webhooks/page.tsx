import Link from 'next/link';
import { CreateWebhookForm } from '@/components/admin/webhook-forms';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/site';
import { WEBHOOK_EVENT_OPTIONS } from '@/lib/validation/webhooks';
import { listWebhooks } from '@/lib/webhooks';
import { createWebhookAction } from './actions';

export const metadata = { title: 'Webhooks' };

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole('ADMIN', '/admin/webhooks');
  const [hooks, params] = await Promise.all([listWebhooks(user), searchParams]);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={
          <>
            Broadsheet POSTs a JSON event to each endpoint when something it subscribes to happens. Every request carries <code>X-Broadsheet-Event</code>, <code>X-Broadsheet-Delivery</code>,{' '}
            <code>X-Broadsheet-Timestamp</code> and <code>X-Broadsheet-Signature: sha256=&lt;hex&gt;</code>, the HMAC-SHA256 of <code>timestamp.body</code> with the endpoint&rsquo;s signing secret.
            Any answer other than 2xx is retried with growing delays (30 s, 2 min, 8 min, …; 8 attempts).
          </>
        }
      />
      {params.deleted ? (
        <Alert tone="success" className="mb-4">
          Endpoint deleted.
        </Alert>
      ) : null}
      <Panel id="register-endpoint" title="Register an endpoint">
        <CreateWebhookForm action={createWebhookAction} events={WEBHOOK_EVENT_OPTIONS} />
      </Panel>
      <h2 className="mt-8 mb-3 text-lg font-semibold">Endpoints</h2>
      <DataTable
        caption="Endpoints"
        rows={hooks}
        rowKey={(h) => h.id}
        empty="No endpoints yet."
        columns={[
          {
            key: 'url',
            header: 'URL',
            rowHeader: true,
            className: 'break-all',
            cell: (h) => (
              <Link href={`/admin/webhooks/${h.id}`} className="underline">
                {h.url}
              </Link>
            ),
          },
          { key: 'events', header: 'Events', cell: (h) => h.events.join(', ') },
          { key: 'status', header: 'Status', cell: (h) => (h.active ? <Badge tone="success">Active</Badge> : <Badge>Disabled</Badge>) },
          {
            key: 'last',
            header: 'Last delivery',
            cell: (h) =>
              h.lastDelivery ? (
                <>
                  {h.lastDelivery.status.toLowerCase()}
                  {h.lastDelivery.responseStatus ? ` (HTTP ${h.lastDelivery.responseStatus})` : ''},{' '}
                  <time dateTime={h.lastDelivery.createdAt.toISOString()}>{formatDateTime(h.lastDelivery.createdAt)}</time>
                </>
              ) : (
                'None yet'
              ),
          },
        ]}
      />
    </>
  );
}
