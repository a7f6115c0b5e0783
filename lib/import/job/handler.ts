import 'server-only';
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { ImportFormatError } from '@/lib/import/input';
import { importSourceSchema } from '@/lib/import/records';
import { PermanentJobError, registerJobHandler, type JobContext } from '@/lib/jobs';
import { getActiveUserById } from '@/lib/users';
import type { ImportReport } from './report';
import { reportCounts } from './report';
import { runImport } from './run';

export const IMPORT_JOB = 'import';

export const importJobPayloadSchema = z.object({
  source: importSourceSchema,
  file: z.string().min(1),
  /** The export's original name, for the dashboard. */
  filename: z.string().default(''),
  mediaDir: z.string().nullable().default(null),
  siteUrl: z.string().nullable().default(null),
  dryRun: z.boolean().default(false),
  actorId: z.string().min(1),
  /** An upload the dashboard saved: deleted once the import has succeeded or failed for good. */
  deleteFileAfter: z.boolean().default(false),
});
export type ImportJobPayload = z.input<typeof importJobPayloadSchema>;

/** What the dashboard's progress bar shows; `checkpoint` is the report so far (the resume point). */
export type ImportJobProgress = { done: number; total: number; counts: Record<string, number>; checkpoint: ImportReport; phase: 'reading' | 'refreshing' };

async function handleImport(ctx: JobContext<ImportJobPayload>): Promise<ImportReport> {
  const payload = importJobPayloadSchema.parse(ctx.job.payload);
  const actor = await getActiveUserById(payload.actorId);
  if (!actor || actor.role !== 'ADMIN') throw new PermanentJobError('The admin who started this import can no longer run it (deactivated or no longer an admin).');
  const resume = ((ctx.job.progress as ImportJobProgress | null)?.checkpoint as ImportReport | undefined) ?? null;
  let done = false;
  try {
    const report = await runImport({
      source: payload.source,
      file: payload.file,
      mediaDir: payload.mediaDir,
      siteUrl: payload.siteUrl,
      dryRun: payload.dryRun,
      actor,
      resume,
      startedAt: ctx.job.startedAt ?? ctx.job.createdAt,
      signal: ctx.signal,
      onProgress: async (report, read) => {
        const total = read?.totalBytes ? read.totalBytes * 2 : 0;
        const done = read ? (read.pass - 1) * (read.totalBytes ?? 0) + read.bytesRead : 0;
        await ctx.progress({ done, total, counts: reportCounts(report), checkpoint: report, phase: 'reading' } satisfies ImportJobProgress);
      },
    });
    done = true;
    return report;
  } catch (e) {
    if (e instanceof ImportFormatError) {
      done = true;
      throw new PermanentJobError(`${e.message} Check that the file and the Source you chose match, then import again.`);
    }
    // The last run: nothing will read the upload again.
    done = ctx.attempt >= ctx.job.maxAttempts;
    throw e;
  } finally {
    if (done && payload.deleteFileAfter) await rm(payload.file, { force: true });
  }
}

registerJobHandler(IMPORT_JOB, handleImport, { maxAttempts: 5 });
