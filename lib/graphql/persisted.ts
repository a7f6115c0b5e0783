import 'server-only';
import crypto from 'node:crypto';

// Automatic persisted queries (Apollo's protocol): a client sends the sha256 of its query text;
// a hash this instance has not seen answers PersistedQueryNotFound, and the client sends the
// query with its hash once. Kept in memory per instance, bounded: a miss only costs a resend.

const MAX_ENTRIES = 5_000;
const g = globalThis as { broadsheetPersistedQueries?: Map<string, string> };
const store: Map<string, string> = (g.broadsheetPersistedQueries ??= new Map());

export const sha256Hex = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** The query text of a persisted hash, or null when it is not known here. */
export function persistedQuery(hash: string): string | null {
  const query = store.get(hash);
  if (query === undefined) return null;
  store.delete(hash);
  store.set(hash, query);
  return query;
}

/** Remembers `query` under `hash`; false when the hash is not the query's sha256. */
export function persistQuery(hash: string, query: string): boolean {
  if (sha256Hex(query) !== hash) return false;
  store.delete(hash);
  store.set(hash, query);
  if (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!);
  return true;
}
