import Link from 'next/link';
import { ActionForm } from '@/components/admin/action-form';
import { ActionButton } from '@/components/admin/action-button';
import { CreateApiKeyForm } from '@/components/admin/api-key-form';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { listApiKeys } from '@/lib/api-keys';
import { getCorsOrigins } from '@/lib/api/cors';
import { describeApiRateLimit } from '@/lib/api/rate-limit';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/site';
import { listUsers } from '@/lib/users/admin';
import { createApiKeyAction, revokeApiKeyAction, saveCorsOriginsAction } from './actions';

export const metadata = { title: 'API keys' };

const time = (d: Date) => <time dateTime={d.toISOString()}>{formatDateTime(d)}</time>;

export default async function ApiKeysPage() {
  const user = await requirePageRole('ADMIN', '/admin/api-keys');
  const [keys, origins, users] = await Promise.all([listApiKeys(user), getCorsOrigins(), listUsers(user)]);
  const staff = users.filter((u) => !u.deactivatedAt).map((u) => ({ id: u.id, name: u.name, role: u.role }));
  const limit = describeApiRateLimit();
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let other front ends and partner sites read published content from the content API at <code>/api/v1</code> (see the{' '}
            <Link href="/admin/api" className="underline">
              API reference
            </Link>{' '}
            or the raw{' '}
            <a href="/api/v1/openapi.json" className="underline">
              openapi.json
            </a>
            ). Send a key as <code>Authorization: Bearer &lt;key&gt;</code>. Admin keys also write through <code>/api/v1/admin</code>, acting as a staff user within the scopes you tick.
          </>
        }
      />
      <Panel id="create-key" title="Create a key">
        <CreateApiKeyForm action={createApiKeyAction} staff={staff} currentUserId={user.id} />
      </Panel>
      <h2 className="mt-8 mb-3 text-lg font-semibold">Keys</h2>
      <DataTable
        caption="API keys"
        rows={keys}
        rowKey={(k) => k.id}
        empty="No keys yet."
        columns={[
          { key: 'label', header: 'Label', rowHeader: true, cell: (k) => k.label },
          { key: 'prefix', header: 'Prefix', className: 'font-mono', cell: (k) => `${k.prefix}…` },
          {
            key: 'kind',
            header: 'Type',
            cell: (k) =>
              k.kind === 'ADMIN' ? (
                <>
                  Admin, as {k.actsAs ? k.actsAs.name : 'a removed user'}
                  {k.actsAs?.deactivatedAt ? <span className="block text-xs text-danger">User deactivated: key refused</span> : null}
                  <span className="block text-xs text-muted">{k.scopes.join(', ')}</span>
                </>
              ) : (
                'Content'
              ),
          },
          {
            key: 'created',
            header: 'Created',
            cell: (k) => (
              <>
                {time(k.createdAt)}
                {k.createdBy ? <span className="block text-xs text-muted">by {k.createdBy.name}</span> : null}
              </>
            ),
          },
          { key: 'used', header: 'Last used', cell: (k) => (k.lastUsedAt ? time(k.lastUsedAt) : 'Never') },
          {
            key: 'status',
            header: 'Status',
            cell: (k) =>
              k.revokedAt ? (
                <>
                  <Badge tone="danger">Revoked</Badge> <span className="block text-xs text-muted">{time(k.revokedAt)}</span>
                </>
              ) : (
                <Badge tone="success">Active</Badge>
              ),
          },
          {
            key: 'actions',
            header: 'Actions',
            hideHeader: true,
            cell: (k) => (k.revokedAt ? null : <ActionButton action={revokeApiKeyAction} fields={{ id: k.id }} label="Revoke" variant="danger" quiet />),
          },
        ]}
      />
      <Panel
        id="api-settings"
        title="API settings"
        className="mt-10 max-w-2xl"
        description={
          <>
            Rate limit: {limit.text}.{limit.shared ? ' Counted in Redis, shared by every server instance.' : ' Counted per server instance (set REDIS_URL to share the count).'} Set it with the{' '}
            <code>API_RATE_LIMIT</code> environment variable.
          </>
        }
      >
        <ActionForm
          action={saveCorsOriginsAction}
          label="Allowed origins"
          submitLabel="Save allowed origins"
          fields={[
            {
              kind: 'textarea',
              name: 'corsOrigins',
              label: 'Allowed origins (CORS)',
              defaultValue: origins.join('\n'),
              hint: 'Web pages on these origins may call the API from the browser. One per line, exactly as the browser sends it, e.g. https://app.example.com. Leave empty to allow none.',
            },
          ]}
        />
      </Panel>
    </>
  );
}
