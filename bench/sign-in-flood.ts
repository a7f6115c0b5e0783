// Readers' article-page latency while 50 connections flood sign-in, against the same page idle.
//
//   npx tsx --conditions=react-server bench/sign-in-flood.ts [seconds=10]
//
// Two floods: wrong passwords for random accounts from random addresses (TRUST_PROXY=1 and a
// random X-Forwarded-For per request, as a botnet would: every attempt passes the throttle and
// reaches password hashing, which is what the bounded hashing queue is for), and the same from
// one address (the throttle answers 429 before any hashing); then a flood of a trivial uncached
// route, from one address (the per-address rule answers 429 before Next) and from random ones
// (only the admission lanes stand in the way). Own SQLite database
// (bench/results/sign-in-flood.db), the production server on BENCH_PORT (default 7150), the build
// in NEXT_DIST_DIR (default .next; built once if missing). Prints figures, asserts nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { seedArticles } from '../prisma/seed-data/articles.ts';
import { migrateDeploy } from '../scripts/db/engine.ts';
import { ROOT } from '../lib/db-config.ts';
import { bin, buildOnce, run, startServer, stopServer } from './server.ts';

const SECONDS = Number(process.argv[2] ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 7150);
const base = `http://127.0.0.1:${PORT}`;
const dbFile = path.join(ROOT, 'bench/results/sign-in-flood.db');
const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  BROADSHEET_ENV: 'test',
  NEXT_TELEMETRY_DISABLED: '1',
  BROADSHEET_SCHEDULER: 'off',
  BROADSHEET_WEBHOOKS: 'off',
  REDIS_URL: '',
  TRUST_PROXY: '1',
  SIGN_IN_LIMITS: 'account:5/900,ip:20/900',
  WEATHER_API_URL: 'http://127.0.0.1:9',
  // The defaults a site runs with (bench/server.ts turns the per-address rule off for other benches).
  ADMISSION_PER_CLIENT: process.env.ADMISSION_PER_CLIENT ?? '1200/60',
  ADMISSION_LAG_MS: process.env.ADMISSION_LAG_MS ?? '100',
};

type Row = { name: string; p50: number; p99: number; reqPerSec: number; statuses: Record<string, number> };

function row(name: string, r: autocannon.Result, statuses: Record<string, number> = {}): Row {
  return { name, p50: r.latency.p50, p99: r.latency.p99, reqPerSec: Math.round(r.requests.average), statuses };
}

const readers = (url: string) => autocannon({ url, connections: 10, duration: SECONDS });

type Flood = 'random' | 'one' | 'control' | 'control-random';

function flood(kind: Flood) {
  const oneAddress = kind === 'one' || kind === 'control';
  const control = kind === 'control' || kind === 'control-random';
  const statuses: Record<string, number> = {};
  const fixedIp = '203.0.113.9';
  let finish!: (r: autocannon.Result) => void;
  let fail!: (e: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const instance = autocannon(
    {
      url: control ? `${base}/api/comments?articleId=bench` : `${base}/api/auth/sign-in`,
      connections: 50,
      duration: SECONDS + 2,
      requests: [
        {
          method: control ? 'GET' : 'POST',
          setupRequest: (req) => {
            const ip = oneAddress ? fixedIp : `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
            const headers = { ...req.headers, 'x-forwarded-for': ip };
            if (control) return { ...req, headers };
            return {
              ...req,
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify({ email: `nobody-${crypto.randomBytes(6).toString('hex')}@example.com`, password: 'Winter2026!' }),
            };
          },
        },
      ],
    },
    (err, result) => (err ? fail(err) : finish(result)),
  );
  instance.on('response', (_client: unknown, statusCode: number) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  return { done, statuses };
}

async function main() {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  await migrateDeploy(`file:${dbFile}`);
  run(bin('tsx'), ['scripts/db.ts', 'seed'], env);
  buildOnce(env);
  const server = await startServer(PORT, env);
  try {
    const article = `${base}/articles/${seedArticles[0]!.slug}`;
    await readers(article); // warm: render once, fill the page cache
    const rows: Row[] = [row('idle', await readers(article))];
    const labels: Record<Flood, string> = {
      random: 'sign-in flood, random addresses',
      one: 'sign-in flood, one address',
      control: 'flood of a trivial route (GET /api/comments), one address',
      'control-random': 'flood of a trivial route, random addresses',
    };
    for (const kind of ['random', 'one', 'control', 'control-random'] as const) {
      const f = flood(kind);
      await new Promise((r) => setTimeout(r, 1000));
      const reading = await readers(article);
      const floodResult = await f.done;
      rows.push(row(labels[kind], reading));
      rows.push(row("  (the flood's own requests)", floodResult, f.statuses));
    }
    const idle = rows[0]!.p99;
    const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`\nArticle page (10 reader connections, ${SECONDS} s each) alone and while 50 connections flood; load average ${load}\n`);
    console.log('| load | req/s | p50 ms | p99 ms | p99 / idle p99 | answers |');
    console.log('| --- | ---: | ---: | ---: | ---: | --- |');
    for (const r of rows) {
      const signIn = r.name.includes('own requests');
      const answers = Object.entries(r.statuses)
        .map(([s, n]) => `${n} × ${s}`)
        .join(', ');
      console.log(`| ${r.name} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${signIn || r.name === 'idle' ? '' : (r.p99 / Math.max(1, idle)).toFixed(2)} | ${signIn ? answers : ''} |`);
    }
  } finally {
    await stopServer(server);
  }
}

await main();
