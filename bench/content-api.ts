// Content API throughput and latency at N published articles: the article list and a single
// article, each as a full 200 and as a 304 (If-None-Match with the current ETag); then how long a
// publish through the admin API takes to show in the content API and on the article page.
// With the Ghost peer running (its install in $PEERS, default /tmp/peers, answering on :2368),
// the same single-post and list requests against Ghost's Content API, in alternating rounds, and
// the ratios.
//
//   npx tsx --conditions=react-server bench/content-api.ts [articles=10000] [seconds=10] [rounds=2]
//
// Uses its own SQLite database (bench/results/bench-<n>.db, shared with bench/public-pages.ts)
// and build dir (.next-bench); rate limits are off so the figures measure the API itself.
// Prints figures, asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import { benchSiteEnv, loadRow, percentile, prepareBenchSite, startServer, stopServer, type LoadRow } from './server.ts';

const ARTICLES = Number(process.argv[2] ?? 10_000);
const SECONDS = Number(process.argv[3] ?? 10);
const ROUNDS = Number(process.argv[4] ?? 2);
const PEERS = process.env.PEERS ?? '/tmp/peers';
const GHOST = 'http://127.0.0.1:2368';
const GHOST_POST = 'putin-and-trump-discuss-ukraine-agree-to-limit-some-attacks';
const PORT = Number(process.env.BENCH_PORT ?? 3960);
const CONNECTIONS = 50;
const base = `http://127.0.0.1:${PORT}`;
const env = benchSiteEnv(ARTICLES);

const load = (name: string, url: string, headers: Record<string, string> = {}) => loadRow(name, { url, headers, connections: CONNECTIONS, duration: SECONDS });

