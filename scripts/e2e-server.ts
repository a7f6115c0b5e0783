// The server Playwright tests run against: a fresh, seeded SQLite database of its own
// (data/e2e.db, recreated each run), a fresh production build, then `next start`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './db/paths.ts';

const dbFile = path.join(ROOT, 'data/e2e.db');
for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(dbFile + suffix, { force: true });

const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  BROADSHEET_ENV: 'test',
  NEXT_TELEMETRY_DISABLED: '1',
};
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(bin('tsx'), ['scripts/db.ts', 'migrate']);
run(bin('tsx'), ['scripts/db.ts', 'seed']);
if (process.env.E2E_SKIP_BUILD !== '1') run(bin('next'), ['build']);
const child = spawn(bin('next'), ['start', '-p', process.env.E2E_PORT ?? '3100'], { cwd: ROOT, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
