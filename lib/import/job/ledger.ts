import 'server-only';
import { db, type Db } from '@/lib/db';
import type { ImportRecord } from '@/lib/import/records';
import { insertRows, newId } from './bulk-insert';

// What every import brought in: (source, kind, original id) → the row it became and the
// fingerprint of the record that made it. The job asks it before writing anything, which is
// what makes an import idempotent and resumable.
//
// Each run reads records in batches and loads the ledger rows a batch will ask for in one query
// (prefetch), so a post and its comments cost no lookups of their own. The cache holds one batch
// (it is cleared before the next), which keeps memory flat whatever the size of the export.

export type LedgerKind = 'post' | 'page' | 'user' | 'section' | 'tag' | 'media' | 'media-url' | 'comment' | 'menu' | 'plan';
export type LedgerEntry = { entityId: string | null; fingerprint: string; entityVersion: number | null };
export type LedgerClient = Pick<Db, 'importItem'>;
type Tx = LedgerClient;
type Key = [LedgerKind, string];

const keyOf = (kind: LedgerKind, originalId: string) => `${kind}\u0000${originalId}`;
const PREFETCH_CHUNK = 500;

/** The ledger rows a record reads: its own, and those of the records it refers to. */
export function ledgerKeysOf(r: ImportRecord): Key[] {
  switch (r.kind) {
    case 'user':
    case 'section':
    case 'tag':
    case 'media':
    case 'menu':
      return [[r.kind, r.originalId]];
    case 'post':
    case 'page': {
      const keys: Key[] = [[r.kind, r.originalId], ...r.authorIds.map((id): Key => ['user', id])];
      if (r.section) keys.push(['section', r.section.originalId]);
      for (const t of r.tags) keys.push(['tag', t.taxonomy === 'category' ? `category:${t.originalId}` : t.originalId]);
      // The images it shows (importImage asks by attachment id, then by address).
      for (const image of [r.featuredImage, ...r.body.images]) {
        if (image?.attachmentId) keys.push(['media', image.attachmentId]);
        if (image?.url) keys.push(['media-url', image.url]);
      }
      return keys;
    }
    case 'comment': {
      const keys: Key[] = [
        ['comment', r.originalId],
        ['post', r.postOriginalId],
      ];
      if (r.userOriginalId) keys.push(['user', r.userOriginalId]);
      if (r.parentOriginalId) keys.push(['comment', r.parentOriginalId]);
      return keys;
    }
    case 'plan': {
      const keys: Key[] = [['plan', r.originalId]];
      if (r.assigneeOriginalId) keys.push(['user', r.assigneeOriginalId]);
      if (r.sectionOriginalId) keys.push(['section', r.sectionOriginalId]);
      if (r.postOriginalId) keys.push(['post', r.postOriginalId]);
      return keys;
    }
    default:
      return [];
  }
}

/** One run's view of the ledger of its source, with a per-batch cache. */
export class Ledger {
  readonly #known = new Map<string, LedgerEntry | null>();
  constructor(readonly source: string) {}

  /** Loads the rows for `keys` (missing ones are remembered as missing); drops what the last batch loaded. */
  async prefetch(keys: Key[]): Promise<void> {
    this.#known.clear();
    const byKind = new Map<LedgerKind, Set<string>>();
    for (const [kind, id] of keys) {
      if (this.#known.has(keyOf(kind, id))) continue;
      this.#known.set(keyOf(kind, id), null);
      (byKind.get(kind) ?? byKind.set(kind, new Set()).get(kind)!).add(id);
    }
    for (const [kind, ids] of byKind) {
      const all = [...ids];
      for (let i = 0; i < all.length; i += PREFETCH_CHUNK) {
        const rows = await db.importItem.findMany({
          where: { source: this.source, kind, originalId: { in: all.slice(i, i + PREFETCH_CHUNK) } },
          select: { originalId: true, entityId: true, fingerprint: true, entityVersion: true },
        });
        for (const { originalId, ...entry } of rows) this.#known.set(keyOf(kind, originalId), entry);
      }
    }
  }

  /** Forgets the cache (after a write that was rolled back). */
  forget(): void {
    this.#known.clear();
  }

  async find(kind: LedgerKind, originalId: string, client: Tx = db): Promise<LedgerEntry | null> {
    const key = keyOf(kind, originalId);
    if (this.#known.has(key)) return this.#known.get(key)!;
    return client.importItem.findUnique({
      where: { source_kind_originalId: { source: this.source, kind, originalId } },
      select: { entityId: true, fingerprint: true, entityVersion: true },
    });
  }

  /** The row an earlier record became, or null. */
  async id(kind: LedgerKind, originalId: string | null | undefined, client: Tx = db): Promise<string | null> {
    if (!originalId) return null;
    return (await this.find(kind, originalId, client))?.entityId ?? null;
  }

  /**
   * Writes ledger rows for records seen for the first time, in one statement; `known()` them
   * once the transaction has committed.
   */
  async createMany(tx: Pick<Db, '$executeRawUnsafe'>, rows: { kind: LedgerKind; originalId: string; entry: LedgerEntry }[]): Promise<void> {
    await insertRows(
      tx,
      'importItem',
      rows.map((r) => ({ id: newId(), source: this.source, kind: r.kind, originalId: r.originalId, ...r.entry })),
    );
  }

  /** Puts rows written by a committed transaction in the cache. */
  known(rows: { kind: LedgerKind; originalId: string; entry: LedgerEntry }[]): void {
    for (const r of rows) this.#known.set(keyOf(r.kind, r.originalId), r.entry);
  }

  async remember(tx: Tx, kind: LedgerKind, originalId: string, entry: LedgerEntry): Promise<void> {
    const key = { source: this.source, kind, originalId };
    await tx.importItem.upsert({ where: { source_kind_originalId: key }, update: entry, create: { ...key, ...entry } });
    this.#known.set(keyOf(kind, originalId), entry);
  }
}
