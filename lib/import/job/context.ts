import 'server-only';
import type { ImportSource } from '@/lib/import/records';
import type { StaffUser } from '@/lib/users';
import { Ledger, type LedgerClient, type LedgerKind } from './ledger';
import type { ImportReport } from './report';

/** What every writer of one import run shares. */
export type ImportContext = {
  source: ImportSource;
  /** Decide and report, write nothing. */
  dryRun: boolean;
  /** Who the import acts as (audit entries, uploaded media): the admin who started it. */
  actor: StaffUser;
  /** A local uploads tree (`wp-content/uploads`, Ghost `content/images`) to read images from instead of fetching them. */
  mediaDir: string | null;
  report: ImportReport;
  /** Articles written by this run, refreshed (search, caches) when it ends. */
  touchedArticles: Set<string>;
  /** Where each attachment's file is (posts may name only the attachment id), and images that could not be read this run (tried once). */
  attachments: Map<string, { url: string; relativePath: string | null }>;
  failedImages: Map<string, string>;
  /** This source's ledger, cached per batch of records. */
  ledger: Ledger;
  /** The menu locations a menu of this export has taken. */
  menusPlaced: Set<'header' | 'footer'>;
};

/** `ledger`: the ledger's name, the source's own unless given (see ImportRunOptions.ledger). */
export function newImportContext(fields: Omit<ImportContext, 'touchedArticles' | 'attachments' | 'failedImages' | 'ledger' | 'menusPlaced'>, ledger: string = fields.source): ImportContext {
  return { ...fields, touchedArticles: new Set(), attachments: new Map(), failedImages: new Map(), ledger: new Ledger(ledger), menusPlaced: new Set() };
}

/**
 * A copy of a string that no longer holds on to the export text it was cut from: V8 keeps a
 * substring's whole parent alive, so an attachment URL kept for the whole run would keep its
 * chunk of the file (tens of KiB) with it, and a 100,000-post export would not fit in memory.
 * For strings from records that outlive their batch (the run's maps).
 */
export const ownString = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

export type Decision = { state: 'new' } | { state: 'unchanged'; entityId: string | null } | { state: 'changed'; entityId: string | null; entityVersion: number | null };

/** Whether a record is new, the same as last time (same fingerprint) or changed on the source. */
export async function decide(ctx: ImportContext, kind: LedgerKind, originalId: string, fingerprint: string, client?: LedgerClient): Promise<Decision> {
  const entry = await ctx.ledger.find(kind, originalId, client);
  if (!entry) return { state: 'new' };
  if (entry.fingerprint === fingerprint) return { state: 'unchanged', entityId: entry.entityId };
  return { state: 'changed', entityId: entry.entityId, entityVersion: entry.entityVersion };
}
