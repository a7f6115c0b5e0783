// Fault figures: how long Broadsheet takes to come back after PostgreSQL or Redis restarts, and how
// fast a reader hears "try again" while the database is down. Prints figures; asserts nothing.
//
//   npx tsx bench/faults.ts              (BENCH_ROUNDS=3; BENCH_REBUILD=1 rebuilds .next first)
//
// Uses the fault suite's world (test/faults/stack.ts): a throwaway PostgreSQL and Redis on spare ports,
// two production instances (A runs the scheduler, B is a reader instance).
import { buildOnce, percentile } from './server.ts';
import { postgresBinaries, redisBinary, until } from '../test/faults/services.ts';
import { get, postComment, startStack, timed, type Stack } from '../test/faults/stack.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const pgBin = postgresBinaries();
const redisBin = redisBinary();
if (!pgBin || !redisBin) {
  console.log('bench/faults: needs PostgreSQL server binaries and redis-server');
  process.exit(0);
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const summary = (xs: number[]) => `median ${s(percentile(xs, 50))}, min ${s(Math.min(...xs))}, max ${s(Math.max(...xs))} (${xs.map(s).join(', ')})`;

/** Posts comments until one is accepted; resolves with the time since `since`. */
async function firstAccepted(stack: Stack, since: number, label: string) {
  let n = 0;
  await until(label, async () => (await postComment(stack.a, stack.fixture.published[0]!, `Bench comment ${stack.runId} ${label} ${n++}`)).status === 202, 60_000, 20);
  return performance.now() - since;
}

async function main() {
  buildOnce({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
  const stack = await startStack({ pgBin: pgBin!, redisBin: redisBin!, echo: process.env.BENCH_VERBOSE === '1' });
  const { a, b, postgres, redis } = stack;
  try {
    // Pages rendered once, so the uncached ones below are only those never visited.
    for (const i of [a, b]) for (let k = 0; k < 2; k++) await get(`${i.origin}/`);

    const pgToWrite: number[] = [];
    const pgStartToWrite: number[] = [];
    const uncachedDown: number[] = [];
    const uncachedFrozen: number[] = [];
    const cachedDown: number[] = [];
    let page = 0;
    // Search results are rendered for every request: an uncached page each time.
    const uncachedUrl = () => `/search?q=story+${page++}`;
    for (let round = 0; round < ROUNDS; round++) {
      postgres.stop('immediate');
      for (let k = 0; k < 5; k++) {
        uncachedDown.push((await timed(() => get(`${b.origin}${uncachedUrl()}`))).ms);
        cachedDown.push((await timed(() => get(`${a.origin}/`))).ms);
      }
      const issued = performance.now();
      postgres.start();
      const up = performance.now();
      pgStartToWrite.push(await firstAccepted(stack, issued, `write after PostgreSQL restart ${round}`));
      pgToWrite.push(pgStartToWrite.at(-1)! - (up - issued));

      postgres.freeze();
      for (let k = 0; k < 3; k++) uncachedFrozen.push((await timed(() => get(`${b.origin}${uncachedUrl()}`))).ms);
      postgres.thaw();
      await until('database back after the freeze', async () => (await get(`${a.origin}/readyz`)).ok, 30_000, 50);
    }

    const redisToWrite: number[] = [];
    const redisToInvalidation: number[] = [];
    const uncachedRedisDown: number[] = [];
    const uncachedRedisFrozen: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await redis.kill();
      await until('Redis seen gone', async () => ((await (await get(`${a.origin}/readyz`)).json()).failed ?? []).includes('redis'), 10_000, 50);
      for (let k = 0; k < 3; k++) uncachedRedisDown.push((await timed(() => get(`${b.origin}${uncachedUrl()}`))).ms);
      // A change made on A while Redis is down: a story published by A's scheduler.
      const marker = `Bench story ${stack.runId} round ${round}`;
      await scheduleCopyNow(stack, round, marker);
      await until('A shows it', async () => (await (await get(`${a.origin}/`)).text()).includes(marker), 20_000, 50);
      const restarted = performance.now();
      await redis.start();
      await until('Redis answers /readyz', async () => (await get(`${a.origin}/readyz`)).ok, 30_000, 20);
      redisToWrite.push(performance.now() - restarted);
      await until('B shows the story', async () => (await (await get(`${b.origin}/`)).text()).includes(marker), 30_000, 20);
      redisToInvalidation.push(performance.now() - restarted);
      redis.freeze();
      for (let k = 0; k < 3; k++) uncachedRedisFrozen.push((await timed(() => get(`${b.origin}${uncachedUrl()}`))).ms);
      redis.thaw();
      await until('Redis back after the freeze', async () => (await get(`${a.origin}/readyz`)).ok, 30_000, 50);
    }

    console.log(`\nFault figures (${ROUNDS} rounds; two instances, throwaway PostgreSQL and Redis)\n`);
    console.log(`PostgreSQL restart (pg_ctl start returned) -> first comment stored:  ${summary(pgToWrite)}`);
    console.log(`PostgreSQL restart (pg_ctl start issued)   -> first comment stored:  ${summary(pgStartToWrite)}`);
    console.log(`Uncached page while PostgreSQL is down (503):                        ${summary(uncachedDown)}`);
    console.log(`Uncached page while PostgreSQL is frozen (SIGSTOP, 503):             ${summary(uncachedFrozen)}`);
    console.log(`Cached page while PostgreSQL is down (200):                          ${summary(cachedDown)}`);
    console.log(`Redis restart -> first successful Redis command (/readyz ok):        ${summary(redisToWrite)}`);
    console.log(`Redis restart -> publish made while it was down seen by instance B:  ${summary(redisToInvalidation)}`);
    console.log(`Uncached page while Redis is down (200):                             ${summary(uncachedRedisDown)}`);
    console.log(`Uncached page while Redis is frozen (SIGSTOP, 200):                  ${summary(uncachedRedisFrozen)}`);
    console.log('\nReader p99 while 50 connections flood sign-in: not measured here (needs sign-in throttling).');
  } finally {
    await stack.stop();
  }
}

/** A copy of a published story (own id, slug, title and revision), scheduled for now: A's scheduler publishes it. */
async function scheduleCopyNow(stack: Stack, round: number, title: string) {
  const { default: pg } = await import('pg');
  const sql = new pg.Client({ connectionString: stack.databaseUrl });
  await sql.connect();
  try {
    const source = stack.fixture.published[round % stack.fixture.published.length]!;
    const id = `bench${stack.runId}${round}`;
    await sql.query(
      `INSERT INTO "Article" (id, title, slug, standfirst, "bodyJson", "bodyHtml", status, "scheduledAt", "sectionId", "createdAt", "updatedAt", version)
       SELECT $1, $2, $3, standfirst, "bodyJson", "bodyHtml", 'SCHEDULED', now(), "sectionId", now(), now(), 1 FROM "Article" WHERE id = $4`,
      [id, title, `bench-${stack.runId}-${round}`, source.id],
    );
    await sql.query(
      `INSERT INTO "ArticleRevision" (id, "articleId", version, title, standfirst, "bodyJson", status) SELECT $1, $2, 1, title, standfirst, "bodyJson", 'SCHEDULED' FROM "Article" WHERE id = $2`,
      [`${id}r`, id],
    );
    return id;
  } finally {
    await sql.end();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
