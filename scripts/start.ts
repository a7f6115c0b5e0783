// `npm start`: serves Broadsheet. Without BROADSHEET_ENV it runs as the demo (embedded
// SQLite, generated secrets, demo content); set BROADSHEET_ENV=production for a real site.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/db-config.ts';
import { serverProcessEnv } from './server-process.ts';

process.env.BROADSHEET_ENV ??= 'demo';
process.env.NEXT_TELEMETRY_DISABLED = '1';
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.env.BROADSHEET_ENV !== 'production') run(bin('tsx'), ['scripts/db.ts', 'migrate']);
if (!fs.existsSync(path.join(ROOT, '.next/BUILD_ID'))) {
  console.log('No production build yet: building once (about a minute)…');
  run(bin('next'), ['build']);
}
const port = process.env.PORT || '3000';
// Next.js behind the page cache's fast path (scripts/server.mjs).
const child = spawn(process.execPath, ['scripts/server.mjs', '-p', port], { cwd: ROOT, stdio: 'inherit', env: serverProcessEnv(process.env) });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
