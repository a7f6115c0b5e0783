// Imports a synthetic WordPress export (test/fixtures/import/synthetic-wxr.ts: posts with
// comments, classic and block bodies, categories, tags, authors) into a fresh SQLite database,
// then exports the same site; prints posts per second, the export's time and the peak RSS of
// each step (each runs in a process of its own). Images are not fetched (none are reachable).
//   npx tsx bench/import.ts [posts=100000] [commentsPerPost=5] [--pg]   (--pg: a fresh PostgreSQL database instead)
//   BENCH_IMPORT_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the import's process (BENCH_EXPORT_FLAGS the export's);
//   BENCH_STDERR=1 passes on what it wrote to stderr (e.g. a statement counter loaded with --import).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pgConfig } from '../lib/db-config.ts';
import { migrateDeploy } from '../scripts/db/engine.ts';
import { writeSyntheticWxr } from '../test/fixtures/import/synthetic-wxr.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const posts = Number(args[0] ?? 100_000);
const comments = Number(args[1] ?? 5);
const root = path.join(import.meta.dirname, '..');
const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
const IMPORT_HEAP = /--max-old-space-size=\d+/.exec(scripts.import)?.[0] ?? '--max-old-space-size=192';
const EXPORT_HEAP = /--max-old-space-size=\d+/.exec(scripts.export)?.[0];
const file = path.join(tmpdir(), `broadsheet-bench-wxr-${posts}x${comments}.xml`);
if (!existsSync(file)) await writeSyntheticWxr(file, { posts, commentsPerPost: comments });

const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-import-'));
let url = `file:${path.join(dir, 'bench.db')}`;
let drop = async () => {};
if (process.argv.includes('--pg')) {
  const name = `broadsheet_import_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(pgConfig('postgresql://postgres@127.0.0.1:5432/postgres'));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  url = `postgresql://postgres@127.0.0.1:5432/${name}`;
  drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
}

/** Runs a CLI in a process of its own: its wall time, its peak RSS (what the OS saw) and its output. */
function timed(script: string, scriptArgs: string[], nodeFlags: string[] = []): { seconds: number; cpuSeconds: number; peakRssMiB: number; out: string } {
  const started = performance.now();
  const hook = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('PEAK_RSS_KB=' + u.maxRSS + ' CPU_US=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });`;
  const r = spawnSync(process.execPath, [...nodeFlags, '--conditions=react-server', '--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(hook)}`, script, ...scriptArgs], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: url, BROADSHEET_ENV: 'test', MEDIA_DIR: path.join(dir, 'media') },
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  if (process.env.BENCH_STDERR) process.stderr.write(r.stderr);
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: Number(/CPU_US=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1e6,
    peakRssMiB: Math.round(Number(/PEAK_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024),
    out: r.stdout,
  };
}

try {
  await migrateDeploy(url);
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db.ts', 'admin', '--email', 'bench@broadsheet.test', '--name', 'Bench Admin'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, BROADSHEET_ENV: 'test' },
  });
  // The synthetic images are on no server: an empty uploads folder reports them missing at once.
  const uploads = path.join(dir, 'uploads');
  mkdirSync(uploads);
  // As `npm run import` runs it: with a capped heap (the import's live data stays near 60 MiB; without a
  // cap V8 keeps growing its heap instead of collecting, and the process's RSS with it).
  // BENCH_IMPORT_FLAGS: more node flags for the import's process (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
  const imported = timed('scripts/import.ts', ['wordpress', file, '--media-dir', uploads], [IMPORT_HEAP, ...(process.env.BENCH_IMPORT_FLAGS?.split(' ').filter(Boolean) ?? [])]);
  const count = Number(/post: ([\d,]+) imported/.exec(imported.out)?.[1]?.replaceAll(',', '') ?? 0);
  const exportFile = path.join(dir, 'export.json');
  // BENCH_EXPORT_FLAGS: the same for the export's process.
  const exported = timed('scripts/export.ts', [exportFile], [...(EXPORT_HEAP ? [EXPORT_HEAP] : []), ...(process.env.BENCH_EXPORT_FLAGS?.split(' ').filter(Boolean) ?? [])]);
  console.log(`database             ${url.startsWith('file:') ? 'SQLite' : 'PostgreSQL'}`);
  console.log(`file                 ${(statSync(file).size / 1048576).toFixed(0)} MiB, ${posts} posts, ${comments} comments each`);
  console.log(`import               ${imported.seconds.toFixed(1)} s, ${count} posts: ${Math.round(count / imported.seconds)} posts/s (wall, with start-up and the final search-index refresh)`);
  console.log(
    `import CPU           ${imported.cpuSeconds.toFixed(1)} s (user + system): ${((imported.cpuSeconds * 1000) / Math.max(count, 1)).toFixed(1)} ms per post, the figure a busy machine distorts least`,
  );
  console.log(`import peak RSS      ${imported.peakRssMiB} MiB`);
  console.log(
    `export               ${exported.seconds.toFixed(1)} s (CPU ${exported.cpuSeconds.toFixed(1)} s), ${(statSync(exportFile).size / 1048576).toFixed(0)} MiB; peak RSS ${exported.peakRssMiB} MiB`,
  );
} finally {
  await drop();
  rmSync(dir, { recursive: true, force: true });
}
