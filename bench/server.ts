// What the HTTP benches share: running commands, starting and stopping the production server
// (scripts/server.mjs) on a bench database, and reading its memory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/db-config.ts';
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
