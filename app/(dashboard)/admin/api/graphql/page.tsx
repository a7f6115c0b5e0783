import { GraphiQLExplorer } from '@/components/admin/graphql/graphiql-explorer';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { EXAMPLE_QUERY, schemaIntrospection } from '@/lib/graphql/console';
import { MAX_COST, MAX_DEPTH } from '@/lib/graphql/limits';
import { schemaSdl } from '@/lib/graphql/schema';
import { runGraphQLOperationAction } from './actions';

export const metadata = { title: 'GraphQL API' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * GraphiQL (query, variables, result, the schema's Docs and history), running operations with
 * the signed-in session, and the SDL. GraphiQL comes from npm and its Monaco workers are served
 * from our origin, so it works offline under the dashboard's CSP. A query in the address
 * (?query=…) opens in the editor, so a query can be shared as a link.
 */
export default async function GraphQLPage({ searchParams }: Props) {
  await requirePageRole('EDITOR', '/admin/api/graphql');
  const linked = (await searchParams).query;
  const initialQuery = typeof linked === 'string' && linked.trim() && linked.length <= 20_000 ? linked : EXAMPLE_QUERY;
  return (
    <>
      <PageHeader
        title="GraphQL API"
        description={
          <>
            <code>POST /api/graphql</code> with a content key (<code>Authorization: Bearer &lt;key&gt;</code>), the same published content as the REST API. Queries deeper than {MAX_DEPTH} levels or
            costing more than {MAX_COST} are refused; the cost is in <code>extensions.cost</code>. <code>GET</code> accepts persisted-query hashes (<code>extensions.persistedQuery.sha256Hash</code>).{' '}
            <a href="#graphql-schema" className="underline">
              Schema (SDL)
            </a>
          </>
        }
      />
      <GraphiQLExplorer schema={schemaIntrospection()} initialQuery={initialQuery} run={runGraphQLOperationAction} />
      <section aria-labelledby="graphql-schema" className="mt-8">
        <h2 id="graphql-schema" className="text-lg font-semibold">
          Schema (SDL)
        </h2>
        <pre tabIndex={0} className="mt-2 max-h-[40rem] overflow-auto rounded border border-subtle p-3 text-sm">
          {schemaSdl()}
        </pre>
      </section>
    </>
  );
}
