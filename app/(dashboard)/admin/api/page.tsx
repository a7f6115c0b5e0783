import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { buildApiReference, type ReferenceField } from '@/lib/api/reference';
import { requirePageRole } from '@/lib/auth/session';

export const metadata = { title: 'API reference' };

type Row = ReferenceField & { in?: string; default?: string };

/** An operation as table captions name it: the path, with its method unless GET (one path has several). */
const named = (op: { method: string; path: string }) => (op.method === 'GET' ? op.path : `${op.method} ${op.path}`);

function FieldTable({ caption, rows, extra }: { caption: string; rows: Row[]; extra?: boolean }) {
  return (
    <DataTable
      className="mt-2"
      caption={caption}
      rows={rows}
      rowKey={(r) => r.name}
      columns={[
        { key: 'name', header: 'Name', className: 'font-mono whitespace-nowrap', cell: (r) => r.name },
        ...(extra ? [{ key: 'in', header: 'In', cell: (r: Row) => r.in }] : []),
        { key: 'type', header: 'Type', className: 'font-mono', cell: (r) => r.type },
        { key: 'required', header: 'Required', cell: (r) => (r.required ? 'Yes' : 'No') },
        {
          key: 'description',
          header: 'Description',
          cell: (r) => (
            <>
              {r.description}
              {r.default ? <span className="block text-muted">Default: {r.default}</span> : null}
            </>
          ),
        },
      ]}
    />
  );
}

/** The content API reference, rendered from the same OpenAPI document the API serves. */
export default async function ApiReferencePage() {
  await requirePageRole('ADMIN', '/admin/api');
  const ref = buildApiReference();
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            {ref.title} {ref.version}. {ref.description} Keys are made on the{' '}
            <Link href="/admin/api-keys" className="underline">
              API keys
            </Link>{' '}
            page. This page is generated from{' '}
            <a href="/api/v1/openapi.json" className="underline">
              openapi.json
            </a>
            , which code generators and API tools can read.
          </>
        }
      />
      <h2 className="text-lg font-semibold">Common to every endpoint</h2>
      <ul className="mt-2 max-w-prose list-disc space-y-1 pl-6 text-sm">
        <li>
          Authentication: <code>Authorization: Bearer &lt;key&gt;</code>, or <code>?key=&lt;key&gt;</code> for clients that cannot set headers. A missing or revoked key gets 401.
        </li>
        <li>
          Errors always look like <code>{'{ "error": { "code", "message", "details" } }'}</code>; a bad parameter gets 400 with <code>details</code> naming it.
        </li>
        <li>
          Caching: every answer has an <code>ETag</code>; send it back as <code>If-None-Match</code> to get 304 with no body while nothing changed.
        </li>
        <li>
          Rate limit per key: over it, 429 with <code>Retry-After</code> (seconds). <code>RateLimit-Remaining</code> tells how many requests are left.
        </li>
        <li>
          Lists are paged: pass <code>meta.next</code> back as <code>cursor</code> until it is null.
        </li>
      </ul>
      <nav aria-label="Endpoints" className="mt-6">
        <h2 className="text-lg font-semibold">Endpoints</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {ref.operations.map((op) => (
            <li key={op.id}>
              <a href={`#${op.id}`} className="underline">
                <span className="font-mono">
                  {op.method} {op.path}
                </span>
              </a>{' '}
              — {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {ref.operations.map((op) => (
        <section key={op.id} id={op.id} aria-labelledby={`${op.id}-title`} className="mt-10 border-t border-subtle pt-6">
          <h2 id={`${op.id}-title`} className="font-mono text-lg font-semibold">
            {op.method} {op.path}
          </h2>
          <p className="mt-1">
            {op.summary}. {op.keyRequired ? 'Needs an API key.' : 'No key needed.'}
          </p>
          {op.parameters.length ? (
            <>
              <h3 className="mt-4 font-semibold">Parameters</h3>
              <FieldTable caption={`Parameters of ${named(op)}`} rows={op.parameters} extra />
            </>
          ) : null}
          {op.fields.length ? (
            <>
              <h3 className="mt-4 font-semibold">Response fields</h3>
              <FieldTable caption={`Response fields of ${named(op)}`} rows={op.fields} />
            </>
          ) : null}
          <h3 className="mt-4 font-semibold">Responses</h3>
          <ul className="mt-1 list-disc pl-6 text-sm">
            {op.responses.map((r) => (
              <li key={r.status}>
                <span className="font-mono">{r.status}</span> — {r.description}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
