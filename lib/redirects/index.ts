import 'server-only';
import { cache } from 'react';
import { tagMemo } from '@/lib/cache/memo';
import { db, type Db } from '@/lib/db';

type Tx = Pick<Db, 'redirect'>;

/**
 * Records a permanent redirect from `fromPath` to `toPath`, collapsing chains: whatever
 * pointed at `fromPath` now points straight at `toPath` (A->B then B->C leaves A->C, B->C),
 * and a redirect away from `toPath` is dropped because that path is live again.
 */
export async function addRedirect(tx: Tx, fromPath: string, toPath: string) {
  if (fromPath === toPath) return;
  await tx.redirect.deleteMany({ where: { fromPath: toPath } });
  await tx.redirect.updateMany({ where: { toPath: fromPath }, data: { toPath } });
  await tx.redirect.upsert({ where: { fromPath }, update: { toPath, statusCode: 301 }, create: { fromPath, toPath, statusCode: 301 } });
}

/** Drops any redirect away from a path that now serves content of its own. */
export async function clearRedirectFrom(tx: Tx, path: string) {
  await tx.redirect.deleteMany({ where: { fromPath: path } });
}

/** Where an old public path now lives, or null; memoised per request. */
export const findRedirect = cache(async (fromPath: string): Promise<{ toPath: string; statusCode: number } | null> => {
  return db.redirect.findUnique({ where: { fromPath }, select: { toPath: true, statusCode: true } });
});

/** The cache tag every remembered old-address answer hangs on: an import that adds redirects invalidates it. */
export const REDIRECTS_TAG = 'redirects';
const rememberedRedirect = tagMemo<string, { toPath: string; statusCode: number } | null>({ tags: () => [REDIRECTS_TAG], max: 20_000 });

/**
 * For the proxy: where an old site's address (an `oldPathKey`) now lives, or null. Answers,
 * found or not, are remembered in this process until REDIRECTS_TAG is invalidated (on every
 * instance, through lib/cache), so bots asking for the same old address cost one query.
 */
export function lookUpOldAddress(key: string): Promise<{ toPath: string; statusCode: number } | null> {
  return rememberedRedirect(key, () => db.redirect.findUnique({ where: { fromPath: key }, select: { toPath: true, statusCode: true } }));
}
