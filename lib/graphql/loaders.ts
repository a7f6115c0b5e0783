import 'server-only';
import { getPublishedArticle, listPublishedLiveUpdates } from '@/lib/api/content';
import { publishedOnly } from '@/lib/articles/access';
import { db } from '@/lib/db';
import { getMediaItems, type MediaItem } from '@/lib/media';

// Per-request loaders of the GraphQL API: what a list's articles ask for one by one is fetched
// once per request, and hero images in one query for the whole list (no N+1 there).

/** Collects the keys asked for in one tick and loads them with one call. */
function batched<K, V>(load: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | null> {
  let pending: { keys: Set<K>; result: Promise<Map<K, V>> } | null = null;
  return (key) => {
    if (!pending) {
      const batch: { keys: Set<K>; result: Promise<Map<K, V>> } = { keys: new Set(), result: null! };
      batch.result = Promise.resolve().then(() => {
        pending = null;
        return load([...batch.keys]);
      });
      pending = batch;
    }
    pending.keys.add(key);
    return pending.result.then((m) => m.get(key) ?? null);
  };
}

/** One promise per key for the lifetime of the request. */
function memo<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const seen = new Map<K, Promise<V>>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, load(key));
    return seen.get(key)!;
  };
}

/** Hero images of published articles, by article id. */
async function heroImagesOf(articleIds: string[]): Promise<Map<string, MediaItem>> {
  const rows = await db.article.findMany({ where: { AND: [publishedOnly(), { id: { in: articleIds } }] }, select: { id: true, heroImageId: true } });
  const media = await getMediaItems([...new Set(rows.flatMap((r) => (r.heroImageId ? [r.heroImageId] : [])))]);
  return new Map(rows.flatMap((r) => (r.heroImageId && media.has(r.heroImageId) ? [[r.id, media.get(r.heroImageId)!] as const] : [])));
}

export function createLoaders() {
  return {
    /** The full published article (body, corrections, counts), as the REST API returns it. */
    article: memo((id: string) => getPublishedArticle(id).then((r) => r.data)),
    liveUpdates: memo((id: string) => listPublishedLiveUpdates(id).then((r) => r.data)),
    heroImage: batched(heroImagesOf),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
