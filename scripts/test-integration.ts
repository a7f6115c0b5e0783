// npm run test:int [-- vitest args]: runs the `int` vitest project once per database
// provider, both at once (each line of output is prefixed with its provider), each against a
// fresh, migrated database that is dropped afterwards (also on failure or Ctrl-C).
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
function runVitest(provider: Provider, url: string): Promise<{ ok: boolean; counts: string }> {
  const report = path.join(tmp, `${provider}.json`);
  const args = ['run', '--project', 'int-isolated', '--project', 'int', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs];
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
        MEDIA_DIR: path.join(tmp, `${provider}-media`),
        // Webhook tests deliver to receivers on 127.0.0.1; lib/webhooks/destination.int.test.ts turns the guard back on.
        WEBHOOK_ALLOW_PRIVATE: '1',
      },
    });
    children.add(child);
    const prefix = `[${provider === 'sqlite' ? 'sqlite' : 'pg'}] `;
    prefixLines(child.stdout!, prefix);
    prefixLines(child.stderr!, prefix);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      let counts = signal ? `killed by ${signal}` : `vitest exited with ${code}`;
      try {
        const r = JSON.parse(fs.readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number; testResults: unknown[] };
        counts = `${r.numPassedTests}/${r.numTotalTests} tests passed in ${r.testResults.length} files` + (r.numFailedTests ? `, ${r.numFailedTests} failed` : '');
      } catch {
        // no report (vitest crashed before writing it): keep the exit status
      }
      resolve({ ok: code === 0, counts });
    });
  });
}

async function migrateAndRun(provider: Provider, url: string, started: number): Promise<Result> {
  const applied = await migrateDeploy(url);
  console.log(`\n${provider}: migrated (${applied.join(', ') || 'nothing to apply'}), running integration tests`);
  if (interrupted) return { provider, ok: false, line: 'interrupted' };
  const { ok, counts } = await runVitest(provider, url);
  return { provider, ok, line: `${ok ? 'passed' : 'FAILED'}: ${counts} (${seconds(started)})` };
}

async function runSqlite(): Promise<Result> {
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(tmp, 'sqlite-'));
  try {
    return await migrateAndRun('sqlite', `file:${path.join(dir, 'broadsheet-int.db')}`, started);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
  const name = `broadsheet_int_${crypto.randomBytes(6).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    return await migrateAndRun('postgresql', url.toString(), started);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
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
