import 'server-only';
import crypto from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { enqueueJob, getJob } from '@/lib/jobs';
import type { StaffUser } from '@/lib/users';
import { IMPORT_JOB, importJobPayloadSchema, type ImportJobProgress } from './job/handler';
import type { ImportReport } from './job/report';
import { importSiteUrlSchema } from '@/lib/validation/imports';
import { importSourceSchema } from './records';

// /admin/import: an export file streamed to disk (never held in memory), an import job queued
// for it, and its progress and report for the page, which polls. Admins only.

export const startImportQuerySchema = z.object({
  source: importSourceSchema,
  dryRun: z.enum(['0', '1']).default('0'),
  filename: z.string().trim().max(255).default(''),
  /** Used for Ghost only (its links and images are written as __GHOST_URL__/…). */
  siteUrl: importSiteUrlSchema,
});

function assertAdmin(actor: StaffUser) {
  if (!hasRole(actor.role, 'ADMIN')) throw new AppError('forbidden', 'Only admins can import or export the site.');
}

const tooLarge = () =>
  new AppError(
    'payload_too_large',
    `The file is larger than the ${env.IMPORT_MAX_UPLOAD_MB} MB upload limit. Import it from the command line (npm run import -- <source> <file>) or raise IMPORT_MAX_UPLOAD_MB.`,
    { file: ['The file is too large to upload here.'] },
  );

/** Streams a request body to a file under IMPORT_DIR, refusing it (and deleting the part) past the limit. */
export async function saveExportUpload(body: ReadableStream<Uint8Array> | null, declaredBytes: number | null, actor: StaffUser): Promise<{ file: string; size: number }> {
  assertAdmin(actor);
  const max = env.IMPORT_MAX_UPLOAD_MB * 1024 * 1024;
  if (declaredBytes !== null && declaredBytes > max) throw tooLarge();
  if (!body) throw new AppError('unprocessable', 'Choose the export file to import.', { file: ['Choose the export file to import.'] });
  await mkdir(env.IMPORT_DIR, { recursive: true });
  const file = path.join(env.IMPORT_DIR, `${crypto.randomBytes(12).toString('hex')}.upload`);
  let size = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > max ? tooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>), cap, createWriteStream(file));
  } catch (e) {
    await rm(file, { force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('bad_request', 'The upload stopped before the whole file arrived. Check your connection and import again.');
  }
  if (size === 0) {
    await rm(file, { force: true });
    throw new AppError('unprocessable', 'The file is empty. Choose the export file your old site produced.', { file: ['The file is empty.'] });
  }
  return { file, size };
}

/** Queues the import of a saved upload; the job deletes the file when it has finished with it. */
export async function startImport(
  input: { source: z.infer<typeof importSourceSchema>; dryRun: boolean; filename: string; file: string; siteUrl?: string | null },
  actor: StaffUser,
): Promise<{ id: string }> {
  assertAdmin(actor);
  // Only a Ghost export has addresses to complete; another source's own header names its site.
  const siteUrl = input.source === 'ghost' ? (input.siteUrl ?? null) : null;
  const payload = importJobPayloadSchema.parse({ ...input, siteUrl, actorId: actor.id, deleteFileAfter: true });
  return db.$transaction(async (tx) => {
    const job = await enqueueJob(IMPORT_JOB, payload, { createdById: actor.id, tx });
    await recordAudit(tx, { actorId: actor.id, action: 'import.started', entityType: 'job', entityId: job.id, summary: `${input.source}: ${input.filename}`, data: { dryRun: input.dryRun } });
    return job;
  });
}

export type ImportStatus = {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  source: string;
  filename: string;
  dryRun: boolean;
  /** 0–100, from the bytes read (the reader reads the file twice). */
  percent: number;
  counts: Record<string, number>;
  report: ImportReport | null;
  error: string | null;
  createdAt: string;
};

/** An import's state for the dashboard; null when no such import job exists. */
export async function getImportStatus(id: string, actor: StaffUser): Promise<ImportStatus | null> {
  assertAdmin(actor);
  const job = await getJob<unknown, ImportReport>(id);
  if (!job || job.type !== IMPORT_JOB) return null;
  const payload = importJobPayloadSchema.parse(job.payload);
  const progress = job.progress as ImportJobProgress | null;
  const percent = job.status === 'SUCCEEDED' ? 100 : progress?.total ? Math.min(99, Math.floor((progress.done / progress.total) * 100)) : 0;
  return {
    id: job.id,
    status: job.status,
    source: payload.source,
    filename: payload.filename,
    dryRun: payload.dryRun,
    percent,
    counts: progress?.counts ?? {},
    report: job.result ?? progress?.checkpoint ?? null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
  };
}

/** The latest imports, newest first. */
export async function listImports(actor: StaffUser, take = 10): Promise<ImportStatus[]> {
  assertAdmin(actor);
  const jobs = await db.job.findMany({ where: { type: IMPORT_JOB }, orderBy: { createdAt: 'desc' }, take, select: { id: true } });
  return (await Promise.all(jobs.map((j) => getImportStatus(j.id, actor)))).filter((s): s is ImportStatus => s !== null);
}
