import 'server-only';
import { db, type Db } from '@/lib/db';

// What every import brought in: (source, kind, original id) → the row it became and the
// fingerprint of the record that made it. The job asks it before writing anything, which is
// what makes an import idempotent and resumable.

export type LedgerKind = 'post' | 'page' | 'user' | 'section' | 'tag' | 'media' | 'media-url' | 'comment' | 'menu';
export type LedgerEntry = { entityId: string | null; fingerprint: string; entityVersion: number | null };
type Tx = Pick<Db, 'importItem'>;

export async function findImported(source: string, kind: LedgerKind, originalId: string, client: Tx = db): Promise<LedgerEntry | null> {
  return client.importItem.findUnique({ where: { source_kind_originalId: { source, kind, originalId } }, select: { entityId: true, fingerprint: true, entityVersion: true } });
}

/** The row an earlier record became, or null. */
export async function importedId(source: string, kind: LedgerKind, originalId: string | null | undefined, client: Tx = db): Promise<string | null> {
  if (!originalId) return null;
  return (await findImported(source, kind, originalId, client))?.entityId ?? null;
}

export async function rememberImported(tx: Tx, key: { source: string; kind: LedgerKind; originalId: string }, entry: LedgerEntry): Promise<void> {
  await tx.importItem.upsert({ where: { source_kind_originalId: key }, update: entry, create: { ...key, ...entry } });
}
