import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/** The admin API key a request came with, as audit entries, revisions and webhooks name it. */
export type ActingApiKey = { id: string; label: string };

const storage = new AsyncLocalStorage<ActingApiKey>();

/**
 * Runs `fn` on behalf of an admin API key. Domain functions keep their signatures (they take
 * the acting user, as from the dashboard); what they record during `fn` names the key too.
 */
export function runAsApiKey<T>(key: ActingApiKey, fn: () => Promise<T>): Promise<T> {
  return storage.run(key, fn);
}

/** The admin API key of the current request, or null for the dashboard, jobs and scripts. */
export function currentApiKey(): ActingApiKey | null {
  return storage.getStore() ?? null;
}
