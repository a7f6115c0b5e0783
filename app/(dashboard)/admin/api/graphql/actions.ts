'use server';

import { requireRole } from '@/lib/auth/session';
import { runConsoleOperation, type ConsoleAnswer } from '@/lib/graphql/console';

// GraphiQL's fetcher: a signed-in editor runs an operation through the API's own path (limits,
// cache, published-only data) without a key. Changes nothing, so nothing to refresh.

/** Runs one GraphiQL operation ({ query, variables, operationName }); the GraphQL answer. */
export async function runGraphQLOperationAction(operation: unknown): Promise<ConsoleAnswer> {
  await requireRole('EDITOR');
  return runConsoleOperation(operation);
}
