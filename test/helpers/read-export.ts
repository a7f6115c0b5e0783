// Reads an export with the import readers and prints what came out, with time and memory, as
// one JSON line. Run in its own process so its heap is measured alone:
//   node --expose-gc --conditions=react-server --import tsx test/helpers/read-export.ts <wordpress|ghost> <file>
// With --expose-gc the heap is sampled after a collection every 2,000 records (live memory, not garbage).
import { stat } from 'node:fs/promises';
import { readGhost } from '@/lib/import/ghost';
import { readWordPress } from '@/lib/import/wordpress';

const [source, file] = process.argv.slice(2);
if ((source !== 'wordpress' && source !== 'ghost') || !file) {
  console.error('usage: read-export.ts <wordpress|ghost> <file>');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc;
const counts: Record<string, number> = {};
let records = 0;
let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  gc?.();
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
};
sample();
const baseHeap = peakHeap;
const started = performance.now();
const cpuStarted = process.cpuUsage();
const reader = source === 'wordpress' ? readWordPress(file) : readGhost(file);
for await (const record of reader) {
  counts[record.kind] = (counts[record.kind] ?? 0) + 1;
  if (++records % 2000 === 0) sample();
}
sample();
const mib = (n: number) => Math.round((n / 1048576) * 10) / 10;
console.log(
  JSON.stringify({
    fileMiB: mib((await stat(file)).size),
    seconds: Math.round((performance.now() - started) / 100) / 10,
    cpuSeconds: (({ user, system }) => Math.round((user + system) / 100_000) / 10)(process.cpuUsage(cpuStarted)),
    records,
    counts,
    baseHeapMiB: mib(baseHeap),
    peakHeapMiB: mib(peakHeap),
    peakRssMiB: mib(peakRss),
    gcSampled: !!gc,
  }),
);
