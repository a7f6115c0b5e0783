'use server';

import { requireRole } from '@/lib/auth/session';
import { runConsoleQuery, type ConsoleResult } from '@/lib/graphql/console';

// The GraphQL explorer's one action: a signed-in editor runs a query through the API's own path
// (limits, cache, published-only data) without a key. Changes nothing, so nothing to refresh.

/** Runs the explorer's query and variables (the form's fields); the answer, or what to fix. */
export async function runGraphQLQueryAction(_prev: ConsoleResult | null, form: FormData): Promise<ConsoleResult> {
  await requireRole('EDITOR');
  const text = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : undefined);
  return runConsoleQuery({ query: text('query') ?? '', variables: text('variables') ?? '' });
}
