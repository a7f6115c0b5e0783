// The fault suite's and bench/faults.ts's world: a throwaway PostgreSQL and Redis, a small
// newsroom in the database (faults/fixture.ts), a webhook receiver, and the production server as
// two instances: A runs the scheduler, B (BROADSHEET_SCHEDULER=off) is a reader instance that
// learns of A's publishes through Redis.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { bin, run, startInstance, ThrowawayPostgres, ThrowawayRedis, unique, until, type Instance } from './services.ts';

export type Story = { id: string; slug: string; title: string };
export type Fixture = {
  published: Story[];
  scheduledDuringOutage: Story;
  scheduledAtShutdown: Story;
  scheduledWithoutRedis: Story;
  author: { email: string; password: string };
  webhookId: string;
};

export type Stack = {
  runId: string;
  postgres: ThrowawayPostgres;
  redis: ThrowawayRedis;
  databaseUrl: string;
  fixture: Fixture;
  a: Instance;
  b: Instance;
  mediaDir: string;
  webhookHits: { event: string; data: { article?: { id?: string } } }[];
  /** Stops everything it started and removes its folders. */
  stop: () => Promise<void>;
};

export const get = (url: string, init: RequestInit = {}) => fetch(url, { signal: AbortSignal.timeout(20_000), ...init });

export async function startStack({ pgBin, redisBin, echo = false, env: extraEnv = {} }: { pgBin: string; redisBin: string; echo?: boolean; env?: Record<string, string> }): Promise<Stack> {
  const runId = unique();
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-faults-media-'));
  const webhookHits: Stack['webhookHits'] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      try {
        webhookHits.push(JSON.parse(body));
      } catch {
        // not ours
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hook = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;

  const [postgres, redis] = await Promise.all([ThrowawayPostgres.create(pgBin), ThrowawayRedis.create(redisBin)]);
  const started: Instance[] = [];
  const stop = async () => {
    for (const i of started) if (i.child.exitCode === null) i.child.kill('SIGKILL');
    postgres.destroy();
    await redis.destroy();
    receiver.close();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  };
  try {
    const admin = new pg.Client({ connectionString: postgres.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE broadsheet_faults');
    await admin.end();
    const databaseUrl = postgres.url('broadsheet_faults');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      BROADSHEET_ENV: 'test',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      PAGE_CACHE_REDIS_PREFIX: `broadsheet-faults:${runId}:`,
      NEXTAUTH_SECRET: `fault-suite-secret-${runId}-${'x'.repeat(32)}`,
      COMMENT_MIN_SECONDS: '0',
      // Generous, but counted: through Redis while it is there, in memory while it is not.
      COMMENT_RATE_LIMITS: 'ip:100000/60',
      REPORT_RATE_LIMITS: 'off',
      // Every request of the suite comes from 127.0.0.1.
      ADMISSION_PER_CLIENT: 'off',
      // The suite freezes dependencies and times answers: lanes keep their configured limits.
      ADMISSION_LAG_MS: 'off',
      WEBHOOK_ALLOW_PRIVATE: '1',
      WEBHOOK_RETRY_BASE_MS: '500',
      WEATHER_API_URL: 'http://127.0.0.1:9',
      MEDIA_STORAGE: 'local',
      MEDIA_DIR: mediaDir,
      ...extraEnv,
    };
    const fixture = JSON.parse(run(bin('tsx'), ['--conditions=react-server', 'test/faults/fixture.ts', hook], env).trim().split('\n').pop()!) as Fixture;
    const [a, b] = await Promise.all([startInstance('A', env, { echo }), startInstance('B', { ...env, BROADSHEET_SCHEDULER: 'off' }, { echo })]);
    started.push(a, b);
    // Ready: Next has started (instrumentation ran), the database and Redis answer.
    for (const i of [a, b]) await until(`${i.name} /readyz`, async () => (await get(`${i.origin}/readyz`)).ok, 60_000);
    return { runId, postgres, redis, databaseUrl, fixture, a, b, mediaDir, webhookHits, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** A reader's comment through the public endpoint, with a fresh form token. */
export async function postComment(i: Instance, article: Story, body: string) {
  const token = (await (await get(`${i.origin}/api/comments?articleId=${article.id}`)).json()).formToken as string;
  return get(`${i.origin}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: i.origin },
    body: JSON.stringify({ articleId: article.id, body, name: 'A reader', email: `reader-${unique()}@example.com`, formToken: token }),
  });
}

export const timed = async <T>(f: () => Promise<T>) => {
  const started = performance.now();
  const value = await f();
  return { value, ms: performance.now() - started };
};
