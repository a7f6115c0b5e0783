import 'server-only';
import crypto from 'node:crypto';
import os from 'node:os';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { startPoller } from '@/lib/poller';
import { getJob, jobHandler, JobLostError, PermanentJobError, registeredJobTypes, updateJobProgress, type Job, type JobContext, type JobProgress } from './index';

// Runs jobs in this process, like the scheduler and the webhook worker (lib/poller). Claiming is a
// conditional update on (id, status, attempts[, lease expiry]) of a row read just before: of
// several runners, on one instance or many, exactly one wins each claim, on SQLite (writes are
// serialised) and on PostgreSQL (the loser's UPDATE re-reads the row and no longer matches).
// The winner holds a lease it renews while it works; when its process dies the lease runs out
// and another runner claims the job again, handing the handler the progress saved so far.

export type JobRunnerOptions = {
  /** Names this runner in leases (default host:pid:random). */
  owner?: string;
  /** Jobs run at once in this process (default JOB_CONCURRENCY). */
  concurrency?: number;
  /** How long a claim holds without a heartbeat (default 60 s); renewed every third of it. */
  leaseMs?: number;
  /** Longest sleep between looks for work (default 1 s). */
  pollMs?: number;
  /** First retry delay after a failed run (default JOB_RETRY_BASE_MS); each later one 4× longer. */
  retryBaseMs?: number;
};

const MAX_RETRY_DELAY_MS = 3_600_000;
const CANDIDATES = 10;

/** Wait before run n+1 after run n failed: base, 4×base, 16×base, … at most an hour. */
export function jobRetryDelayMs(failedAttempt: number, baseMs: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, baseMs * 4 ** Math.max(0, failedAttempt - 1));
}

/**
 * Claims one due job of `types` for `owner`: a queued job whose time has come, or a running job
 * whose lease ran out (its runner crashed). A crashed job that has used all its runs fails instead.
 */
export async function claimJob(owner: string, { types, leaseMs }: { types: string[]; leaseMs: number }): Promise<Job | null> {
  if (!types.length) return null;
  const now = new Date();
  const candidates = await db.job.findMany({
    where: {
      type: { in: types },
      OR: [
        { status: 'QUEUED', runAt: { lte: now } },
        { status: 'RUNNING', leaseExpiresAt: { lt: now } },
      ],
    },
    orderBy: [{ runAt: 'asc' }, { id: 'asc' }],
    take: CANDIDATES,
    select: { id: true, status: true, attempts: true, maxAttempts: true, leaseExpiresAt: true, startedAt: true, error: true },
  });
  for (const c of candidates) {
    const unchanged = { id: c.id, status: c.status, attempts: c.attempts, ...(c.status === 'RUNNING' ? { leaseExpiresAt: c.leaseExpiresAt } : {}) };
    if (c.status === 'RUNNING' && c.attempts >= c.maxAttempts) {
      await db.job.updateMany({
        where: unchanged,
        data: { status: 'FAILED', finishedAt: now, leaseOwner: null, leaseExpiresAt: null, error: c.error ?? `Its runner stopped (crashed or restarted) during each of its ${c.attempts} runs.` },
      });
      continue;
    }
    const claimed = await db.job.updateMany({
      where: unchanged,
      data: { status: 'RUNNING', attempts: c.attempts + 1, leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs), startedAt: c.startedAt ?? now },
    });
    if (claimed.count === 1) return getJob(c.id);
  }
  return null;
}

type Stop = 'lost' | 'stopping';

