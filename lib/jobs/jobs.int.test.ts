import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { cancelJob, enqueueJob, getJob, PermanentJobError, registerJobHandler, updateJobProgress } from '@/lib/jobs';
import { claimJob, startJobRunner } from '@/lib/jobs/runner';
import { unique } from '@/test/fixtures';

// The job runner on a real database: several runners (as on several instances) share one Job
// table. Each test registers its own job type, so runners of one test never take another's jobs.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const statusOf = async (id: string) => (await getJob(id))?.status;
const fast = { pollMs: 20, leaseMs: 5_000, retryBaseMs: 20 };

describe('claiming', () => {
  it('gives each job to exactly one of several runners, never to two at once', async () => {
    const type = `overlap-${unique()}`;
    const active = new Set<string>();
    const runs: string[] = [];
    let overlapped = false;
    registerJobHandler(type, async (ctx) => {
      if (active.has(ctx.job.id)) overlapped = true;
      active.add(ctx.job.id);
      runs.push(ctx.job.id);
      await sleep(25);
      active.delete(ctx.job.id);
      return { ok: true };
    });
    const ids = (await Promise.all(Array.from({ length: 12 }, (_, i) => enqueueJob(type, { i })))).map((j) => j.id);
    const stops = [startJobRunner({ ...fast, owner: 'runner-a', concurrency: 3 }), startJobRunner({ ...fast, owner: 'runner-b', concurrency: 3 })];
    try {
      await expect.poll(() => db.job.count({ where: { id: { in: ids }, status: 'SUCCEEDED' } }), { timeout: 20_000 }).toBe(12);
    } finally {
      await Promise.all(stops.map((stop) => stop()));
    }
    expect(overlapped).toBe(false);
    expect([...runs].sort()).toEqual([...ids].sort());
    expect(await db.job.count({ where: { id: { in: ids }, attempts: 1 } })).toBe(12);
  });

  it('lets only one of many simultaneous claims win a job', async () => {
    const type = `race-${unique()}`;
    registerJobHandler(type, async () => null);
    const { id } = await enqueueJob(type, {});
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimJob(`claimer-${i}`, { types: [type], leaseMs: 5_000 })));
    const winners = claims.filter((c) => c !== null);
    expect(winners).toHaveLength(1);
    expect(await getJob(id)).toMatchObject({ status: 'RUNNING', attempts: 1, leaseOwner: winners[0]!.leaseOwner });
    await cancelJob(id);
  });
});

describe('crashes and retries', () => {
  it('claims a job again when its runner died (lease ran out) and resumes it from the saved checkpoint', async () => {
    const type = `resume-${unique()}`;
    const starts: { attempt: number; from: number }[] = [];
    registerJobHandler(type, async (ctx) => {
      const from = (ctx.job.progress?.checkpoint as { next: number } | undefined)?.next ?? 0;
      starts.push({ attempt: ctx.attempt, from });
      const processed: number[] = [];
      for (let i = from; i < 10; i++) {
        processed.push(i);
        await ctx.progress({ done: i + 1, total: 10, checkpoint: { next: i + 1 } });
      }
      return { processed };
    });
    const { id } = await enqueueJob(type, { file: 'export.xml' });

    // A runner claims it, gets through four items and dies: no heartbeat, no result.
    expect((await claimJob('crashed-runner', { types: [type], leaseMs: 1_000 }))?.id).toBe(id);
    for (let i = 0; i < 4; i++) expect(await updateJobProgress(id, 'crashed-runner', { done: i + 1, total: 10, checkpoint: { next: i + 1 } }, 1_000)).toBe(true);
    // While its lease holds, nobody else takes it.
    expect(await claimJob('runner-b', { types: [type], leaseMs: 5_000 })).toBeNull();
    expect((await getJob(id))?.progress).toMatchObject({ done: 4, total: 10 });

    await sleep(1_100);
    const stop = startJobRunner({ ...fast, owner: 'runner-b' });
    try {
      await expect.poll(() => statusOf(id), { timeout: 10_000 }).toBe('SUCCEEDED');
    } finally {
      await stop();
    }
    expect(starts).toEqual([{ attempt: 2, from: 4 }]);
    expect(await getJob(id)).toMatchObject({ attempts: 2, result: { processed: [4, 5, 6, 7, 8, 9] }, progress: { done: 10, total: 10 }, leaseOwner: null });
    // The dead runner's late report is refused: the job is no longer its.
    expect(await updateJobProgress(id, 'crashed-runner', { done: 5 }, 1_000)).toBe(false);
  });

  it('retries a failing job with backoff, then records it as failed with its last error', async () => {
    const type = `failing-${unique()}`;
    let runs = 0;
    registerJobHandler(
      type,
      async (ctx) => {
        runs++;
        throw new Error(`The feed did not answer (run ${ctx.attempt}).`);
      },
      { maxAttempts: 3 },
    );
    const { id } = await enqueueJob(type, {});
    const stop = startJobRunner(fast);
    try {
      await expect.poll(() => statusOf(id), { timeout: 10_000 }).toBe('FAILED');
    } finally {
      await stop();
    }
    expect(runs).toBe(3);
    expect(await getJob(id)).toMatchObject({ attempts: 3, maxAttempts: 3, error: 'The feed did not answer (run 3).', finishedAt: expect.any(Date), leaseOwner: null });
  });

  it('fails at once on a permanent error, and fails a job whose runner died in every one of its runs', async () => {
    const type = `permanent-${unique()}`;
    registerJobHandler(type, async () => {
      throw new PermanentJobError('This is not a WordPress export file.');
    });
    const { id } = await enqueueJob(type, {});
    const stop = startJobRunner(fast);
    try {
      await expect.poll(() => statusOf(id), { timeout: 10_000 }).toBe('FAILED');
    } finally {
      await stop();
    }
    expect(await getJob(id)).toMatchObject({ attempts: 1, error: 'This is not a WordPress export file.' });

    const dead = await db.job.create({
      data: { type, payload: {}, status: 'RUNNING', attempts: 3, maxAttempts: 3, leaseOwner: 'gone', leaseExpiresAt: new Date(Date.now() - 1_000) },
      select: { id: true },
    });
    expect(await claimJob('runner-c', { types: [type], leaseMs: 5_000 })).toBeNull();
    expect(await getJob(dead.id)).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/runner stopped .* during each of its 3 runs/) });
  });
});

