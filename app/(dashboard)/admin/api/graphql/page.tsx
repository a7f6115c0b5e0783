import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { runConsoleQuery } from '@/lib/graphql/console';
import { MAX_COST, MAX_DEPTH } from '@/lib/graphql/limits';
import { schemaSdl } from '@/lib/graphql/schema';

export const metadata = { title: 'GraphQL API' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The GraphQL schema (SDL) and a query form. A plain form, not GraphiQL: GraphiQL's bundle loads from a CDN, which the CSP forbids. */
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
      <form method="get" className="max-w-3xl space-y-4" aria-label="Run a query">
        <Field id="graphql-query" label="Query" error={result.error}>
          {(control) => <Textarea {...control} name="query" rows={10} defaultValue={result.query} className="font-mono" spellCheck={false} />}
        </Field>
        <Field id="graphql-variables" label="Variables (JSON)" hint='Optional, e.g. {"first": 5}.'>
          {(control) => <Textarea {...control} name="variables" rows={2} defaultValue={result.variables} className="font-mono" spellCheck={false} />}
        </Field>
        <Button type="submit" variant="primary">
          Run query
        </Button>
      </form>
      {result.output ? (
        <section aria-labelledby="graphql-result" className="mt-6 max-w-3xl">
          <h2 id="graphql-result" className="text-lg font-semibold">
            Result
          </h2>
          <pre tabIndex={0} className="mt-2 max-h-[32rem] overflow-auto rounded border border-subtle p-3 text-sm">
            {result.output}
          </pre>
        </section>
      ) : null}
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
