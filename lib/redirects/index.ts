import 'server-only';
import { cache } from 'react';
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
