// The fault suite (`npm run test:faults`, a stage of `npm test`): the production server
// (scripts/server.mjs) as two instances on a PostgreSQL and a Redis of the suite's own, which it
// crashes, restarts and freezes during traffic, and SIGTERMs during an upload and a publish. It
// checks what a newsroom cares about: every comment accepted is stored exactly once, cached pages
// keep serving and the rest fail fast with 503, scheduled stories publish and reach every instance
// once the database is back, webhooks deliver, in-flight work at SIGTERM completes, nothing is
// half-written.
//
// Builds first unless FAULTS_SKIP_BUILD=1 (npm test reuses the end-to-end stage's build). Skips,
// saying why, only when PostgreSQL's server binaries or redis-server are not installed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from '@playwright/test';
import pg from 'pg';
import sharp from 'sharp';
import { Redis } from 'ioredis';
import { bin, canConnect, postgresBinaries, redisBinary, run, until, type Instance } from './services.ts';
import { get, postComment, startStack, timed, type Fixture, type Stack, type Story } from './stack.ts';

const pgBin = postgresBinaries();
const redisBin = redisBinary();
const missing = [!pgBin && 'PostgreSQL server binaries (initdb, pg_ctl)', !redisBin && 'redis-server'].filter(Boolean);
if (missing.length) {
  console.log(`Fault suite skipped: ${missing.join(' and ')} not installed (Debian: apt-get install postgresql redis-server).`);
  process.exit(0);
}

// Debian's Chromium where it exists, as in playwright.config.ts.
const launchOptions = fs.existsSync('/usr/bin/chromium')
  ? { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] }
  : {};

let stack: Stack;
let run_id: string;
let fixture: Fixture;
let postgres: Stack['postgres'];
let redis: Stack['redis'];
let a: Instance; // runs the scheduler
let b: Instance; // reader instance (BROADSHEET_SCHEDULER=off): publishes reach it through Redis
let mediaDir: string;
let webhookHits: Stack['webhookHits'];
/** The suite's own view of the database: a pool, so it reconnects by itself after each crash. */
let sql: pg.Pool;

