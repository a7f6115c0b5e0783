// Public page throughput and latency, against a static file of the same size served by the
// same server (the ceiling), plus publish-to-live latency and server memory.
//
//   npx tsx --conditions=react-server bench/public-pages.ts [articles=10000] [seconds=10]
//
// Uses its own SQLite database (bench/results/bench-<n>.db) and build dir (.next-bench);
// prints figures, asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/db-config.ts';
import { benchSiteEnv, loadRow, percentile, prepareBenchSite, rssMiB, startServer, stopServer } from './server.ts';

const ARTICLES = Number(process.argv[2] ?? 10_000);
const SECONDS = Number(process.argv[3] ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const CONNECTIONS = 50;
const base = `http://127.0.0.1:${PORT}`;
// The shared (Redis) page cache, as several instances would run it; this script publishes like
// another instance would: it writes the database and announces the change through Redis.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const env = benchSiteEnv(ARTICLES, {
  REDIS_URL,
  PAGE_CACHE_REDIS_PREFIX: `broadsheet-bench:${process.pid}:`,
  WEATHER_API_URL: 'http://127.0.0.1:9',
});
Object.assign(process.env, env);
const STATIC_FILE = path.join(ROOT, 'public/bench-static.html');

/** The server's highest resident memory (MiB) in the current phase, sampled every 100 ms; `phase()` reads and resets it. */
function watchRss(pid: number) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 100);
  return {
    phase: () => {
      const highest = peak;
      peak = rssMiB(pid);
      return highest;
    },
    stop: () => clearInterval(timer),
  };
}

const CRAWL_PAGES = 500;
const CRAWL_CONCURRENCY = 10;
/** Readers spread over many stories: distinct article pages, each rendered once and cached. */
async function crawl(count: number) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CRAWL_CONCURRENCY }, async () => {
      while (next < count) await (await fetch(`${base}/articles/bench-story-${(next++ * 19) % ARTICLES}`)).text();
    }),
  );
  console.log(`crawl      ${count} distinct article pages, ${CRAWL_CONCURRENCY} at a time: ${((count * 1000) / (performance.now() - t0)).toFixed(0)} pages/s`);
}

const load = (name: string, url: string) => loadRow(name, { url, connections: CONNECTIONS, duration: SECONDS }, { width: 10 });

async function main() {
  // The bench articles are bulk-inserted; their search index is built once.
  const { db } = await prepareBenchSite(ARTICLES, env, { searchIndex: true });

  // The ceiling: a static file as large as the article page, from the same server.
  let server = await startServer(PORT, env);
  const articlePath = '/articles/bench-story-5';
  const size = (await (await fetch(base + articlePath)).text()).length;
  await stopServer(server);
  fs.mkdirSync(path.dirname(STATIC_FILE), { recursive: true });
  fs.writeFileSync(STATIC_FILE, `<!doctype html><title>static</title><pre>${'x'.repeat(Math.max(0, size - 40))}</pre>`);

  try {
    server = await startServer(PORT, env);
    // Search: a term in one headline (its number, as a name would be) and a word in nearly every story.
    const searchRare = '/search?q=5123';
    const searchCommon = '/search?q=harbour';
    for (const p of ['/', articlePath, '/sections/world', '/bench-static.html', searchRare, searchCommon]) await fetch(base + p); // warm up
    console.log(`\n${ARTICLES} articles, ${CONNECTIONS} connections, ${SECONDS} s each, article page ${(size / 1024).toFixed(1)} KiB`);
    const idleRss = rssMiB(server.pid!);
    const rss = watchRss(server.pid!);
    const rows = [];
    rows.push(await load('static', `${base}/bench-static.html`));
    rows.push(await load('article', base + articlePath));
    rows.push(await load('home', `${base}/`));
    rows.push(await load('section', `${base}/sections/world`));
    const pagesPeak = rss.phase();
    await crawl(Math.min(CRAWL_PAGES, ARTICLES));
    const crawlPeak = rss.phase();
    const search = [await load('search', base + searchRare), await load('search*', base + searchCommon)];
    const ceiling = rows[0]!;
    for (const r of [...rows.slice(1), ...search]) {
      console.log(`${r.name.padEnd(10)} ${((100 * r.reqPerSec) / ceiling.reqPerSec).toFixed(1)}% of the static ceiling's req/s; p99 ${(r.p99 / Math.max(1, ceiling.p99)).toFixed(2)}x the ceiling's`);
    }
    // Requests the load generator gave up on may still be running: their memory counts too.
    await new Promise((r) => setTimeout(r, 10_000));
    const searchPeak = rss.phase();
    rss.stop();
    console.log(
      `server RSS (MiB): idle ${idleRss.toFixed(0)}; peak under cached-page load ${pagesPeak.toFixed(0)}, crawl ${crawlPeak.toFixed(0)}, search ${searchPeak.toFixed(0)}; 10 s after load ${rssMiB(server.pid!).toFixed(0)}`,
    );

    // Publish-to-live: publish a story (database write + the same invalidation the dashboard
    // sends), then poll the cached home page until it lists the story.
    const { invalidateArticle } = await import('../lib/cache/index.ts');
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const slug = `bench-live-${Date.now()}-${i}`;
      const title = `Live story ${slug}`;
      const a = await db.article.create({ data: { slug, title, bodyJson: { type: 'doc', content: [] }, status: 'DRAFT' }, select: { id: true } });
      await fetch(`${base}/`); // the home page is cached before the publish
      const t0 = performance.now();
      await db.article.update({ where: { id: a.id }, data: { status: 'PUBLISHED', publishedAt: new Date() } });
      await invalidateArticle(a.id);
      let polls = 0;
      let lastCache: string | null = null;
      for (;;) {
        const res = await fetch(`${base}/`);
        polls++;
        lastCache = res.headers.get('x-nextjs-cache');
        if ((await res.text()).includes(title)) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      samples.push(performance.now() - t0);
      if (samples.at(-1)! > 1000) console.log(`  publish ${i}: ${samples.at(-1)!.toFixed(0)} ms, ${polls} polls, last answer x-nextjs-cache ${lastCache}`);
    }
    console.log(
      `publish-to-live (home page lists the new story): median ${percentile(samples, 50).toFixed(0)} ms, p90 ${percentile(samples, 90).toFixed(0)} ms, max ${Math.max(...samples).toFixed(0)} ms (20 publishes)`,
    );
    await db.$disconnect();
  } finally {
    await stopServer(server);
    fs.rmSync(STATIC_FILE, { force: true });
  }
}

main().then(
  // The page cache's Redis connections (lib/cache) would keep the process alive.
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
