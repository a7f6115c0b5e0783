// The /search page over HTTP, through the production server (scripts/server.mjs) on the search
// bench's database: each query's first request (an uncached render: proxy rewrite, search,
// page render, store) one at a time, then one popular query at 50 connections, answered from the
// page cache. Called by bench/search.ts; prints figures, asserts nothing.
import autocannon from 'autocannon';
import { buildOnce, percentile, startServer, stopServer } from './server.ts';

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export async function benchSearchPages(databaseUrl: string, queries: { q: string; page?: number }[], popular: string, { seconds = 10 } = {}) {
  const port = Number(process.env.BENCH_PORT ?? 3950);
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    BROADSHEET_ENV: 'test',
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-bench',
    NEXT_TELEMETRY_DISABLED: '1',
    BROADSHEET_SCHEDULER: 'off',
    BROADSHEET_WEBHOOKS: 'off',
    BROADSHEET_JOBS: 'off',
    WEATHER_API_URL: 'http://127.0.0.1:9',
    REDIS_URL: '',
  };
  buildOnce(env);
  const server = await startServer(port, env);
  try {
    const urlOf = (q: string, page = 1) => `${base}/search?${new URLSearchParams({ q, ...(page > 1 ? { page: String(page) } : {}) })}`;
    // The layout's own queries warm up on a query nobody else asks.
    for (let i = 0; i < 3; i++) await (await fetch(urlOf(`warmup${i}`))).text();
    const seen = new Set<string>();
    const renders: number[] = [];
    let hits = 0;
    for (const { q, page } of queries) {
      const url = urlOf(q, page);
      if (seen.has(url)) continue;
      seen.add(url);
      const t = performance.now();
      const res = await fetch(url);
      await res.text();
      renders.push(performance.now() - t);
      if (res.headers.get('x-nextjs-cache') === 'HIT') hits++;
      if (res.status !== 200) console.log(`  ${res.status} for ${url}`);
    }
    renders.sort((a, b) => a - b);
    console.log(`\n  /search uncached renders over HTTP (${renders.length} distinct queries, one at a time${hits ? `, ${hits} unexpectedly cached` : ''}):`);
    console.log(`    p50 ${fmt(percentile(renders, 50))}  p95 ${fmt(percentile(renders, 95))}  p99 ${fmt(percentile(renders, 99))}  max ${fmt(renders.at(-1)!)}`);
    console.log(`    p95 target 100 ms: ${percentile(renders, 95) <= 100 ? 'met' : 'NOT met'}`);

    const url = urlOf(popular);
    await (await fetch(url)).text();
    const cached = (await fetch(url)).headers.get('x-nextjs-cache');
    const r = await autocannon({ url, connections: 50, duration: seconds, headers: { 'accept-encoding': 'br, gzip' } });
    console.log(`\n  popular query "${popular}" at 50 connections for ${seconds} s (${cached === 'HIT' ? 'from the page cache' : `NOT cached: ${cached}`}):`);
    console.log(`    ${Math.round(r.requests.average).toLocaleString('en-GB')} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}`);
    console.log(`    target 1,000 req/s: ${r.requests.average >= 1000 && !r.non2xx && !r.errors ? 'met' : 'NOT met'}`);
  } finally {
    await stopServer(server);
  }
}
