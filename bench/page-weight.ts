// What a reader's phone pays for a public page: Lighthouse 12 (mobile profile, simulated slow 4G
// and 4x CPU slowdown) on the article, home and section pages, and on the Ghost peer's article page
// when it runs, in one table.
//
//   npx tsx --conditions=react-server bench/page-weight.ts [runs=3]
//
// Each page is measured `runs` times; the run with the median performance score is shown.
// Uses its own seeded SQLite database (bench/results/page-weight.db), the benches' build dir
// (.next-bench; BENCH_REBUILD=1 rebuilds it) and Chromium from CHROME_PATH (default
// /usr/bin/chromium). The peer: GHOST_URL (default http://127.0.0.1:2368) and GHOST_POST (its
// article path); start it with its start.sh first. Prints figures, asserts nothing.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ROOT } from '../lib/db-config.ts';
import { migrateDeploy } from '../scripts/db/engine.ts';
import { bin, buildOnce, rssMiB, run, startServer, stopServer } from './server.ts';

const RUNS = Math.max(1, Number(process.argv[2] ?? 3));
const PORT = Number(process.env.BENCH_PORT ?? 3910);
const WEATHER_PORT = PORT + 1;
const GHOST_URL = process.env.GHOST_URL ?? 'http://127.0.0.1:2368';
const GHOST_POST = process.env.GHOST_POST ?? '/putin-and-trump-discuss-ukraine-agree-to-limit-some-attacks/';
const base = `http://127.0.0.1:${PORT}`;
const dbFile = path.join(ROOT, 'bench/results/page-weight.db');
const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  BROADSHEET_ENV: 'test',
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-bench',
  NEXT_TELEMETRY_DISABLED: '1',
  BROADSHEET_SCHEDULER: 'off',
  SITE_URL: base,
  WEATHER_API_URL: `http://127.0.0.1:${WEATHER_PORT}`,
};
Object.assign(process.env, env);

type Row = {
  page: string;
  perf: number;
  tbt: number;
  cls: number;
  lcp: number;
  totalKiB: number;
  jsKiB: number;
  fontKiB: number;
  cssKiB: number;
  docKiB: number;
  a11y: number;
  bp: number;
  seo: number;
};

const kib = (bytes: number) => bytes / 1024;

/** One Lighthouse mobile run of `url` in a fresh Chromium (cold cache: a first visit). */
async function measure(page: string, url: string): Promise<Row> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
    if (!result) throw new Error(`no Lighthouse result for ${url}`);
    const { audits, categories } = result.lhr;
    const requests = ((audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? []).filter(
      (r) => typeof r.transferSize === 'number',
    );
    const sum = (type?: string) => requests.filter((r) => !type || r.resourceType === type).reduce((n, r) => n + (r.transferSize ?? 0), 0);
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    return {
      page,
      perf: score('performance'),
      tbt: audits['total-blocking-time']?.numericValue ?? NaN,
      cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
      lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
      totalKiB: kib(sum()),
      jsKiB: kib(sum('Script')),
      fontKiB: kib(sum('Font')),
      cssKiB: kib(sum('Stylesheet')),
      docKiB: kib(sum('Document')),
      a11y: score('accessibility'),
      bp: score('best-practices'),
      seo: score('seo'),
    };
  } finally {
    chrome.kill();
  }
}

/** The median run by performance score (then TBT), so one noisy run does not decide the figure. */
async function medianOf(page: string, url: string): Promise<Row> {
  const rows: Row[] = [];
  for (let i = 0; i < RUNS; i++) rows.push(await measure(page, url));
  rows.sort((a, b) => a.perf - b.perf || b.tbt - a.tbt);
  return rows[Math.floor((rows.length - 1) / 2)]!;
}

function printTable(rows: Row[]) {
  const head = ['page', 'perf', 'TBT ms', 'CLS', 'LCP ms', 'KiB total', 'JS', 'fonts', 'CSS', 'HTML', 'a11y', 'BP', 'SEO'];
  const cells = rows.map((r) => [
    r.page,
    String(r.perf),
    r.tbt.toFixed(0),
    r.cls.toFixed(3),
    r.lcp.toFixed(0),
    r.totalKiB.toFixed(1),
    r.jsKiB.toFixed(1),
    r.fontKiB.toFixed(1),
    r.cssKiB.toFixed(1),
    r.docKiB.toFixed(1),
    String(r.a11y),
    String(r.bp),
    String(r.seo),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  for (const c of cells) console.log(line(c));
}

/** A stand-in for the forecast service, so the masthead shows the weather as in production. */
function startWeatherStub() {
  const stub = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ current: { temperature_2m: 14.8, weather_code: 3 } }));
  });
  stub.listen(WEATHER_PORT, '127.0.0.1');
  return stub;
}

async function ghostAnswers(): Promise<boolean> {
  try {
    return (await fetch(GHOST_URL + GHOST_POST, { signal: AbortSignal.timeout(5000) })).ok;
  } catch {
    return false;
  }
}

async function main() {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  await migrateDeploy(`file:${dbFile}`);
  run(bin('tsx'), ['--conditions=react-server', 'prisma/seed.ts'], env);
  buildOnce(env);

  // The demo story with the most approved comments: the heaviest article page a reader opens.
  const { db } = await import('../lib/db.ts');
  const [story] = await db.article.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: [{ comments: { _count: 'desc' } }, { publishedAt: 'desc' }],
    select: { slug: true, section: { select: { slug: true } } },
    take: 1,
  });
  const sectionSlug = story?.section?.slug ?? (await db.section.findFirst({ select: { slug: true } }))?.slug;
  await db.$disconnect();
  if (!story || !sectionSlug) throw new Error('the seed has no published article');

  const weather = startWeatherStub();
  const server = await startServer(PORT, env);
  try {
    const pages: [string, string][] = [
      ['article', `${base}/articles/${story.slug}`],
      ['home', `${base}/`],
      ['section', `${base}/sections/${sectionSlug}`],
    ];
    // Rendered and cached before measuring: readers get cached pages.
    for (const [, url] of pages) for (let i = 0; i < 2; i++) await (await fetch(url)).text();
    const ghost = await ghostAnswers();
    if (ghost) pages.push(['ghost article', GHOST_URL + GHOST_POST]);

    const rows: Row[] = [];
    for (const [page, url] of pages) rows.push(await medianOf(page, url));
    console.log(`\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile, median of ${RUNS} run(s) by performance score`);
    printTable(rows);
    if (!ghost) console.log(`(Ghost peer not measured: nothing answers at ${GHOST_URL + GHOST_POST}; start it with its start.sh, or set GHOST_URL / GHOST_POST)`);
    console.log(`server RSS after the runs: ${rssMiB(server.pid!).toFixed(0)} MiB`);
  } finally {
    await stopServer(server);
    weather.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
