// Content API throughput and latency at N published articles: the article list and a single
// article, each as a full 200 and as a 304 (If-None-Match with the current ETag).
//
//   npx tsx --conditions=react-server bench/content-api.ts [articles=10000] [seconds=10]
//
// Uses its own SQLite database (bench/results/bench-<n>.db, shared with bench/public-pages.ts)
// and build dir (.next-bench); rate limits are off so the figures measure the API itself.
// Prints figures, asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT } from '../lib/db-config.ts';
import { migrateDeploy } from '../scripts/db/engine.ts';
import { bin, buildOnce, run, startServer, stopServer } from './server.ts';

const ARTICLES = Number(process.argv[2] ?? 10_000);
const SECONDS = Number(process.argv[3] ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3960);
const CONNECTIONS = 50;
const base = `http://127.0.0.1:${PORT}`;
const dbFile = path.join(ROOT, `bench/results/bench-${ARTICLES}.db`);
const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  BROADSHEET_ENV: 'test',
  NEXT_DIST_DIR: '.next-bench',
  NEXT_TELEMETRY_DISABLED: '1',
  BROADSHEET_SCHEDULER: 'off',
  BROADSHEET_WEBHOOKS: 'off',
  API_RATE_LIMIT: 'off',
};
Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, BROADSHEET_ENV: 'test' });

type Row = { name: string; reqPerSec: number; p50: number; p99: number; statuses: string; bytes: number };

async function load(name: string, url: string, headers: Record<string, string>): Promise<Row> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const statuses = Object.entries({ '2xx': r['2xx'], '3xx': r['3xx'], '4xx': r['4xx'], '5xx': r['5xx'] })
    .filter(([, n]) => n)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const row = { name, reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, statuses, bytes: Math.round(r.throughput.average / Math.max(1, r.requests.average)) };
  console.log(
    `${name.padEnd(28)} ${String(row.reqPerSec).padStart(6)} req/s   p50 ${String(row.p50).padStart(4)} ms   p99 ${String(row.p99).padStart(5)} ms   ${String(row.bytes).padStart(6)} B/resp   ${statuses}${r.errors ? `  errors ${r.errors}` : ''}`,
  );
  return row;
}

async function main() {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  await migrateDeploy(`file:${dbFile}`);
  run(bin('tsx'), ['--conditions=react-server', 'bench/seed-articles.ts', String(ARTICLES)], env);
  buildOnce(env);

  // A key made the way the dashboard makes one.
  const { db } = await import('../lib/db.ts');
  const { createApiKey } = await import('../lib/api-keys/index.ts');
  const admin = await db.user.upsert({
    where: { email: 'bench-admin@broadsheet.test' },
    update: {},
    create: { email: 'bench-admin@broadsheet.test', name: 'Bench Admin', slug: 'bench-admin', role: 'ADMIN', passwordHash: 'x' },
    select: { id: true, name: true, email: true, role: true, slug: true },
  });
  const { key } = await createApiKey(`bench ${Date.now()}`, admin);
  await db.$disconnect();
  const auth = { authorization: `Bearer ${key}` };

  const server = await startServer(PORT, env);
  try {
    const urls = {
      list: `${base}/api/v1/articles?limit=20`,
      'list+include': `${base}/api/v1/articles?limit=20&include=authors,section,tags`,
      single: `${base}/api/v1/articles/bench-story-5`,
      'single+include': `${base}/api/v1/articles/bench-story-5?include=authors,section,tags`,
    };
    const etags: Record<string, string> = {};
    for (const [name, url] of Object.entries(urls)) {
      const res = await fetch(url, { headers: auth });
      if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status} ${await res.text()}`);
      etags[name] = res.headers.get('etag')!;
      const check = await fetch(url, { headers: { ...auth, 'if-none-match': etags[name]! } });
      if (check.status !== 304) throw new Error(`${name}: If-None-Match gave HTTP ${check.status}`);
    }
    console.log(`\n${ARTICLES} articles, ${CONNECTIONS} connections, ${SECONDS} s each (rate limit off)`);
    for (const [name, url] of Object.entries(urls)) {
      await load(`${name} 200`, url, auth);
      await load(`${name} 304 (If-None-Match)`, url, { ...auth, 'if-none-match': etags[name]! });
    }
  } finally {
    await stopServer(server);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
