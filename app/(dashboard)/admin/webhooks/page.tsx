import Link from 'next/link';
import { CreateWebhookForm } from '@/components/admin/webhook-forms';
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
      <h1 className="text-2xl font-bold">Webhooks</h1>
      <p className="mt-2 max-w-prose">
        Broadsheet POSTs a JSON event to each endpoint when something it subscribes to happens. Every request carries <code>X-Broadsheet-Event</code>,{' '}
        <code>X-Broadsheet-Delivery</code>, <code>X-Broadsheet-Timestamp</code> and <code>X-Broadsheet-Signature: sha256=&lt;hex&gt;</code>, the HMAC-SHA256 of{' '}
        <code>timestamp.body</code> with the endpoint&rsquo;s signing secret. Any answer other than 2xx is retried with growing delays (30 s, 2 min, 8 min, …; 8 attempts).
      </p>
      {params.deleted ? (
        <p role="status" className="mt-4 rounded bg-green-50 p-2 text-sm text-green-900">
          Endpoint deleted.
        </p>
      ) : null}
      <h2 className="mt-8 text-lg font-semibold">Register an endpoint</h2>
      <CreateWebhookForm action={createWebhookAction} events={WEBHOOK_EVENT_OPTIONS} />
      <h2 className="mt-8 text-lg font-semibold">Endpoints</h2>
      {hooks.length === 0 ? (
        <p className="mt-3">No endpoints yet.</p>
      ) : (
        <table className="mt-3 w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-black/10 dark:border-white/15">
              <th scope="col" className="py-2 pr-4">URL</th>
              <th scope="col" className="py-2 pr-4">Events</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">Last delivery</th>
            </tr>
          </thead>
          <tbody>
            {hooks.map((h) => (
              <tr key={h.id} className="border-b border-black/5 align-top dark:border-white/10">
                <td className="py-2 pr-4 break-all">
                  <Link href={`/admin/webhooks/${h.id}`} className="font-semibold underline">
                    {h.url}
                  </Link>
                </td>
                <td className="py-2 pr-4">{h.events.join(', ')}</td>
                <td className="py-2 pr-4">{h.active ? 'Active' : 'Disabled'}</td>
                <td className="py-2 pr-4">
                  {h.lastDelivery ? (
                    <>
                      {h.lastDelivery.status.toLowerCase()}
                      {h.lastDelivery.responseStatus ? ` (HTTP ${h.lastDelivery.responseStatus})` : ''},{' '}
                      <time dateTime={h.lastDelivery.createdAt.toISOString()}>{formatDateTime(h.lastDelivery.createdAt)}</time>
                    </>
                  ) : (
                    'None yet'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
