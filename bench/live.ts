// Live coverage delivery: N concurrent Server-Sent Events readers on one (or two) production
// server instances while an update is posted every second. Prints p50/p99 delivery latency (from
// the moment the update was published, which its event id records, to its arrival at a reader)
// and the servers' resident memory before and after.
//
//   npx tsx --conditions=react-server bench/live.ts [readers=1000] [seconds=20] [instances=1]
//
// The bench process posts the updates through lib/live-coverage, as another instance would: the
// servers hear them over Redis (REDIS_URL, default redis://127.0.0.1:6379, under a prefix of this
// run's own) and fan them out to their readers. Readers are spread evenly over the instances.
// Uses its own SQLite database (bench/results/bench-live.db) and the existing build (.next).
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/db-config.ts';
import { migrateDeploy } from '../scripts/db/engine.ts';
import { percentile, rssMiB, startServer, stopServer } from './server.ts';

const READERS = Number(process.argv[2] ?? 1000);
const SECONDS = Number(process.argv[3] ?? 20);
const INSTANCES = Math.max(1, Math.min(2, Number(process.argv[4] ?? 1)));
const PORT = Number(process.env.BENCH_PORT ?? 3970);
const dbFile = path.join(ROOT, 'bench/results/bench-live.db');
const prefix = `broadsheet-bench:${crypto.randomBytes(4).toString('hex')}:`;
const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  BROADSHEET_ENV: 'test',
  NEXT_TELEMETRY_DISABLED: '1',
  BROADSHEET_SCHEDULER: 'off',
  BROADSHEET_WEBHOOKS: 'off',
  BROADSHEET_JOBS: 'off',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  PAGE_CACHE_REDIS_PREFIX: prefix,
  LIVE_MAX_READERS: String(READERS + 100),
};
Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, BROADSHEET_ENV: 'test', REDIS_URL: env.REDIS_URL, PAGE_CACHE_REDIS_PREFIX: prefix });

/** Opens one SSE reader; calls `onEvent` with each event id's publish time as it arrives. */
function openReader(port: number, articleId: string, onEvent: (publishedAt: number) => void): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: `/live/events?topics=article:${articleId}`, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`reader got ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const id = /^id: (\d+)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          if (id) onEvent(Math.floor(Number(id) / 1000));
        }
      });
      resolve(req);
    });
    req.on('error', reject);
  });
}

async function main() {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  fs.rmSync(dbFile, { force: true });
  await migrateDeploy(env.DATABASE_URL);
  const { db } = await import('../lib/db.ts');
  const { createArticle, createUser } = await import('../test/fixtures.ts');
  const { postLiveUpdate, setLiveCoverage } = await import('../lib/live-coverage/index.ts');
  const { liveUpdateFormSchema } = await import('../lib/validation/live-coverage.ts');
  const { closeRedis } = await import('../lib/redis.mjs');
  const editor = await createUser('EDITOR');
  const article = await createArticle({ authorIds: [editor.id] });
  await setLiveCoverage(article.id, 'start', editor);

  const servers = [];
  for (let i = 0; i < INSTANCES; i++) servers.push(await startServer(PORT + i, { ...env, SITE_URL: `http://127.0.0.1:${PORT + i}` }));
  const rssBefore = servers.map((s) => rssMiB(s.pid!));

  const latencies: number[] = [];
  const readers: http.ClientRequest[] = [];
  const opened = performance.now();
  for (let i = 0; i < READERS; i += 50) {
    const batch = Array.from({ length: Math.min(50, READERS - i) }, (_, j) => openReader(PORT + ((i + j) % INSTANCES), article.id, (at) => latencies.push(Date.now() - at)));
    readers.push(...(await Promise.all(batch)));
  }
  console.log(`${READERS} readers connected to ${INSTANCES} instance(s) in ${((performance.now() - opened) / 1000).toFixed(1)} s`);
  const rssConnected = servers.map((s) => rssMiB(s.pid!));

  let posted = 0;
  const doc = (text: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  for (let s = 0; s < SECONDS; s++) {
    const started = Date.now();
    await postLiveUpdate(liveUpdateFormSchema.parse({ articleId: article.id, bodyJson: doc(`Update ${s + 1}: the count goes on.`) }), editor);
    posted++;
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - started))));
  }
  await new Promise((r) => setTimeout(r, 1500));
  const rssAfter = servers.map((s) => rssMiB(s.pid!));

  const sorted = [...latencies].sort((a, b) => a - b);
  const expected = posted * READERS;
  console.log(`updates posted: ${posted}, deliveries: ${latencies.length}/${expected} (${((100 * latencies.length) / expected).toFixed(1)}%)`);
  console.log(`delivery latency: p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted.at(-1)} ms`);
  servers.forEach((_, i) =>
    console.log(
      `instance ${i}: RSS ${rssBefore[i]!.toFixed(0)} MiB idle, ${rssConnected[i]!.toFixed(0)} MiB with readers (+${(rssConnected[i]! - rssBefore[i]!).toFixed(0)}), ${rssAfter[i]!.toFixed(0)} MiB after the updates (+${(rssAfter[i]! - rssConnected[i]!).toFixed(0)})`,
    ),
  );

  for (const r of readers) r.destroy();
  await Promise.all(servers.map(stopServer));
  await db.$disconnect();
  await closeRedis();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