/** Runs a job this runner claimed, to success, a retry, or failure; the lease is renewed meanwhile. */
export async function runClaimedJob(job: Job, owner: string, opts: { leaseMs: number; retryBaseMs: number; stopping?: AbortSignal }): Promise<void> {
  const entry = jobHandler(job.type);
  const controller = new AbortController();
  const stop = (why: Stop) => controller.abort(why);
  const onStopping = () => stop('stopping');
  opts.stopping?.addEventListener('abort', onStopping);
  const held = { id: job.id, leaseOwner: owner, status: 'RUNNING' as const };
  const heartbeat = setInterval(
    () => {
      db.job
        .updateMany({ where: held, data: { leaseExpiresAt: new Date(Date.now() + opts.leaseMs) } })
        .then((r) => r.count === 0 && stop('lost'))
        .catch(() => {}); // a database blip: the next beat tries again, and the lease has room for two misses
    },
    Math.max(50, Math.floor(opts.leaseMs / 3)),
  );
  heartbeat.unref();
  const ctx: JobContext<unknown> = {
    job,
    attempt: job.attempts,
    signal: controller.signal,
    progress: async (progress: JobProgress) => {
      if (!(await updateJobProgress(job.id, owner, progress, opts.leaseMs))) {
        stop('lost');
        throw new JobLostError();
      }
      job.progress = progress;
    },
  };
  try {
    if (!entry) throw new PermanentJobError(`No handler for jobs of type “${job.type}” in this process.`);
    const result = await entry.handler(ctx as JobContext<never>);
    // Only while it is still ours: a cancelled or taken-over job keeps the state its new owner gives it.
    await db.job.updateMany({ where: held, data: { status: 'SUCCEEDED', result: (result ?? null) as object, finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null, error: null } });
  } catch (e) {
    const why = controller.signal.aborted ? (controller.signal.reason as Stop) : null;
    if (why === 'lost') return;
    if (why === 'stopping') {
      // This instance is shutting down: back in the queue at once, the run not counted, its checkpoint kept.
      await db.job.updateMany({ where: held, data: { status: 'QUEUED', runAt: new Date(), attempts: { decrement: 1 }, leaseOwner: null, leaseExpiresAt: null } });
      return;
    }
    const message = (e instanceof Error ? e.message : String(e)).slice(0, 2000) || 'The job failed without a message.';
    const final = e instanceof PermanentJobError || job.attempts >= job.maxAttempts;
    if (!final) console.warn(`jobs: ${job.type} ${job.id} failed (run ${job.attempts} of ${job.maxAttempts}), retrying: ${message}`);
    else console.error(`jobs: ${job.type} ${job.id} failed for good after ${job.attempts} run(s): ${message}`);
    await db.job.updateMany({
      where: held,
      data: final
        ? { status: 'FAILED', error: message, finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null }
        : { status: 'QUEUED', error: message, runAt: new Date(Date.now() + jobRetryDelayMs(job.attempts, opts.retryBaseMs)), leaseOwner: null, leaseExpiresAt: null },
    });
  } finally {
    clearInterval(heartbeat);
    opts.stopping?.removeEventListener('abort', onStopping);
  }
}

/**
 * Starts this process's job runner: at most `concurrency` jobs at once, of the types registered
 * here. Returns a stop function: running jobs are asked to stop (their signal aborts) and go back
 * to the queue with their checkpoint, so a deploy loses nothing.
 */
export function startJobRunner(options: JobRunnerOptions = {}): () => Promise<void> {
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  const concurrency = options.concurrency ?? env.JOB_CONCURRENCY;
  const leaseMs = options.leaseMs ?? 60_000;
  const retryBaseMs = options.retryBaseMs ?? env.JOB_RETRY_BASE_MS;
  const stopping = new AbortController();
  const running = new Set<Promise<void>>();
  const stopPoller = startPoller(
    'jobs',
    async () => {
      const types = registeredJobTypes();
      while (!stopping.signal.aborted && running.size < concurrency) {
        const job = await claimJob(owner, { types, leaseMs });
        if (!job) break;
        const run = runClaimedJob(job, owner, { leaseMs, retryBaseMs, stopping: stopping.signal })
          .catch((e) => console.error('jobs: could not record the end of a job', e))
          .finally(() => running.delete(run));
        running.add(run);
      }
      return null;
    },
    { maxSleepMs: options.pollMs ?? 1000, failure: 'could not claim jobs' },
  );
  return async () => {
    stopping.abort();
    await stopPoller();
    await Promise.allSettled([...running]);
  };
}
