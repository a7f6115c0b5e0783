// Full-text search latency (lib/search) at scale: seeds N published articles with natural
// (Zipf-distributed) vocabulary into a bench database, builds the index in bulk, then times
// ~200 representative queries through searchArticles() (ranked page of 10 + total count +
// cards), as the /search page calls it. Then, over HTTP through the production server
// (bench/search-http.ts): the /search page's uncached render per query, and one popular query
// at 50 connections from the page cache (BENCH_HTTP=0 skips this; NEXT_DIST_DIR picks the build,
// default .next-bench, built once).
//
//   npx tsx --conditions=react-server bench/search.ts [articles=100000] [passes=3]
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/broadsheet_bench_search npx tsx ... (PostgreSQL; the database must exist)
//
// SQLite uses bench/results/search-<n>.db (kept between runs: seeding is skipped when full;
// BENCH_REINDEX=1 rebuilds the index, e.g. after a change to how it is built).
// Prints figures; asserts nothing. Targets at 100,000 articles: searchArticles p95 < 50 ms (the
// PostgreSQL target; SQLite is printed against it too), an uncached /search render p95 <= 100 ms
// on both databases, a popular query >= 1,000 req/s at 50 connections.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/db-config.ts';
import { migrateDeploy } from '../scripts/db/engine.ts';
import { seedArticles } from '../prisma/seed-data/articles.ts';
import { percentile } from './server.ts';

const ARTICLES = Number(process.argv[2] ?? 100_000);
const PASSES = Number(process.argv[3] ?? 3);
const dbFile = path.join(ROOT, `bench/results/search-${ARTICLES}.db`);
const url = process.env.BENCH_DATABASE_URL ?? `file:${dbFile}`;
fs.mkdirSync(path.dirname(dbFile), { recursive: true });
process.env.DATABASE_URL = url;
process.env.BROADSHEET_ENV = 'test';

/** Real English words from the demo articles, most frequent first. */
function vocabulary(): string[] {
  const counts = new Map<string, number>();
  for (const a of seedArticles) {
    for (const w of [a.title, a.standfirst, ...a.paragraphs]
      .join(' ')
      .toLowerCase()
      .match(/[a-z]{2,}/g) ?? [])
      counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main() {
  const started = performance.now();
  await migrateDeploy(url);
  const { seedBenchArticles, zipfText } = await import('./seed-articles.ts');
  const { db } = await import('@/lib/db');
  const { rebuildSearchIndex, searchArticles, searchIndexCounts } = await import('@/lib/search');
  const words = vocabulary();
  console.log(`search bench: ${ARTICLES.toLocaleString('en-GB')} articles on ${url.startsWith('file:') ? 'SQLite' : 'PostgreSQL'}, vocabulary of ${words.length} words`);

  const seedStart = performance.now();
  const total = await seedBenchArticles(ARTICLES, { text: zipfText(words) });
  console.log(`  articles: ${total.toLocaleString('en-GB')} (${((performance.now() - seedStart) / 1000).toFixed(1)} s)`);

  const counts = await searchIndexCounts();
  if (counts.indexed !== counts.published || process.env.BENCH_REINDEX === '1') {
    const t = performance.now();
    // Small batches, tried again when one fails: on a loaded machine lib/db-pool may take a long
    // statement for a stalled server and close its connection.
    let n = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        n = await rebuildSearchIndex({ batchSize: 250, onProgress: (d) => process.stdout.write(`  indexing ${d}\r`) });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        console.log(`\n  indexing failed (${(e as Error).message.trim().split('\n').at(-1)}); starting again`);
      }
    }
    console.log(`  index rebuilt: ${n.toLocaleString('en-GB')} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } else console.log(`  index: ${counts.indexed.toLocaleString('en-GB')} entries, up to date`);
  // PostgreSQL: statistics and visibility maps as autovacuum keeps them on a live database (without
  // them every index-only scan reads the table too, and the planner guesses how common a word is).
  if (!url.startsWith('file:')) await db.$executeRawUnsafe('VACUUM ANALYZE').catch((e: Error) => console.log(`  VACUUM ANALYZE failed: ${e.message.trim().split('\n').at(-1)}`));

  // ~200 queries a reader might type, from very common words to ones that match nothing.
  const titled = await db.article.findMany({ where: { status: 'PUBLISHED' }, orderBy: { id: 'asc' }, take: 20, skip: 1000, select: { title: true } });
  const at = (r: number) => words[Math.min(words.length - 1, r)]!;
  const queries: { kind: string; q: string }[] = [
    ...Array.from({ length: 40 }, (_, i) => ({ kind: 'common word', q: at(i) })),
    ...Array.from({ length: 50 }, (_, i) => ({ kind: 'rarer word', q: at(150 + i * 25) })),
    ...Array.from({ length: 40 }, (_, i) => ({ kind: 'two words', q: `${at(20 + i * 7)} ${at(60 + i * 31)}` })),
    ...titled.map((t) => ({ kind: 'headline phrase', q: `"${t.title.split(' ').slice(1, 3).join(' ')}"` })),
    ...Array.from({ length: 10 }, (_, i) => ({ kind: 'OR', q: `${at(100 + i * 40)} OR ${at(300 + i * 50)}` })),
    ...Array.from({ length: 10 }, (_, i) => ({ kind: 'exclusion', q: `${at(30 + i)} -${at(5 + i)}` })),
    ...Array.from({ length: 15 }, (_, i) => ({ kind: 'page 5', q: at(10 + i * 3), page: 5 })),
    ...Array.from({ length: 15 }, (_, i) => ({ kind: 'no match', q: `zzq${i}nomatch` })),
  ];

  for (const { q } of queries.slice(0, 20)) await searchArticles({ q }); // warm the page cache
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  let hits = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    for (const query of queries) {
      const t = performance.now();
      const r = await searchArticles({ q: query.q, page: (query as { page?: number }).page ?? 1, perPage: 10 });
      const ms = performance.now() - t;
      if (pass === 0) hits += r.total;
      all.push(ms);
      (byKind.get(query.kind) ?? byKind.set(query.kind, []).get(query.kind)!).push(ms);
    }
  }
  all.sort((a, b) => a - b);
  console.log(`\n  ${queries.length} queries × ${PASSES} passes (${all.length} searches, ${Math.round(hits / queries.length).toLocaleString('en-GB')} matches a query on average)`);
  console.log(`  searchArticles latency: p50 ${fmt(percentile(all, 50))}  p95 ${fmt(percentile(all, 95))}  p99 ${fmt(percentile(all, 99))}  max ${fmt(all.at(-1)!)}`);
  for (const [kind, times] of byKind) {
    times.sort((a, b) => a - b);
    console.log(`    ${kind.padEnd(16)} p50 ${fmt(percentile(times, 50)).padStart(9)}  p95 ${fmt(percentile(times, 95)).padStart(9)}`);
  }
  console.log(`  p95 target 50 ms: ${percentile(all, 95) < 50 ? 'met' : 'NOT met'} (total ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  await db.$disconnect();
  if (process.env.BENCH_HTTP !== '0') {
    const { benchSearchPages } = await import('./search-http.ts');
    await benchSearchPages(url, queries, at(3));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
