// Observes the page cache's invalidations (lib/cache/shared.mjs) around a mutation, so an
// integration test fails when a domain function forgets to refresh the pages it changed.
import { lastInvalidated } from '@/lib/cache/shared.mjs';

export type InvalidationWatch = {
  /** Whether `tag` was invalidated after the watch began. */
  marked(tag: string): boolean;
  /** The tags of `tags` that were invalidated after the watch began. */
  markedOf(tags: string[]): string[];
};

/**
 * Starts watching: call before the mutation, assert after. Waits a millisecond first, so an
 * invalidation made by an earlier step in the same millisecond is never counted.
 */
export async function watchInvalidations(): Promise<InvalidationWatch> {
  await new Promise((r) => setTimeout(r, 2));
  const since = Date.now();
  const marked = (tag: string) => lastInvalidated([tag]) >= since;
  return { marked, markedOf: (tags) => tags.filter(marked) };
}
