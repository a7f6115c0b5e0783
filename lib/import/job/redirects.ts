import 'server-only';
import type { Db } from '@/lib/db';
import { addRedirect } from '@/lib/redirects';
import { oldPathKeyOf } from '@/lib/redirects/old-path';

/** Every address the item had on the old site answers 301 to `to` (its Broadsheet address). */
export async function addOldPathRedirects(tx: Pick<Db, 'redirect'>, oldPaths: string[], to: string): Promise<void> {
  const keys = new Set(oldPaths.map(oldPathKeyOf).filter((k): k is string => !!k && k !== to));
  for (const key of keys) await addRedirect(tx, key, to);
}
