import 'server-only';
import { refreshAfterImport } from '@/lib/articles/imported';
import { db } from '@/lib/db';
import { readGhost } from '@/lib/import/ghost';
import type { CommentRecord, ContentRecord, ImportRecord, ImportSource, ReadProgress } from '@/lib/import/records';
import { readWordPress } from '@/lib/import/wordpress';
import type { StaffUser } from '@/lib/users';
import { applyPostWithComments, applyRecord } from './apply';
import { ledgerKeysOf } from './ledger';
import { newImportContext, type ImportContext } from './context';
import { isNewPost, writeNewPosts } from './write-posts-bulk';
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
  /**
   * The ledger this import reads and writes (ImportItem.source): the source's name unless given.
   * Exports of two different sites of one kind reuse ids (WordPress post 10 is on every site),
   * so an import of a second site would name a ledger of its own (the integration tests each do).
   */
  ledger?: string;
  /** The report a stopped run saved: records up to `report.records` are not applied again. */
  resume?: ImportReport | null;
  /** When this import started (first run): articles written since are refreshed at the end. */
  startedAt?: Date;
  /** Called about once a second with the report so far and how far through the file the reader is. */
  onProgress?: (report: ImportReport, read: ReadProgress | null) => Promise<void>;
  signal?: AbortSignal;
};

const PROGRESS_EVERY_MS = 1000;
/** Records whose ledger rows are loaded in one go (and held in memory together). */
const BATCH_RECORDS = 500;
/** New posts written together in one transaction, at most (lib/import/job/write-posts-bulk.ts). */
const NEW_POSTS_TOGETHER = 50;
/** Comments written in their post's transaction, at most (the rest each in its own). */
const COMMENTS_WITH_POST = 200;

/** A post with the comments that follow it in the export, or one record. */
type Unit = [ImportRecord, ...ImportRecord[]];

function joinsPost(unit: Unit | undefined, r: ImportRecord): boolean {
  const head = unit?.[0];
  return r.kind === 'comment' && head?.kind === 'post' && head.originalId === r.postOriginalId && unit!.length <= COMMENTS_WITH_POST;
}

async function applyUnit(ctx: ImportContext, unit: Unit): Promise<void> {
  const [head, ...rest] = unit;
  if (head.kind === 'post' && rest.length) return applyPostWithComments(ctx, head, rest as CommentRecord[]);
  await applyRecord(ctx, head);
}

function reader(source: ImportSource, file: string, siteUrl: string | null, onProgress: (p: ReadProgress) => void): AsyncGenerator<ImportRecord> {
  if (source === 'wordpress') return readWordPress(file, { onProgress });
  if (source === 'ghost') return readGhost(file, { onProgress, siteUrl });
  return readBroadsheet(file, { onProgress });
}

/** Reads an export and applies its records in order; returns the report. Throws ImportFormatError for a file that is not of `source`. */
export async function runImport(opts: ImportRunOptions): Promise<ImportReport> {
  const startedAt = opts.startedAt ?? new Date();
  const report = opts.resume ?? emptyReport(opts.source, !!opts.dryRun);
  const ctx = newImportContext({ source: opts.source, dryRun: !!opts.dryRun, actor: opts.actor, mediaDir: opts.mediaDir ?? null, report }, opts.ledger);
  const resumeAfter = report.records;
  let read: ReadProgress | null = null;
  let last = 0;
  let index = 0;
  let batch: Unit[] = [];
  let batched = 0;
  const done = async (units: Unit[]) => {
    for (const unit of units) report.records += unit.length;
    if (opts.onProgress && Date.now() - last >= PROGRESS_EVERY_MS) {
      last = Date.now();
      await opts.onProgress(report, read);
    }
  };
  // Consecutive new posts go together; anything else first lets the group before it be written.
  let group: Unit[] = [];
  const writeGroup = async () => {
    const units = group;
    group = [];
    if (!units.length) return;
    const together = await writeNewPosts(
      ctx,
      units.map(([post, ...comments]) => ({ post: post as ContentRecord, comments: comments as CommentRecord[] })),
    );
    if (!together) for (const unit of units) await applyUnit(ctx, unit);
    await done(units);
  };
  const flush = async () => {
    await ctx.ledger.prefetch(batch.flat().flatMap(ledgerKeysOf));
    for (const unit of batch) {
      opts.signal?.throwIfAborted();
      const [head, ...rest] = unit;
      if (head.kind === 'post' && rest.every((r) => r.kind === 'comment') && (await isNewPost(ctx, head, rest as CommentRecord[]))) {
        group.push(unit);
        if (group.length >= NEW_POSTS_TOGETHER) await writeGroup();
        continue;
      }
      await writeGroup();
      await applyUnit(ctx, unit);
      await done([unit]);
    }
    await writeGroup();
    batch = [];
    batched = 0;
  };
  for await (const record of reader(opts.source, opts.file, opts.siteUrl ?? null, (p) => (read = p))) {
    opts.signal?.throwIfAborted();
    index++;
    if (index <= resumeAfter) continue;
    if (joinsPost(batch.at(-1), record)) batch.at(-1)!.push(record);
    else {
      if (batched >= BATCH_RECORDS) await flush();
      batch.push([record]);
    }
    batched++;
  }
  await flush();
  if (!ctx.dryRun) {
    // Also the articles an earlier, interrupted run of this import wrote.
    const since = await db.importItem.findMany({ where: { source: ctx.ledger.source, kind: 'post', updatedAt: { gte: startedAt } }, select: { entityId: true } });
    await refreshAfterImport([...new Set([...ctx.touchedArticles, ...since.flatMap((i) => (i.entityId ? [i.entityId] : []))])]);
  }
  await opts.onProgress?.(report, read);
  return report;
}