async function main() {
  const { db, user } = await prepareBenchSite(ARTICLES, env);
  // A key made the way the dashboard makes one.
  const { createApiKey } = await import('../lib/api-keys/index.ts');
  const admin = await user('bench-admin@broadsheet.test', 'ADMIN');
  const { key } = await createApiKey(`bench ${Date.now()}`, admin);
  const { key: adminKey } = await createApiKey({ label: `bench writer ${Date.now()}`, kind: 'ADMIN', actsAsId: admin.id, scopes: ['articles:write', 'articles:publish'] }, admin);
  await db.$disconnect();
  const auth = { authorization: `Bearer ${key}` };

  const server = await startServer(PORT, env);
  try {
    const urls = {
      list: `${base}/api/v1/articles?limit=20`,
      'list+include': `${base}/api/v1/articles?limit=20&include=authors,section,tags`,
      single: `${base}/api/v1/articles/bench-story-5`,
      'single+include': `${base}/api/v1/articles/bench-story-5?include=authors,section,tags`,
    };
    const etags: Record<string, string> = {};
    for (const [name, url] of Object.entries(urls)) {
      const res = await fetch(url, { headers: auth });
      if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status} ${await res.text()}`);
      etags[name] = res.headers.get('etag')!;
      const check = await fetch(url, { headers: { ...auth, 'if-none-match': etags[name]! } });
      if (check.status !== 304) throw new Error(`${name}: If-None-Match gave HTTP ${check.status}`);
    }
    console.log(`\n${ARTICLES} articles, ${CONNECTIONS} connections, ${SECONDS} s each (rate limit off)`);
    for (const [name, url] of Object.entries(urls)) {
      await load(`${name} 200`, url, auth);
      await load(`${name} 304 (If-None-Match)`, url, { ...auth, 'if-none-match': etags[name]! });
    }
    await publishToVisible(adminKey, auth);
    await besideGhost(urls.single, urls.list, auth);
  } finally {
    await stopServer(server);
  }
}

/** Polls `url` until it answers 200; the milliseconds since `t0`. */
async function visibleAfter(url: string, t0: number, headers: Record<string, string> = {}): Promise<number> {
  for (;;) {
    if ((await fetch(url, { headers })).status === 200) return performance.now() - t0;
    if (performance.now() - t0 > 30_000) return NaN;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Ten stories published through the admin API (the SDK); when each shows in the content API and on its page. */
async function publishToVisible(adminKey: string, auth: Record<string, string>) {
  const { createBroadsheetClient } = await import('../sdk/src/index.ts');
  const client = createBroadsheetClient({ baseUrl: base, apiKey: adminKey });
  const api: number[] = [];
  const page: number[] = [];
  for (let i = 0; i < 10; i++) {
    const draft = await client.articles.create({ title: `Bench publish ${Date.now()} ${i}`, html: '<p>Published by the bench.</p>' });
    // Both readers have asked before the publish, so each answer was a cached "not found".
    await fetch(`${base}/api/v1/articles/${draft.slug}`, { headers: auth });
    await fetch(`${base}/articles/${draft.slug}`);
    const t0 = performance.now();
    await client.articles.publish(draft.id);
    const [a, p] = await Promise.all([visibleAfter(`${base}/api/v1/articles/${draft.slug}`, t0, auth), visibleAfter(`${base}/articles/${draft.slug}`, t0)]);
    api.push(a);
    page.push(p);
  }
  console.log(
    `\npublish (admin API) to visible, median of 10: content API ${percentile(api, 50).toFixed(0)} ms, article page ${percentile(page, 50).toFixed(0)} ms (max ${Math.max(...api).toFixed(0)} / ${Math.max(...page).toFixed(0)} ms)`,
  );
}

/** Alternating rounds against the Ghost peer's Content API, when it runs. */
async function besideGhost(single: string, list: string, auth: Record<string, string>) {
  let ghostKey: string | undefined;
  try {
    const integration = JSON.parse(fs.readFileSync(path.join(PEERS, 'ghost-integration.json'), 'utf8'));
    ghostKey = integration.integrations[0].api_keys.find((k: { type: string }) => k.type === 'content').secret;
    if ((await fetch(`${GHOST}/ghost/api/content/posts/?limit=1&key=${ghostKey}`)).status !== 200) ghostKey = undefined;
  } catch {
    ghostKey = undefined;
  }
  if (!ghostKey) {
    console.log(`\nGhost peer not running (${PEERS}/ghost-integration.json, ${GHOST}): no side-by-side figures. See /work/shared/peers/ghost or bench/content-api.md.`);
    return;
  }
  const pairs = {
    'single post': [single, `${GHOST}/ghost/api/content/posts/slug/${GHOST_POST}/?key=${ghostKey}`],
    'list of 20': [list, `${GHOST}/ghost/api/content/posts/?limit=20&key=${ghostKey}`],
  } as const;
  const rows: Record<string, { b: LoadRow[]; g: LoadRow[] }> = {};
  console.log(`\nBeside the Ghost peer: ${ROUNDS} alternating rounds, ${CONNECTIONS} connections, ${SECONDS} s each`);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, [ours, theirs]] of Object.entries(pairs)) {
      const r = (rows[name] ??= { b: [], g: [] });
      r.b.push(await load(`Broadsheet ${name} (${round})`, ours, auth));
      r.g.push(await load(`Ghost ${name} (${round})`, theirs));
    }
  }
  const avg = (xs: LoadRow[], k: 'reqPerSec' | 'p50' | 'p99') => xs.reduce((t, x) => t + x[k], 0) / xs.length;
  console.log('\n| request | Broadsheet req/s | Ghost req/s | ratio | Broadsheet p99 ms | Ghost p99 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, { b, g }] of Object.entries(rows)) {
    console.log(
      `| ${name} | ${avg(b, 'reqPerSec').toFixed(0)} | ${avg(g, 'reqPerSec').toFixed(0)} | ${(avg(b, 'reqPerSec') / Math.max(1, avg(g, 'reqPerSec'))).toFixed(1)}× | ${avg(b, 'p99').toFixed(0)} | ${avg(g, 'p99').toFixed(0)} |`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