describe('progress, cancelling and stopping', () => {
  it('shows progress while the job runs, then its result', async () => {
    const type = `progress-${unique()}`;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    registerJobHandler(type, async (ctx) => {
      await ctx.progress({ done: 5, total: 10, counts: { imported: 4, skipped: 1 } });
      await gate;
      return { imported: 9, skipped: 1 };
    });
    const { id } = await enqueueJob(type, { source: 'wordpress' });
    const stop = startJobRunner(fast);
    try {
      await expect.poll(async () => (await getJob(id))?.progress, { timeout: 10_000 }).toEqual({ done: 5, total: 10, counts: { imported: 4, skipped: 1 } });
      expect(await getJob(id)).toMatchObject({ status: 'RUNNING', payload: { source: 'wordpress' }, leaseExpiresAt: expect.any(Date) });
      release();
      await expect.poll(() => statusOf(id), { timeout: 10_000 }).toBe('SUCCEEDED');
    } finally {
      await stop();
    }
    expect((await getJob(id))?.result).toEqual({ imported: 9, skipped: 1 });
  });

  it('stops a cancelled job at its next report and keeps it cancelled', async () => {
    const type = `cancel-${unique()}`;
    let reports = 0;
    let exited = false;
    registerJobHandler(type, async (ctx) => {
      try {
        for (;;) {
          await ctx.progress({ done: ++reports });
          await sleep(20);
        }
      } finally {
        exited = true;
      }
    });
    const { id } = await enqueueJob(type, {});
    const stop = startJobRunner(fast);
    try {
      await expect.poll(() => reports, { timeout: 10_000 }).toBeGreaterThan(2);
      expect((await cancelJob(id)).status).toBe('CANCELLED');
      // Its next report is refused, which ends the handler; the job stays cancelled.
      await expect.poll(() => exited, { timeout: 10_000 }).toBe(true);
      expect(await getJob(id)).toMatchObject({ status: 'CANCELLED', result: null });
    } finally {
      await stop();
    }
    await expect(cancelJob(id)).resolves.toMatchObject({ status: 'CANCELLED' });
  });

  it('puts running jobs back in the queue with their checkpoint when the runner stops (a deploy)', async () => {
    const type = `deploy-${unique()}`;
    registerJobHandler(type, async (ctx) => {
      await ctx.progress({ done: 3, total: 9, checkpoint: { next: 3 } });
      await new Promise((r) => ctx.signal.addEventListener('abort', r));
      throw new Error('stopped');
    });
    const { id } = await enqueueJob(type, {});
    const stop = startJobRunner(fast);
    await expect.poll(async () => (await getJob(id))?.progress, { timeout: 10_000 }).toMatchObject({ done: 3 });
    await stop();
    expect(await getJob(id)).toMatchObject({ status: 'QUEUED', attempts: 0, leaseOwner: null, progress: { checkpoint: { next: 3 } } });
    await cancelJob(id);
  });
});
