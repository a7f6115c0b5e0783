import 'server-only';
import { z } from 'zod';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, type GraphQLNamedType } from 'graphql';
import { runGraphQL } from '@/lib/graphql/execute';
import { schema } from '@/lib/graphql/schema';

// The dashboard's query form (/admin/api/graphql): a signed-in editor runs a query through the
// same path as the API (limits, cache, published-only data) without a key.

export const EXAMPLE_QUERY = `{
  articles(first: 3) {
    nodes { title url section { name } authors { name } }
    pageInfo { endCursor hasNextPage }
  }
}`;

const consoleFormSchema = z.object({
  query: z.string().max(20_000, 'The query is longer than 20,000 characters.').optional(),
  variables: z.string().max(20_000, 'The variables are longer than 20,000 characters.').optional(),
});

export type ConsoleResult = { query: string; variables: string; output?: string; error?: string; ms?: number };

function parseVariables(raw: string): Record<string, unknown> | string {
  if (!raw.trim()) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : 'Variables must be a JSON object, e.g. {"first": 5}.';
  } catch {
    return 'Variables are not valid JSON.';
  }
}

/** Runs the form's query (if any) and returns what to show. */
export async function runConsoleQuery(params: Record<string, string | string[] | undefined>): Promise<ConsoleResult> {
  const parsed = consoleFormSchema.safeParse({ query: params.query, variables: params.variables });
  if (!parsed.success) return { query: EXAMPLE_QUERY, variables: '', error: parsed.error.issues[0]!.message };
  const { query, variables = '' } = parsed.data;
  if (!query) return { query: EXAMPLE_QUERY, variables };
  const vars = parseVariables(variables);
  if (typeof vars === 'string') return { query, variables, error: vars };
  const started = performance.now();
  const answer = await runGraphQL({ query, variables: vars });
  return { query, variables, output: JSON.stringify(JSON.parse(answer.body), null, 2), ms: Math.round(performance.now() - started) };
}

/** One type of the schema as the explorer's Docs pane lists it. */
export type SchemaDocType = {
  name: string;
  kind: 'object' | 'enum' | 'input' | 'scalar' | 'other';
  description: string | null;
  fields: { name: string; type: string; args: string; description: string | null }[];
};

/** The schema's types (Query first), with their fields, arguments and descriptions, for the explorer's Docs pane. */
export function schemaDocs(): SchemaDocType[] {
  const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__'));
  const kindOf = (t: GraphQLNamedType): SchemaDocType['kind'] =>
    isObjectType(t) || isInterfaceType(t) ? 'object' : isEnumType(t) ? 'enum' : isInputObjectType(t) ? 'input' : isScalarType(t) ? 'scalar' : 'other';
  const docs = types.map((t): SchemaDocType => {
    const fields =
      isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)
        ? Object.values(t.getFields()).map((f) => ({
            name: f.name,
            type: String(f.type),
            args: 'args' in f ? (f.args as readonly { name: string; type: unknown }[]).map((a) => `${a.name}: ${String(a.type)}`).join(', ') : '',
            description: f.description ?? null,
          }))
        : isEnumType(t)
          ? t.getValues().map((v) => ({ name: v.name, type: '', args: '', description: v.description ?? null }))
          : [];
    return { name: t.name, kind: kindOf(t), description: t.description ?? null, fields };
  });
  return docs.sort((a, b) => (a.name === 'Query' ? -1 : b.name === 'Query' ? 1 : a.name.localeCompare(b.name)));
}
