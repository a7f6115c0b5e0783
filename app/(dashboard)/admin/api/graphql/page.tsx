import { GraphQLExplorer } from '@/components/admin/graphql/graphql-explorer';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { runConsoleQuery, schemaDocs } from '@/lib/graphql/console';
import { MAX_COST, MAX_DEPTH } from '@/lib/graphql/limits';
import { schemaSdl } from '@/lib/graphql/schema';
import { runGraphQLQueryAction } from './actions';

export const metadata = { title: 'GraphQL API' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The GraphQL explorer (query, variables, result and the schema's Docs, run with the signed-in
 * session) and the SDL. Our own small explorer, not GraphiQL: graphql-yoga's GraphiQL loads from a
 * CDN, which the CSP forbids, and the npm graphiql package brings Monaco and its web workers. A
 * query in the address (?query=…) is run on the server, so links to a query work without JavaScript.
 */
export default async function GraphQLPage({ searchParams }: Props) {
  await requirePageRole('EDITOR', '/admin/api/graphql');
  const result = await runConsoleQuery(await searchParams);
  return (
    <>
      <PageHeader
        title="GraphQL API"
        description={
          <>
            <code>POST /api/graphql</code> with a content key (<code>Authorization: Bearer &lt;key&gt;</code>), the same published content as the REST API. Queries deeper than {MAX_DEPTH} levels or
            costing more than {MAX_COST} are refused; the cost is in <code>extensions.cost</code>. <code>GET</code> accepts persisted-query hashes (<code>extensions.persistedQuery.sha256Hash</code>).
          </>
        }
      />
      <GraphQLExplorer initial={result} docs={schemaDocs()} action={runGraphQLQueryAction} />
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
