// Prints how fast the import readers turn an export into records and how much memory they hold,
// reading alone (no database): the floor under any import's time and memory. Generates a
// synthetic WXR once (kept in the OS temp folder) and reads it in a fresh process, sampling the
// live heap after collections and the peak RSS.
//   npx tsx bench/import-read.ts [posts=100000] [commentsPerPost=5]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeSyntheticWxr } from '../test/fixtures/import/synthetic-wxr.ts';

const posts = Number(process.argv[2] ?? 100_000);
const comments = Number(process.argv[3] ?? 5);
const root = path.join(import.meta.dirname, '..');
const file = path.join(tmpdir(), `broadsheet-bench-wxr-${posts}x${comments}.xml`);

if (!existsSync(file)) {
  const started = performance.now();
  const { bytes } = await writeSyntheticWxr(file, { posts, commentsPerPost: comments });
  console.log(`generated ${file}: ${(bytes / 1048576).toFixed(0)} MiB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const out = execFileSync(process.execPath, ['--expose-gc', '--conditions=react-server', '--import', 'tsx', 'test/helpers/read-export.ts', 'wordpress', file], { cwd: root, encoding: 'utf8' });
const r = JSON.parse(out.trim().split('\n').pop()!) as {
  fileMiB: number;
  seconds: number;
  cpuSeconds: number;
  records: number;
  counts: Record<string, number>;
  baseHeapMiB: number;
  peakHeapMiB: number;
  peakRssMiB: number;
};
console.log(`file                 ${r.fileMiB} MiB, ${posts} posts, ${comments} comments each`);
console.log(`read (two passes)    ${r.seconds} s wall, ${r.cpuSeconds} s CPU (wall > CPU when other work shares the cores)`);
console.log(`posts per second     ${Math.round((r.counts.post ?? 0) / r.seconds)} wall, ${Math.round((r.counts.post ?? 0) / r.cpuSeconds)} per CPU second`);
console.log(`records per second   ${Math.round(r.records / r.seconds)} wall, ${Math.round(r.records / r.cpuSeconds)} per CPU second (${JSON.stringify(r.counts)})`);
console.log(`live heap            ${r.baseHeapMiB} MiB at start, ${r.peakHeapMiB} MiB at most (sampled after GC every 2,000 records)`);
console.log(`peak RSS             ${r.peakRssMiB} MiB`);
