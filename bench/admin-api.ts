// The headless API both ways, in one run against the production server: admin writes per
// second (create a draft + publish it, through the typed SDK in sdk/, as an integration would)
// and the published list as a GraphQL query beside the same list over REST.
//
//   npx tsx --conditions=react-server bench/admin-api.ts [articles=1000] [seconds=10] [writers=4]
//
// Uses its own SQLite database (bench/results/bench-<n>.db, shared with the other HTTP benches)
// and build dir (.next-bench; BENCH_DIST_DIR=.next reuses the e2e build); rate limits are off so
// the figures measure the API itself. Prints figures, asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT } from '../lib/db-config.ts';
import { migrateDeploy } from '../scripts/db/engine.ts';
import { createBroadsheetClient } from '../sdk/src/index.ts';
import { bin, buildOnce, run, startServer, stopServer } from './server.ts';

const ARTICLES = Number(process.argv[2] ?? 1000);
const SECONDS = Number(process.argv[3] ?? 10);
const WRITERS = Number(process.argv[4] ?? 4);
const PORT = Number(process.env.BENCH_PORT ?? 3961);
const CONNECTIONS = 50;
const base = `http://127.0.0.1:${PORT}`;
const dbFile = path.join(ROOT, `bench/results/bench-${ARTICLES}.db`);
const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  BROADSHEET_ENV: 'test',
  NEXT_DIST_DIR: process.env.BENCH_DIST_DIR ?? '.next-bench',
  NEXT_TELEMETRY_DISABLED: '1',
  BROADSHEET_SCHEDULER: 'off',
  BROADSHEET_WEBHOOKS: 'off',
  API_RATE_LIMIT: 'off',
};
Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, BROADSHEET_ENV: 'test' });

const LIST_QUERY = '{ articles(first: 20) { nodes { id title url publishedAt section { name } authors { name } } pageInfo { endCursor hasNextPage } } }';

/** Writers each create and publish drafts through the SDK for `seconds`; returns the articles published. */
async function writes(adminKey: string): Promise<{ published: number; seconds: number; p50: number; p99: number }> {
  const took: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      const cms = createBroadsheetClient({ baseUrl: base, apiKey: adminKey, retries: 0 });
      for (let i = 0; performance.now() < until; i++) {
        const t = performance.now();
        const draft = await cms.articles.create({ title: `Bench write ${w}-${i}-${Date.now()}`, standfirst: 'Written by the admin API bench.', html: '<p>One paragraph of copy.</p>' });
        await cms.articles.publish(draft.id);
        took.push(performance.now() - t);
      }
    }),
  );
  took.sort((a, b) => a - b);
  const at = (q: number) => Math.round(took[Math.min(took.length - 1, Math.floor(q * took.length))] ?? 0);
  return { published: took.length, seconds: (performance.now() - started) / 1000, p50: at(0.5), p99: at(0.99) };
}

async function reads(name: string, opts: autocannon.Options) {
  const r = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts });
  const bad = r.non2xx + r.errors;
  console.log(
    `${name.padEnd(34)} ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(5)} ms${bad ? `   non-2xx/errors ${bad}` : ''}`,
  );
}

async function main() {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  await migrateDeploy(`file:${dbFile}`);
  run(bin('tsx'), ['--conditions=react-server', 'bench/seed-articles.ts', String(ARTICLES)], env);
  buildOnce(env);

  // Keys made the way the dashboard makes them: an admin key acting as an editor, and a content key.
  const { db } = await import('../lib/db.ts');
  const { createApiKey } = await import('../lib/api-keys/index.ts');
  const user = (email: string, role: 'ADMIN' | 'EDITOR') =>
    db.user.upsert({
      where: { email },
      update: {},
      create: { email, name: `Bench ${role.toLowerCase()}`, slug: email.split('@')[0]!, role, passwordHash: 'x' },
      select: { id: true, name: true, email: true, role: true, slug: true },
    });
  const admin = await user('bench-admin@broadsheet.test', 'ADMIN');
  const editor = await user('bench-editor@broadsheet.test', 'EDITOR');
  const adminKey = (await createApiKey({ label: `bench admin ${Date.now()}`, kind: 'ADMIN', actsAsId: editor.id, scopes: ['articles:write', 'articles:publish'] }, admin)).key;
  const contentKey = (await createApiKey(`bench ${Date.now()}`, admin)).key;
  await db.$disconnect();
  const auth = { authorization: `Bearer ${contentKey}` };
  const graphql = { method: 'POST' as const, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ query: LIST_QUERY }) };

  const server = await startServer(PORT, env);
  try {
    const rest = await fetch(`${base}/api/v1/articles?limit=20&include=authors,section`, { headers: auth });
    const gql = await fetch(`${base}/api/graphql`, graphql);
    if (rest.status !== 200 || gql.status !== 200) throw new Error(`warm-up: REST ${rest.status}, GraphQL ${gql.status} ${await gql.text()}`);

    console.log(`\n${ARTICLES} published articles; writes: ${WRITERS} SDK clients for ${SECONDS} s; reads: ${CONNECTIONS} connections, ${SECONDS} s each (rate limits off)`);
    const w = await writes(adminKey);
    console.log(
      `${'admin writes (create + publish, SDK)'.padEnd(34)} ${(w.published / w.seconds).toFixed(1).padStart(6)} articles/s = ${((2 * w.published) / w.seconds).toFixed(1)} writes/s   create+publish p50 ${w.p50} ms   p99 ${w.p99} ms   (${w.published} articles)`,
    );
    await reads('REST list (20, authors+section)', { url: `${base}/api/v1/articles?limit=20&include=authors,section`, headers: auth });
    await reads('GraphQL list (20, authors+section)', { url: `${base}/api/graphql`, ...graphql });
  } finally {
    await stopServer(server);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
