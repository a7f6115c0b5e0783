import { lastInvalidated } from './shared.mjs';

/**
 * Answers kept in this process's memory until one of their cache tags is invalidated (on any
 * instance, through ./shared.mjs) or, with `ttlMs`, until they are that old. An answer is dated
 * when its load starts, so a change committed while it loads makes it stale at once; concurrent
 * callers share one load; a load that fails is not kept. At most `max` keys, the oldest dropped.
 * `global`: keep the entries on globalThis under that name, so every copy of the module shares them.
 */
export function tagMemo<K, V>(opts: { tags: (key: K) => string[]; max?: number; ttlMs?: number; global?: string }) {
  const g = globalThis as Record<string, unknown>;
  type Entry = { value: Promise<V>; at: number };
  const entries: Map<K, Entry> = opts.global ? ((g[opts.global] ??= new Map()) as Map<K, Entry>) : new Map();
  return (key: K, load: () => Promise<V>): Promise<V> => {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && (opts.ttlMs === undefined || now - hit.at < opts.ttlMs) && lastInvalidated(opts.tags(key)) < hit.at) return hit.value;
    const entry = { value: load(), at: now };
    entries.delete(key);
    entries.set(key, entry);
    if (opts.max && entries.size > opts.max) entries.delete(entries.keys().next().value!);
    entry.value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return entry.value;
  };
}