before(async () => {
  if (process.env.FAULTS_SKIP_BUILD !== '1') run(bin('next'), ['build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
  stack = await startStack({ pgBin: pgBin!, redisBin: redisBin!, echo: process.env.FAULTS_VERBOSE === '1' });
  ({ runId: run_id, fixture, postgres, redis, a, b, mediaDir, webhookHits } = stack);
  sql = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  sql.on('error', () => {}); // the suite crashes the server under it
});

after(async () => {
  await sql?.end().catch(() => {});
  await stack?.stop();
});

/**
 * Readers posting comments through both instances, one every ~25 ms, until stopped. Remembers
 * every comment the site accepted (202) and every answer it gave.
 */
function commentTraffic(article: Story) {
  const accepted: string[] = [];
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let firstAcceptedAfter: { since: number; at: number } | null = null;
  let watchFrom = 0;
  let stopped = false;
  let n = 0;
  const loop = (async () => {
    const token = (await (await get(`${a.origin}/api/comments?articleId=${article.id}`)).json()).formToken as string;
    while (!stopped) {
      const i = n++;
      const body = `Fault comment ${run_id} number ${i}: a reader's thoughts on the story.`;
      const origin = i % 2 ? b.origin : a.origin;
      try {
        const res = await get(`${origin}/api/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify({ articleId: article.id, body, name: `Reader ${i}`, email: `reader-${run_id}-${i}@example.com`, formToken: token }),
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 202) {
          accepted.push(body);
          if (watchFrom && !firstAcceptedAfter) firstAcceptedAfter = { since: watchFrom, at: performance.now() };
        } else if (res.status !== 503) failures.push(`${res.status} ${await res.text()}`);
        else if (!res.headers.get('retry-after')) failures.push('503 without Retry-After');
      } catch (e) {
        failures.push(String(e));
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  return {
    accepted,
    statuses,
    failures,
    /** From now on, note when the first comment is accepted again. */
    watchRecovery: () => {
      watchFrom = performance.now();
      firstAcceptedAfter = null;
    },
    recovered: () => firstAcceptedAfter,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

const storedCounts = async (bodies: string[]) => {
  const { rows } = await sql.query<{ body: string; n: string }>('SELECT body, count(*) AS n FROM "Comment" WHERE body LIKE $1 GROUP BY body', [`Fault comment ${run_id} %`]);
  const counts = new Map(rows.map((r) => [r.body, Number(r.n)]));
  return { missing: bodies.filter((b) => !counts.has(b)), duplicated: rows.filter((r) => Number(r.n) > 1).map((r) => r.body) };
};

/** Comment traffic and a reader's comment form through a PostgreSQL crash. */
async function crashDuringTraffic(traffic: ReturnType<typeof commentTraffic>, second: Story) {
  await until('comments to be accepted', () => traffic.accepted.length >= 5, 30_000, 25);
  // A reader has the story open and is writing a comment when the database goes.
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${a.origin}/articles/${fixture.published[0]!.slug}`, { waitUntil: 'networkidle' });
    await page.locator('#comment-body').fill('The council should publish the figures. (Written while the database was down.)');
    await page.locator('#comment-name').fill('Patient Reader');
    await page.locator('#comment-email').fill(`patient-${run_id}@example.com`);
    await crashAndWatch(traffic, second, async () => {
      await page.getByRole('button', { name: 'Post comment' }).click();
      await page.getByText('Your comment could not be saved').waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('#comment-body').inputValue(), 'The council should publish the figures. (Written while the database was down.)', 'the form keeps the text');
    });
  } finally {
    await browser.close();
  }
}

/** Crashes PostgreSQL under the traffic (and runs `duringOutage`), checks what readers get meanwhile, restarts it, waits for a comment to be accepted again. */
async function crashAndWatch(traffic: ReturnType<typeof commentTraffic>, second: Story, duringOutage: () => Promise<void>) {
  // Due one second into the outage: the scheduler must publish it once the database is back.
  await sql.query(`UPDATE "Article" SET "scheduledAt" = now() + interval '1.5 seconds' WHERE id = $1`, [fixture.scheduledDuringOutage.id]);
  // An edit made the story's cached copy stale just before the outage (as a publish would, on every instance).
  const publisher = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await publisher.publish(`broadsheet-faults:${run_id}:invalidate`, JSON.stringify({ tags: [`_N_T_/articles/${fixture.published[0]!.slug}`], at: Date.now() }));
  publisher.disconnect();
  await new Promise((r) => setTimeout(r, 200));
  postgres.stop('immediate');
  const downAt = performance.now();

  const stale = await timed(() => get(`${a.origin}/articles/${fixture.published[0]!.slug}`));
  assert.equal(stale.value.status, 200, 'a page made stale by an edit is served from its last copy rather than an outage page');
  assert.equal(stale.value.headers.get('x-nextjs-cache'), 'STALE');
  assert.equal(stale.value.headers.get('cache-control'), 'no-store');
  const staleHtml = await stale.value.text();
  assert.ok(staleHtml.includes(`/articles/${fixture.published[0]!.slug}`) && !staleHtml.includes('reach the newsroom'), 'the story itself, not the outage page');
  assert.ok(stale.ms < 5000, `stale page took ${stale.ms} ms`);

  const cached = await timed(() => get(`${a.origin}/`));
  assert.equal(cached.value.status, 200, 'a cached page keeps serving');
  assert.ok(cached.ms < 1000, `cached page took ${cached.ms} ms`);
  const uncached = await timed(() => get(`${b.origin}/articles/${second.slug}`));
  assert.equal(uncached.value.status, 503);
  assert.ok(uncached.ms < 5000, `uncached page took ${uncached.ms} ms`);
  assert.equal(uncached.value.headers.get('retry-after'), '10');
  assert.match(await uncached.value.text(), /We can&#x27;t reach the newsroom&#x27;s database|We can't reach the newsroom's database/);
  const ready = await get(`${a.origin}/readyz`);
  assert.equal(ready.status, 503);
  assert.deepEqual((await ready.json()).failed, ['database']);
  assert.equal((await get(`${a.origin}/healthz`)).status, 200);
  await duringOutage();

  // Long enough for the schedule to fall due, and for the pollers to try (and back off) a few times.
  await until('the schedule to fall due', () => performance.now() - downAt > 2500, 10_000, 100);
  traffic.watchRecovery();
  postgres.start();
  await until('a comment to be accepted after the restart', () => traffic.recovered() !== null, 30_000, 25);
  const r = traffic.recovered()!;
  console.log(`  PostgreSQL restart: first comment accepted ${((r.at - r.since) / 1000).toFixed(2)} s after the server was started again`);
  const before = traffic.accepted.length;
  await until('more comments after recovery', () => traffic.accepted.length >= before + 5, 30_000, 25);
}

describe('PostgreSQL crashes during traffic', () => {
  it('serves cached pages, answers the rest 503 within 5 s, keeps a reader’s unsaved comment in the form, loses no accepted comment, and catches up when it returns', async () => {
    const [first, second] = fixture.published as [Story, Story];
    // Pages each instance has in memory before the crash.
    for (const i of [a, b]) for (const url of ['/', `/articles/${first.slug}`]) for (let k = 0; k < 2; k++) assert.equal((await get(i.origin + url)).status, 200);

    const traffic = commentTraffic(first);
    try {
      await crashDuringTraffic(traffic, second);
    } finally {
      await traffic.stop();
      if (!(await canConnect(postgres.port))) postgres.start();
    }

    assert.deepEqual(traffic.failures, [], 'every answer was 202 or 503');
    assert.ok((traffic.statuses.get(503) ?? 0) > 0, 'the outage was met');
    const { missing, duplicated } = await storedCounts(traffic.accepted);
    assert.deepEqual(missing, [], 'every accepted comment is stored');
    assert.deepEqual(duplicated, [], 'no comment is stored twice');

    // The overdue story is published, and both instances' cached home pages give way to it.
    const story = fixture.scheduledDuringOutage;
    for (const i of [a, b]) await until(`${i.name} to show the story published after the outage`, async () => (await (await get(`${i.origin}/`)).text()).includes(story.title), 15_000, 100);
    await until('the webhook for it to be delivered', () => webhookHits.some((h) => h.event === 'article.published' && h.data?.article?.id === story.id), 15_000, 100);

    // Logged once per outage, not per tick.
    const paused = a.log.filter((l) => l.startsWith('scheduler:') && l.includes('paused'));
    assert.equal(paused.length, 1, `scheduler logged its pause ${paused.length} times`);
    assert.ok(a.log.some((l) => l.startsWith('scheduler: resumed')));
  });

  it('does not hang on a frozen database: uncached pages still answer 503 within 5 s', async () => {
    postgres.freeze();
    try {
      const page = await timed(() => get(`${b.origin}/articles/${fixture.published[2]!.slug}`));
      assert.equal(page.value.status, 503);
      assert.ok(page.ms < 5000, `took ${page.ms} ms`);
    } finally {
      postgres.thaw();
    }
    for (const i of [a, b]) await until(`${i.name} /readyz after the thaw`, async () => (await get(`${i.origin}/readyz`)).ok, 20_000, 100);
  });
});

/** With Redis killed: what readers and writers get, then a publish made meanwhile reaching the other instance once it is back. */
async function redisDown(story: Story) {
  await until(
    'A and B to see Redis gone',
    async () => {
      const states = await Promise.all([a, b].map(async (i) => (await (await get(`${i.origin}/readyz`)).json()).failed ?? []));
      return states.every((failed: string[]) => failed.includes('redis'));
    },
    10_000,
    50,
  );

  // Never rendered on B: it renders without waiting for Redis.
  const uncached = await timed(() => get(`${b.origin}/articles/${fixture.published[3]!.slug}`));
  assert.equal(uncached.value.status, 200);
  assert.ok(uncached.ms < 3000, `uncached page took ${uncached.ms} ms with Redis down`);
  const cached = await timed(() => get(`${b.origin}/`));
  assert.equal(cached.value.status, 200);
  assert.ok(cached.ms < 1000, `cached page took ${cached.ms} ms with Redis down`);
  // Limits count in memory meanwhile.
  const comment = await timed(() => postComment(a, fixture.published[0]!, `Fault comment ${run_id} without Redis`));
  assert.equal(comment.value.status, 202);
  assert.ok(comment.ms < 3000, `comment took ${comment.ms} ms with Redis down`);

  // A publishes (its scheduler) while Redis is down: A shows it at once; B is told on reconnect.
  await sql.query(`UPDATE "Article" SET "scheduledAt" = now() WHERE id = $1`, [story.id]);
  await until('A to show the story published without Redis', async () => (await (await get(`${a.origin}/`)).text()).includes(story.title), 15_000, 100);
  const restarted = performance.now();
  await redis.start();
  await until('B to show it after Redis returned', async () => (await (await get(`${b.origin}/`)).text()).includes(story.title), 20_000, 50);
  console.log(`  Redis restart: the publish made while it was down reached the other instance ${((performance.now() - restarted) / 1000).toFixed(2)} s after it was started again`);
}

describe('Redis crashes and stalls', () => {
  it('pages render or come from memory at once, a publish refreshes its own instance and reaches the other on reconnect', async () => {
    const story = fixture.scheduledWithoutRedis;
    for (const i of [a, b]) for (let k = 0; k < 2; k++) assert.equal((await get(`${i.origin}/`)).status, 200);
    await redis.kill();
    try {
      await redisDown(story);
    } finally {
      if (!(await canConnect(redis.port))) await redis.start();
    }
    for (const i of [a, b]) await until(`${i.name} /readyz with Redis back`, async () => (await get(`${i.origin}/readyz`)).ok, 15_000, 100);
  });

  it('a Redis that accepts connections but answers nothing does not hold requests', async () => {
    redis.freeze();
    try {
      const uncached = await timed(() => get(`${b.origin}/articles/${fixture.published[4]!.slug}`));
      assert.equal(uncached.value.status, 200);
      assert.ok(uncached.ms < 5000, `uncached page took ${uncached.ms} ms with Redis frozen`);
      const comment = await timed(() => postComment(b, fixture.published[0]!, `Fault comment ${run_id} with Redis frozen`));
      assert.equal(comment.value.status, 202);
      assert.ok(comment.ms < 5000, `comment took ${comment.ms} ms with Redis frozen`);
      const ready = await timed(() => get(`${a.origin}/readyz`));
      assert.equal(ready.value.status, 503);
      assert.ok(ready.ms < 2500, `/readyz took ${ready.ms} ms`);
    } finally {
      redis.thaw();
    }
    for (const i of [a, b]) await until(`${i.name} /readyz after Redis thawed`, async () => (await get(`${i.origin}/readyz`)).ok, 15_000, 100);
  });
});

describe('SIGTERM', () => {
  it('during a scheduled publish: the publish completes, the other instance shows it, the server exits 0', async () => {
    const story = fixture.scheduledAtShutdown;
    // Hold audit-log inserts, so the scheduler's publishing transaction stops half-way, inside it.
    const holder = new pg.Client({ connectionString: stack.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE "AuditLog" IN EXCLUSIVE MODE');
      await sql.query(`UPDATE "Article" SET "scheduledAt" = now() WHERE id = $1`, [story.id]);
      await until(
        'the scheduler to be publishing',
        async () => (await sql.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%AuditLog%'`)).rowCount! > 0,
        15_000,
        50,
      );
      a.child.kill('SIGTERM');
      await until(
        'A to stop accepting connections',
        async () =>
          !(await get(`${a.origin}/healthz`).then(
            () => true,
            () => false,
          )),
        10_000,
        50,
      );
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await holder.query('ROLLBACK').catch(() => {});
      await holder.end();
    }
    assert.equal(await a.exited, 0, `A exited cleanly:\n${a.log.slice(-20).join('\n')}`);

    const { rows } = await sql.query(
      `SELECT a.status, (SELECT count(*) FROM "AuditLog" l WHERE l."entityId" = a.id AND l.action = 'article.published')::int AS audits,
              (SELECT count(*) FROM "WebhookDelivery" d WHERE d.payload::text LIKE '%' || a.id || '%')::int AS deliveries
       FROM "Article" a WHERE a.id = $1`,
      [story.id],
    );
    assert.deepEqual(rows[0], { status: 'PUBLISHED', audits: 1, deliveries: 1 }, 'published with its audit entry and webhook event, once');
    await until('B to show it', async () => (await (await get(`${b.origin}/`)).text()).includes(story.title), 10_000, 100);
  });

  it('during an upload: the upload completes with all its files, new connections are refused, the server exits 0', async () => {
    const cookie = await signIn(b.origin, fixture.author.email, fixture.author.password);
    const png = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .png()
      .toBuffer();
    const boundary = `----fault${run_id}`;
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="harbour.png"\r\nContent-Type: image/png\r\n\r\n`);
    const body = Buffer.concat([head, png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const half = Math.floor(body.length / 2);

    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${b.origin}/api/media`, {
        method: 'POST',
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.subarray(0, half));
      // Half the file is on its way when the signal comes; the rest follows after it.
      setTimeout(() => {
        b.child.kill('SIGTERM');
        setTimeout(() => req.end(body.subarray(half)), 500);
      }, 300);
    });
    await until(
      'B to stop accepting connections',
      async () =>
        !(await get(`${b.origin}/healthz`).then(
          () => true,
          () => false,
        )),
      10_000,
      50,
    );
    const { status, text } = await response;
    assert.equal(status, 201, text);
    const { item } = JSON.parse(text) as { item: { id: string } };
    assert.equal(await b.exited, 0, `B exited cleanly:\n${b.log.slice(-20).join('\n')}`);

    // The upload was accepted for processing (a job, lib/media/upload-job): its file is stored, and
    // either its sizes are made or its job is still in the queue for a runner — never lost.
    const { rows } = await sql.query<{ storageKey: string; status: string; variants: { key: string }[] | null }>('SELECT "storageKey", status, variants FROM "Media" WHERE id = $1', [item.id]);
    assert.equal(rows.length, 1);
    for (const key of [rows[0]!.storageKey, ...(rows[0]!.variants ?? []).map((v) => v.key)]) assert.ok(fs.existsSync(path.join(mediaDir, key)), `missing file ${key}`);
    const jobs = await sql.query<{ status: string }>(`SELECT status FROM "Job" WHERE type = 'media.process' AND payload::text LIKE $1`, [`%${item.id}%`]);
    assert.ok(rows[0]!.status === 'READY' || jobs.rows.some((j) => j.status === 'QUEUED' || j.status === 'RUNNING'), `upload ${rows[0]!.status} with jobs ${JSON.stringify(jobs.rows)}`);
  });
});

describe('nothing is half-written', () => {
  it('every article has its revision, every media row its files, every delivery its webhook', async () => {
    const orphans = await sql.query(`SELECT id FROM "Article" a WHERE NOT EXISTS (SELECT 1 FROM "ArticleRevision" r WHERE r."articleId" = a.id)`);
    assert.equal(orphans.rowCount, 0, 'articles without a revision');
    // Every image has its upload; a processed one has every size (one still processing has none yet).
    const media = await sql.query<{ storageKey: string; variants: { key: string }[] | null }>('SELECT "storageKey", variants FROM "Media"');
    for (const m of media.rows) for (const key of [m.storageKey, ...(m.variants ?? []).map((v) => v.key)]) assert.ok(fs.existsSync(path.join(mediaDir, key)), `media file ${key} missing`);
    const published = await sql.query(`SELECT id FROM "Article" WHERE status = 'PUBLISHED' AND "publishedAt" IS NULL`);
    assert.equal(published.rowCount, 0, 'published articles without a publication time');
  });
});

/** Signs in as the sign-in form does (POST /api/auth/sign-in, JSON); returns the Cookie header. */
async function signIn(origin: string, email: string, password: string): Promise<string> {
  const res = await get(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    // A plain HTTP client (no Origin header), like the upload below.
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, callbackUrl: '/admin' }),
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  assert.ok(
    cookies.some((c) => c.includes('session-token=')),
    `sign-in failed (${res.status})`,
  );
  const header = () => cookies.join('; ');
  return header();
}
