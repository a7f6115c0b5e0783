// npm run test:int [-- vitest args]: runs the `int` vitest project once per database
// provider, both at once (each line of output is prefixed with its provider), each against a
// fresh, migrated database that is dropped afterwards (also on failure or Ctrl-C).
// INT_SHARDS=N (default 2) splits each provider's files into N runs side by side, each with a
// database of its own: the files of one run go one at a time (they share its database), and most
// of their time is waiting on it, so two runs per provider finish in about half the time.
//   SQLite      a temporary file
//   PostgreSQL  broadsheet_int_<random> on TEST_DATABASE_URL's server, else on
//               postgresql://postgres@127.0.0.1:5432/postgres when reachable (skipped if not)
// Only local servers are used unless ALLOW_REMOTE_TEST_DATABASE=1.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDeploy } from './db/engine.ts';
import { pgConfig, ROOT, type Provider } from '../lib/db-config.ts';
import { assertLocalDatabase } from '../test/assert-local-database.ts';

const DEFAULT_PG_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
const vitestArgs = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-int-'));

type Result = { provider: Provider; ok: boolean; line: string };
type Shard = { index: number; count: number };

const SHARDS = (() => {
  const raw = process.env.INT_SHARDS?.trim() || '2';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 16) throw new Error(`INT_SHARDS: cannot read "${raw}" (expected a whole number from 1 to 16)`);
  return n;
})();
const shards: Shard[] = Array.from({ length: SHARDS }, (_, i) => ({ index: i + 1, count: SHARDS }));
const shardName = (provider: Provider, shard: Shard) => `${provider === 'sqlite' ? 'sqlite' : 'pg'}${shard.count > 1 ? ` ${shard.index}/${shard.count}` : ''}`;

const children = new Set<ChildProcess>();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Let the current runs stop, then clean up their databases below before exiting.
    interrupted = true;
    for (const child of children) child.kill(signal);
  });
}

/** Copies a child's output to ours line by line, each line prefixed (two runs share the terminal). */
function prefixLines(stream: NodeJS.ReadableStream, prefix: string) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    if (lines.length) process.stdout.write(lines.map((l) => `${prefix}${l}\n`).join(''));
  });
  stream.on('end', () => {
    if (rest) process.stdout.write(`${prefix}${rest}\n`);
  });
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Runs vitest's `int` project against `url`; resolves with pass/fail and a count of tests. */
function runVitest(provider: Provider, url: string, shard: Shard): Promise<{ ok: boolean; passed: number; failed: number; total: number; files: number; note?: string }> {
  const report = path.join(tmp, `${provider}-${shard.index}.json`);
  const args = [
    'run',
    '--project',
    'int-isolated',
    '--project',
    'int',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...(shard.count > 1 ? [`--shard=${shard.index}/${shard.count}`, '--passWithNoTests'] : []),
    ...vitestArgs,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/vitest'), args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: url,
        BROADSHEET_ENV: 'test',
        // A throwaway secret, so lib/env does not create data/dev-secrets.json in the checkout.
        NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
        // Tests submit many comments from one address; the limits have their own tests.
        COMMENT_RATE_LIMITS: 'off',
        // Runs side by side: each keeps its files apart.
        MEDIA_DIR: path.join(tmp, `${provider}-${shard.index}-media`),
        // Webhook tests deliver to receivers on 127.0.0.1; lib/webhooks/destination.int.test.ts turns the guard back on.
        WEBHOOK_ALLOW_PRIVATE: '1',
      },
    });
    children.add(child);
    const prefix = `[${shardName(provider, shard)}] `;
    prefixLines(child.stdout!, prefix);
    prefixLines(child.stderr!, prefix);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      const result = { ok: code === 0, passed: 0, failed: 0, total: 0, files: 0, note: signal ? `killed by ${signal}` : code ? `vitest exited with ${code}` : undefined };
      try {
        const r = JSON.parse(fs.readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number; testResults: unknown[] };
        Object.assign(result, { passed: r.numPassedTests, failed: r.numFailedTests, total: r.numTotalTests, files: r.testResults.length });
      } catch {
        // no report (vitest crashed before writing it): keep the exit status
      }
      resolve(result);
    });
  });
}

