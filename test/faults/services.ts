// Throwaway PostgreSQL and Redis servers that the fault suite and bench/faults.ts may stop, kill,
// freeze and restart at will (the machine's own servers on 5432/6379 are never touched), and the
// production server (scripts/server.mjs) as one or more instances against them.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../lib/db-config.ts';

export const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

/** A free TCP port, from the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `probe` returns true (checked every `everyMs`), or rejects after `timeoutMs`. */
export async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 30_000, everyMs = 50): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await Promise.resolve(probe()).catch(() => false)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** The folder with PostgreSQL's server binaries (Debian's layout, else PATH), or null when absent. */
export function postgresBinaries(): string | null {
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => fs.existsSync(path.join(debian, v, 'bin/initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return which.status === 0 ? path.dirname(which.stdout.trim()) : null;
}

export function redisBinary(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

/** initdb and postgres refuse to run as root: as root (CI), run them as the `postgres` user. */
function asPostgres(file: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

export class ThrowawayPostgres {
  readonly dir: string;
  private constructor(
    readonly binDir: string,
    readonly port: number,
  ) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-faults-pg-'));
  }

  static async create(binDir: string): Promise<ThrowawayPostgres> {
    const pg = new ThrowawayPostgres(binDir, await freePort());
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', pg.dir]);
    pg.run('initdb', ['-D', pg.data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    // Small and quick: no fsync (the machine does not crash, only PostgreSQL: what it wrote is in the
    // kernel's hands). Commits stay synchronous: a crash must not lose what was acknowledged.
    fs.appendFileSync(path.join(pg.data, 'postgresql.conf'), '\nfsync = off\nfull_page_writes = off\nmax_connections = 100\nshared_buffers = 32MB\n');
    pg.start();
    return pg;
  }

  get data() {
    return path.join(this.dir, 'data');
  }

  /** A URL for database `name` on this server. */
  url(name = 'postgres') {
    return `postgresql://postgres@127.0.0.1:${this.port}/${name}`;
  }

  private run(tool: string, args: string[]) {
    const [file, argv] = asPostgres(path.join(this.binDir, tool), args);
    const r = spawnSync(file, argv, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  }

  /** Starts the server and waits until it accepts connections. */
  start() {
    this.run('pg_ctl', ['-D', this.data, '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1`, '-l', path.join(this.dir, 'log'), '-w', '-t', '60', 'start']);
  }

  /** `immediate` is a crash (no shutdown checkpoint; in-flight work is cut), `fast` an orderly stop. */
  stop(mode: 'immediate' | 'fast' = 'immediate') {
    this.run('pg_ctl', ['-D', this.data, '-m', mode, '-w', 'stop']);
  }

  /** The postmaster and its children (each is signalled: they do not share our process group). */
  private pids(): number[] {
    const main = Number(fs.readFileSync(path.join(this.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = spawnSync('pgrep', ['-P', String(main)], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map(Number);
    return [main, ...children];
  }

  /** Freezes every server process: connections stay open but nothing answers (a hung host). */
  freeze() {
    for (const pid of this.pids()) process.kill(pid, 'SIGSTOP');
  }

  thaw() {
    for (const pid of this.pids()) process.kill(pid, 'SIGCONT');
  }

  destroy() {
    try {
      this.thaw();
    } catch {
      // not running
    }
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export class ThrowawayRedis {
  private child: ChildProcess | null = null;
  private constructor(
    readonly binary: string,
    readonly port: number,
  ) {}

  static async create(binary: string): Promise<ThrowawayRedis> {
    const redis = new ThrowawayRedis(binary, await freePort());
    await redis.start();
    return redis;
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid() {
    return this.child?.pid;
  }

  async start() {
    this.child = spawn(this.binary, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await until('redis to accept connections', () => canConnect(this.port), 10_000);
  }

  /** Kills the server (SIGKILL: a crash, the data goes with it). */
  async kill() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  freeze() {
    this.child?.kill('SIGSTOP');
  }

  thaw() {
    this.child?.kill('SIGCONT');
  }

  async destroy() {
    this.thaw();
    await this.kill();
  }
}

export function canConnect(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 500 }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.on('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}

/** Runs a command in the project root; throws with its output when it fails. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export type Instance = { name: string; port: number; origin: string; child: ChildProcess; log: string[]; exited: Promise<number | null> };

/** Starts scripts/server.mjs on a free port and resolves once /healthz answers. */
export async function startInstance(name: string, env: NodeJS.ProcessEnv, { echo = false } = {}): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  const collect = (d: Buffer) => {
    for (const line of d.toString().split('\n').filter(Boolean)) {
      log.push(line);
      if (echo) process.stderr.write(`[${name}] ${line}\n`);
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const origin = `http://127.0.0.1:${port}`;
  let gone = false;
  void exited.then(() => (gone = true));
  await until(
    `${name} to answer /healthz`,
    async () => {
      if (gone) throw new Error(`${name} exited while starting:\n${log.join('\n')}`);
      return (await fetch(`${origin}/healthz`)).ok;
    },
    120_000,
    100,
  ).catch((e) => {
    child.kill('SIGKILL');
    throw e;
  });
  return { name, port, origin, child, log, exited };
}

/** A unique suffix for database names, key prefixes and test data. */
export const unique = () => crypto.randomBytes(4).toString('hex');
