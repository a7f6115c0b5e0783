import 'server-only';
import { db, type Db } from '@/lib/db';
import { AppError } from '@/lib/errors';

// Durable background jobs for the whole app (imports, exports, image processing): a job is a
// row (the Job table) that any instance's runner (./runner.ts) claims with a lease, works on,
// and finishes; a job whose runner died is claimed again and resumes from its saved progress.
// Features register a handler per job type (registerJobHandler) and enqueue work (enqueueJob).

export type JobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** How far a job got: shown to people (done of total, counts) and handed back to a resumed run (checkpoint). */
export type JobProgress = {
  done?: number;
  total?: number;
  /** Tallies a report shows, e.g. { imported: 120, skipped: 3 }. */
  counts?: Record<string, number>;
  /** Where the handler stopped, in its own terms (a cursor, an offset); given back on a retry. */
  checkpoint?: unknown;
  [key: string]: unknown;
};

export type Job<P = unknown, R = unknown> = {
  id: string;
  type: string;
  payload: P;
  status: JobStatus;
  progress: JobProgress | null;
  result: R | null;
  error: string | null;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  createdById: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** What a handler gets: its job (with the progress a crashed run saved), a way to report progress, and a signal. */
export type JobContext<P> = {
  job: Job<P>;
  /** This run's number, 1 for the first. */
  attempt: number;
  /** Saves progress (and checkpoint), renewing the lease; throws JobLostError if the job was cancelled or taken over. */
  progress(progress: JobProgress): Promise<void>;
  /** Aborted when the job is cancelled, its lease is lost, or the runner stops: stop soon, leaving the checkpoint. */
  signal: AbortSignal;
};

export type JobHandler<P = unknown, R = unknown> = (ctx: JobContext<P>) => Promise<R>;
export type JobHandlerOptions = {
  /** Runs before the job fails for good (a crash counts as a run); default 3. */
  maxAttempts?: number;
};

/** Thrown by a handler for a failure a retry cannot fix (a malformed file): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/** Thrown by ctx.progress when the job is no longer this run's (cancelled, or its lease expired and another runner took it). */
export class JobLostError extends Error {
  constructor() {
    super('This job was cancelled or taken over by another runner.');
    this.name = 'JobLostError';
  }
}

type Registry = Map<string, { handler: JobHandler<never, unknown>; options: JobHandlerOptions }>;
// On globalThis: Next may load this module in more than one bundle, and the runner must see every handler.
const g = globalThis as { broadsheetJobHandlers?: Registry };
const registry: Registry = (g.broadsheetJobHandlers ??= new Map());

/** Registers the handler of a job type in this process (a feature module does it as it loads; see ./handlers.ts). */
export function registerJobHandler<P, R>(type: string, handler: JobHandler<P, R>, options: JobHandlerOptions = {}): void {
  registry.set(type, { handler: handler as JobHandler<never, unknown>, options });
}

/** The handler of `type` in this process, if any. */
export function jobHandler(type: string) {
  return registry.get(type);
}

/** Job types this process can run: a runner claims only these. */
export function registeredJobTypes(): string[] {
  return [...registry.keys()];
}

const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * Queues a job of a registered type (or one another instance handles). Pass `tx` to queue it in
 * the same transaction as the change that calls for it.
 */
export async function enqueueJob<P>(type: string, payload: P, opts: { runAt?: Date; maxAttempts?: number; createdById?: string | null; tx?: Pick<Db, 'job'> } = {}): Promise<{ id: string }> {
  const maxAttempts = opts.maxAttempts ?? registry.get(type)?.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  return (opts.tx ?? db).job.create({
    data: { type, payload: (payload ?? {}) as object, maxAttempts, runAt: opts.runAt ?? new Date(), createdById: opts.createdById ?? null },
    select: { id: true },
  });
}

/** A job with its progress, result or error; null when there is no such job. */
export async function getJob<P = unknown, R = unknown>(id: string): Promise<Job<P, R> | null> {
  return (await db.job.findUnique({ where: { id } })) as Job<P, R> | null;
}

/**
 * Saves a running job's progress and renews its lease, only while `leaseOwner` still holds it.
 * Returns false when it does not (the job was cancelled, or another runner took it over).
 */
export async function updateJobProgress(id: string, leaseOwner: string, progress: JobProgress, leaseMs: number): Promise<boolean> {
  const r = await db.job.updateMany({
    where: { id, leaseOwner, status: 'RUNNING' },
    data: { progress: progress as object, leaseExpiresAt: new Date(Date.now() + leaseMs) },
  });
  return r.count === 1;
}

/**
 * Cancels a queued or running job (a running one stops at its next progress report or heartbeat).
 * Callers check who may cancel; finished jobs are left as they are.
 */
export async function cancelJob(id: string): Promise<Job> {
  const r = await db.job.updateMany({
    where: { id, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'CANCELLED', finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null },
  });
  const job = await getJob(id);
  if (!job) throw new AppError('not_found', 'This job no longer exists.');
  if (r.count === 0 && job.status !== 'CANCELLED') throw new AppError('conflict', `This job has already ${job.status === 'SUCCEEDED' ? 'finished' : 'failed'}.`);
  return job;
}