type ShardRun = Awaited<ReturnType<typeof runVitest>>;

async function migrateAndRun(provider: Provider, url: string, shard: Shard): Promise<ShardRun> {
  const applied = await migrateDeploy(url);
  console.log(`\n${shardName(provider, shard)}: migrated (${applied.length} migrations applied), running integration tests`);
  if (interrupted) return { ok: false, passed: 0, failed: 0, total: 0, files: 0, note: 'interrupted' };
  return runVitest(provider, url, shard);
}

/** One provider's result from its shards' runs. */
function summarise(provider: Provider, runs: ShardRun[], started: number): Result {
  const sum = (k: 'passed' | 'failed' | 'total' | 'files') => runs.reduce((n, r) => n + r[k], 0);
  const ok = runs.every((r) => r.ok);
  const notes = runs.map((r) => r.note).filter(Boolean);
  const counts = `${sum('passed')}/${sum('total')} tests passed in ${sum('files')} files` + (sum('failed') ? `, ${sum('failed')} failed` : '') + (notes.length ? ` (${notes.join('; ')})` : '');
  return { provider, ok, line: `${ok ? 'passed' : 'FAILED'}: ${counts}${runs.length > 1 ? ` in ${runs.length} runs` : ''} (${seconds(started)})` };
}

async function runSqlite(): Promise<Result> {
  const started = performance.now();
  const runs = await Promise.all(
    shards.map(async (shard) => {
      const dir = fs.mkdtempSync(path.join(tmp, 'sqlite-'));
      try {
        return await migrateAndRun('sqlite', `file:${path.join(dir, 'broadsheet-int.db')}`, shard);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }),
  );
  return summarise('sqlite', runs, started);
}

async function runPostgres(): Promise<Result> {
  const started = performance.now();
  const explicit = process.env.TEST_DATABASE_URL?.trim();
  const serverUrl = explicit || DEFAULT_PG_URL;
  assertLocalDatabase(serverUrl);

  const admin = new pg.Client({ ...pgConfig(serverUrl), connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    const where = new URL(serverUrl).host;
    if (explicit) return { provider: 'postgresql', ok: false, line: `FAILED: TEST_DATABASE_URL (${where}) is not reachable: ${(e as Error).message}` };
    console.log(`\nPostgreSQL not reachable at ${where} (${(e as Error).message}): skipping the PostgreSQL run. Set TEST_DATABASE_URL to run it.`);
    return { provider: 'postgresql', ok: true, line: `skipped: not reachable at ${where}` };
  }
  const names = shards.map(() => `broadsheet_int_${crypto.randomBytes(6).toString('hex')}`);
  try {
    const runs = await Promise.all(
      shards.map(async (shard, i) => {
        const url = new URL(serverUrl);
        url.pathname = `/${names[i]}`;
        await admin.query(`CREATE DATABASE "${names[i]}"`);
        return migrateAndRun('postgresql', url.toString(), shard);
      }),
    );
    return summarise('postgresql', runs, started);
  } finally {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  const started = performance.now();
  const results: Result[] = await Promise.all(
    (
      [
        ['sqlite', runSqlite],
        ['postgresql', runPostgres],
      ] as const
    ).map(([provider, run]) => run().catch((e: unknown): Result => ({ provider, ok: false, line: `FAILED: ${(e as Error).message}` }))),
  );
  console.log(`\nIntegration tests (${seconds(started)}):`);
  for (const r of results) console.log(`  ${r.provider.padEnd(10)} ${r.line}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  if (interrupted) process.exit(130);
  process.exit(results.length && results.every((r) => r.ok) ? 0 : 1);
}

void main();
