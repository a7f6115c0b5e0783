import 'server-only';
import { introspectionFromSchema, type IntrospectionQuery } from 'graphql';
import { z } from 'zod';
import { runGraphQL } from '@/lib/graphql/execute';
import { schema } from '@/lib/graphql/schema';

// GraphiQL in the dashboard (/admin/api/graphql): a signed-in editor runs a query through the
// same path as the API (limits, cache, published-only data) without a key.

export const EXAMPLE_QUERY = `{
  articles(first: 3) {
    nodes { title url section { name } authors { name } }
    pageInfo { endCursor hasNextPage }
  }
}
`;

/** What GraphiQL's fetcher sends: one operation, its variables (an object, or nothing) and its name. */
const consoleOperationSchema = z.object({
  query: z.string({ error: 'Send the query as text.' }).min(1, 'Write a query to run.').max(20_000, 'The query is longer than 20,000 characters.'),
  variables: z.record(z.string(), z.unknown(), { error: 'Variables must be a JSON object, e.g. {"first": 5}.' }).nullish(),
  operationName: z.string().max(200, 'The operation name is longer than 200 characters.').nullish(),
});

/** A GraphQL response as GraphiQL shows it: `data`, `errors` and `extensions` (the query's cost). */
export type ConsoleAnswer = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };

/** Runs one operation from GraphiQL; a request that does not fit answers as a GraphQL error GraphiQL can show. */
export async function runConsoleOperation(input: unknown): Promise<ConsoleAnswer> {
  const parsed = consoleOperationSchema.safeParse(input);
  if (!parsed.success) return { errors: [{ message: parsed.error.issues[0]!.message, extensions: { code: 'BAD_REQUEST' } }] };
  const answer = await runGraphQL({ query: parsed.data.query, variables: parsed.data.variables ?? {}, operationName: parsed.data.operationName ?? undefined });
  return JSON.parse(answer.body) as ConsoleAnswer;
}

let introspection: IntrospectionQuery | null = null;
/** The schema as GraphiQL reads it (its Docs pane, completion and validation), without an introspection request. */
export function schemaIntrospection(): IntrospectionQuery {
  // graphql-js builds its result from null-prototype objects; a server component hands the client plain JSON.
  return (introspection ??= JSON.parse(JSON.stringify(introspectionFromSchema(schema, { descriptions: true }))) as IntrospectionQuery);
}
