import 'server-only';
import { refreshAfterImport } from '@/lib/articles/imported';
import { db } from '@/lib/db';
import { readGhost } from '@/lib/import/ghost';
import type { ImportRecord, ImportSource, ReadProgress } from '@/lib/import/records';
import { readWordPress } from '@/lib/import/wordpress';
import type { StaffUser } from '@/lib/users';
import { applyRecord } from './apply';
import { newImportContext } from './context';
import { emptyReport, type ImportReport } from './report';
import { readBroadsheet } from '@/lib/import/broadsheet';

export type ImportRunOptions = {
  source: ImportSource;
  file: string;
  mediaDir?: string | null;
  /** The old site's address, for exports that leave it out (Ghost's `__GHOST_URL__`), so images can be fetched. */
  siteUrl?: string | null;
  dryRun?: boolean;
  actor: StaffUser;
  /** The report a stopped run saved: records up to `report.records` are not applied again. */
  resume?: ImportReport | null;
  /** When this import started (first run): articles written since are refreshed at the end. */
  startedAt?: Date;
  /** Called about once a second with the report so far and how far through the file the reader is. */
  onProgress?: (report: ImportReport, read: ReadProgress | null) => Promise<void>;
  signal?: AbortSignal;
};

const PROGRESS_EVERY_MS = 1000;

function reader(source: ImportSource, file: string, siteUrl: string | null, onProgress: (p: ReadProgress) => void): AsyncGenerator<ImportRecord> {
  if (source === 'wordpress') return readWordPress(file, { onProgress });
  if (source === 'ghost') return readGhost(file, { onProgress, siteUrl });
  return readBroadsheet(file, { onProgress });
}

/** Reads an export and applies its records in order; returns the report. Throws ImportFormatError for a file that is not of `source`. */
export async function runImport(opts: ImportRunOptions): Promise<ImportReport> {
  const startedAt = opts.startedAt ?? new Date();
  const report = opts.resume ?? emptyReport(opts.source, !!opts.dryRun);
  const ctx = newImportContext({ source: opts.source, dryRun: !!opts.dryRun, actor: opts.actor, mediaDir: opts.mediaDir ?? null, report });
  const resumeAfter = report.records;
  let read: ReadProgress | null = null;
  let last = 0;
  let index = 0;
  for await (const record of reader(opts.source, opts.file, opts.siteUrl ?? null, (p) => (read = p))) {
    opts.signal?.throwIfAborted();
    index++;
    if (index <= resumeAfter) continue;
    await applyRecord(ctx, record);
    report.records = index;
    if (opts.onProgress && Date.now() - last >= PROGRESS_EVERY_MS) {
      last = Date.now();
      await opts.onProgress(report, read);
    }
  }
  if (!ctx.dryRun) {
    // Also the articles an earlier, interrupted run of this import wrote.
    const since = await db.importItem.findMany({ where: { source: opts.source, kind: 'post', updatedAt: { gte: startedAt } }, select: { entityId: true } });
    await refreshAfterImport([...new Set([...ctx.touchedArticles, ...since.flatMap((i) => (i.entityId ? [i.entityId] : []))])]);
  }
  await opts.onProgress?.(report, read);
  return report;
}
