import Link from 'next/link';
import { ActionForm } from '@/components/admin/action-form';
import { CreateApiKeyForm, RevokeApiKeyButton } from '@/components/admin/api-key-form';
import { listApiKeys } from '@/lib/api-keys';
import { getCorsOrigins } from '@/lib/api/cors';
import { describeApiRateLimit } from '@/lib/api/rate-limit';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/site';
import { createApiKeyAction, revokeApiKeyAction, saveCorsOriginsAction } from './actions';

export const metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const user = await requirePageRole('ADMIN', '/admin/api-keys');
  const [keys, origins] = await Promise.all([listApiKeys(user), getCorsOrigins()]);
  const limit = describeApiRateLimit();
  return (
    <>
      <h1 className="text-2xl font-bold">API keys</h1>
      <p className="mt-2 max-w-prose">
        Keys let other front ends and partner sites read published content from the content API at <code>/api/v1</code> (see the{' '}
        <Link href="/admin/api" className="underline">
          API reference
        </Link>{' '}
        or the raw{' '}
        <a href="/api/v1/openapi.json" className="underline">
          openapi.json
        </a>
        ). Send a key as <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
      <h2 className="mt-8 text-lg font-semibold">Create a key</h2>
      <CreateApiKeyForm action={createApiKeyAction} />
      <h2 className="mt-8 text-lg font-semibold">Keys</h2>
      {keys.length === 0 ? (
        <p className="mt-3">No keys yet.</p>
      ) : (
        <table className="mt-3 w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-black/10 dark:border-white/15">
              <th scope="col" className="py-2 pr-4">Label</th>
              <th scope="col" className="py-2 pr-4">Prefix</th>
              <th scope="col" className="py-2 pr-4">Created</th>
              <th scope="col" className="py-2 pr-4">Last used</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} className="border-b border-black/5 align-top dark:border-white/10">
                <td className="py-2 pr-4 font-semibold">{k.label}</td>
                <td className="py-2 pr-4 font-mono">{k.prefix}…</td>
                <td className="py-2 pr-4">
                  <time dateTime={k.createdAt.toISOString()}>{formatDateTime(k.createdAt)}</time>
                  {k.createdBy ? <span> by {k.createdBy.name}</span> : null}
                </td>
                <td className="py-2 pr-4">{k.lastUsedAt ? <time dateTime={k.lastUsedAt.toISOString()}>{formatDateTime(k.lastUsedAt)}</time> : 'Never'}</td>
                <td className="py-2 pr-4">
                  {k.revokedAt ? (
                    <>
                      Revoked <time dateTime={k.revokedAt.toISOString()}>{formatDateTime(k.revokedAt)}</time>
                    </>
                  ) : (
                    'Active'
                  )}
                </td>
                <td className="py-2">{k.revokedAt ? null : <RevokeApiKeyButton id={k.id} action={revokeApiKeyAction} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="mt-10 text-lg font-semibold">API settings</h2>
      <p className="mt-2 max-w-prose">
        Rate limit: {limit.text}.{limit.shared ? ' Counted in Redis, shared by every server instance.' : ' Counted per server instance (set REDIS_URL to share the count).'} Set it with the{' '}
        <code>API_RATE_LIMIT</code> environment variable.
      </p>
      <div className="mt-4 max-w-xl">
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
      </div>
    </>
  );
}
