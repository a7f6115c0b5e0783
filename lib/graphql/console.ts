import 'server-only';
import { z } from 'zod';
import { runGraphQL } from '@/lib/graphql/execute';

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

export type ConsoleResult = { query: string; variables: string; output?: string; error?: string };

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
  const answer = await runGraphQL({ query, variables: vars });
  return { query, variables, output: JSON.stringify(JSON.parse(answer.body), null, 2) };
}
