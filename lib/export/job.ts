import 'server-only';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { recordAudit } from '@/lib/audit';
import { hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { enqueueJob, getJob, registerJobHandler, type JobContext } from '@/lib/jobs';
import type { StaffUser } from '@/lib/users';
import { exportSite } from './write';

// "Export everything" on /admin/import: a job writes the export and its media archive under
// IMPORT_DIR/exports/<job id>/, and the page offers both files for download. Admins only.

export const EXPORT_JOB = 'export';
type ExportPayload = { withPersonalData: boolean; includeNotes?: boolean };
export type ExportFile = { name: string; size: number };

const dirOf = (jobId: string) => path.join(env.IMPORT_DIR, 'exports', jobId);

async function handleExport(ctx: JobContext<ExportPayload>) {
  const dir = dirOf(ctx.job.id);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `broadsheet-export-${new Date().toISOString().slice(0, 10)}.json`);
  let last = 0;
  const summary = await exportSite(file, {
    withPersonalData: ctx.job.payload.withPersonalData,
    includeNotes: !!ctx.job.payload.includeNotes,
    onProgress: (section, count) => {
      if (Date.now() - last < 1000) return;
      last = Date.now();
      void ctx.progress({ section, done: count }).catch(() => {});
    },
  });
  return { counts: summary.counts };
}

registerJobHandler(EXPORT_JOB, handleExport, { maxAttempts: 2 });

function assertAdmin(actor: StaffUser) {
  if (!hasRole(actor.role, 'ADMIN')) throw new AppError('forbidden', 'Only admins can export the site.');
}

/** Queues an export of the whole site (inline notes only with `includeNotes`). */
export async function startExport(actor: StaffUser, withPersonalData = false, includeNotes = false): Promise<{ id: string }> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const job = await enqueueJob(EXPORT_JOB, { withPersonalData, includeNotes } satisfies ExportPayload, { createdById: actor.id, tx });
    await recordAudit(tx, { actorId: actor.id, action: 'export.started', entityType: 'job', entityId: job.id, summary: 'Export everything', data: { withPersonalData, includeNotes } });
    return job;
  });
}

export type ExportStatus = { id: string; status: string; section: string | null; files: ExportFile[]; error: string | null };

export async function getExportStatus(id: string, actor: StaffUser): Promise<ExportStatus | null> {
  assertAdmin(actor);
  const job = await getJob(id);
  if (!job || job.type !== EXPORT_JOB) return null;
  let files: ExportFile[] = [];
  if (job.status === 'SUCCEEDED') {
    const names = await readdir(dirOf(id)).catch(() => [] as string[]);
    files = await Promise.all(names.sort().map(async (name) => ({ name, size: (await stat(path.join(dirOf(id), name))).size })));
  }
  return { id, status: job.status, section: typeof job.progress?.section === 'string' ? job.progress.section : null, files, error: job.error };
}

/** The latest export, if any. */
export async function getLatestExport(actor: StaffUser): Promise<ExportStatus | null> {
  assertAdmin(actor);
  const job = await db.job.findFirst({ where: { type: EXPORT_JOB }, orderBy: { createdAt: 'desc' }, select: { id: true } });
  return job ? getExportStatus(job.id, actor) : null;
}

/** The path of one of an export's files, for the download route; null when there is no such file. */
export async function exportFilePath(id: string, name: string, actor: StaffUser): Promise<string | null> {
  const status = await getExportStatus(id, actor);
  return status?.files.some((f) => f.name === name) ? path.join(dirOf(id), name) : null;
}
