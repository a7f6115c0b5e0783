// What the benches share: running commands, preparing a bench site (database, articles, build,
// bench user), starting and stopping the production server (scripts/server.mjs) on it, load rows
// from autocannon, percentiles, and reading the server's memory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT } from '../lib/db-config.ts';
import { migrateDeploy } from '../scripts/db/engine.ts';
import { serverProcessEnv } from '../scripts/server-process.ts';

export const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

/** Runs a command in the project root, throwing if it fails. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

/** Builds into env.NEXT_DIST_DIR once (again with BENCH_REBUILD=1). */
export function buildOnce(env: NodeJS.ProcessEnv) {
  const dist = env.NEXT_DIST_DIR ?? '.next';
  if (!fs.existsSync(path.join(ROOT, dist, 'BUILD_ID')) || process.env.BENCH_REBUILD === '1') run(bin('next'), ['build'], env);
}

/** The p-th percentile (nearest rank) of `values`, in any order; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/**
 * Times each case `runs` times after two warm-up runs and prints p50/p95 per case and overall;
 * a case resolves to a note on what it returned (rows, totals). Returns every time taken.
 */
export async function timeCases(cases: [string, () => Promise<string>][], runs: number, { width = 32, target = '' } = {}): Promise<number[]> {
  const all: number[] = [];
  console.log(`${'case'.padEnd(width)} ${'p50'.padStart(8)} ${'p95'.padStart(8)}   rows`);
  const line = (name: string, times: number[], note: string) =>
    console.log(`${name.padEnd(width)} ${percentile(times, 50).toFixed(1).padStart(6)}ms ${percentile(times, 95).toFixed(1).padStart(6)}ms   ${note}`);
  for (const [name, run] of cases) {
    for (let i = 0; i < 2; i++) await run();
    const times: number[] = [];
    let note = '';
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      note = await run();
      times.push(performance.now() - t0);
    }
    all.push(...times);
    line(name, times, note);
  }
  line('OVERALL', all, target);
  return all;
}

/** The environment of a bench site on its own SQLite database (bench/results/bench-<articles>.db), rate limits off. */
export function benchSiteEnv(articles: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: `file:${path.join(ROOT, `bench/results/bench-${articles}.db`)}`,
    BROADSHEET_ENV: 'test',
    NEXT_DIST_DIR: '.next-bench',
    NEXT_TELEMETRY_DISABLED: '1',
    BROADSHEET_SCHEDULER: 'off',
    BROADSHEET_WEBHOOKS: 'off',
    API_RATE_LIMIT: 'off',
    ...extra,
  };
}

/**
 * Migrates the bench site's database, seeds `articles` published articles (and their search
 * index with `searchIndex`), builds once, and points this process at the database; `user()`
 * upserts a bench user (the caller disconnects `db` when done).
 */
export async function prepareBenchSite(articles: number, env: NodeJS.ProcessEnv, { searchIndex = false } = {}) {
  const url = env.DATABASE_URL!;
  if (url.startsWith('file:')) fs.mkdirSync(path.dirname(url.slice('file:'.length)), { recursive: true });
  await migrateDeploy(url);
  run(bin('tsx'), ['--conditions=react-server', 'bench/seed-articles.ts', String(articles)], env);
  Object.assign(process.env, { DATABASE_URL: url, BROADSHEET_ENV: 'test' });
  const { db } = await import('../lib/db.ts');
  if (searchIndex) {
    const { rebuildSearchIndex, searchIndexCounts } = await import('../lib/search/index.ts');
    const counts = await searchIndexCounts();
    if (counts.indexed !== counts.published) await rebuildSearchIndex({ batchSize: 1000 });
  }
  buildOnce(env);
  const user = (email: string, role: 'ADMIN' | 'EDITOR' | 'AUTHOR' = 'ADMIN') =>
    db.user.upsert({
      where: { email },
      update: {},
      create: { email, name: `Bench ${role.toLowerCase()}`, slug: email.split('@')[0]!, role, passwordHash: 'x' },
      select: { id: true, name: true, email: true, role: true, slug: true },
    });
  return { db, user };
}

export type LoadRow = { name: string; reqPerSec: number; p50: number; p99: number; bytes: number; statuses: string; errors: number };

/** One autocannon run, printed as one row (req/s, p50, p99, bytes per answer, statuses) and returned. */
export async function loadRow(name: string, opts: autocannon.Options, { width = 28 } = {}): Promise<LoadRow> {
  const r = await autocannon({ connections: 50, duration: 10, ...opts });
  const statuses = Object.entries({ '2xx': r['2xx'], '3xx': r['3xx'], '4xx': r['4xx'], '5xx': r['5xx'] })
    .filter(([, n]) => n)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const reqPerSec = Math.round(r.requests.average);
  const row = { name, reqPerSec, p50: r.latency.p50, p99: r.latency.p99, bytes: Math.round(r.throughput.average / Math.max(1, r.requests.average)), statuses, errors: r.errors };
  console.log(
    `${name.padEnd(width)} ${String(reqPerSec).padStart(7)} req/s   p50 ${String(row.p50).padStart(5)} ms   p99 ${String(row.p99).padStart(5)} ms   ${String(row.bytes).padStart(6)} B/resp   ${statuses}${r.errors ? `   errors ${r.errors}` : ''}`,
  );
  return row;
}

/**
 * Starts the production server on `port` and waits until it answers. BENCH_SERVER names another
 * server script to measure instead (a copy of an earlier scripts/server.mjs, for before/after figures).
 */
export async function startServer(port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  // A bench is one address sending thousands of uncached requests: the per-address rule and the
  // lag rule (lib/admission.mjs) are off unless the bench measures them (its throughput, not shedding).
  const serverEnv = serverProcessEnv({ ADMISSION_PER_CLIENT: 'off', ADMISSION_PER_CLIENT_CREDENTIALED: 'off', ADMISSION_LAG_MS: 'off', ...env });
  const child = spawn(process.execPath, [process.env.BENCH_SERVER ?? 'scripts/server.mjs', '-p', String(port)], { cwd: ROOT, env: serverEnv, stdio: 'ignore' });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/login`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('server did not start');
}

export const stopServer = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** Resident memory (MiB) of a process and its descendants. */
export function rssMiB(pid: number): number {
  const parent = new Map<number, number>();
  for (const p of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      parent.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // process ended
    }
  }
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [p, pp] of parent)
      if (tree.has(pp) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
  }
  let kb = 0;
  for (const p of tree) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // process ended
    }
  }
  return kb / 1024;
}
