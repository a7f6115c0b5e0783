// The headless API both ways, in one run against the production server: admin writes per
// second (create a draft + publish it, through the typed SDK in sdk/, as an integration would)
// and the published list as a GraphQL query beside the same list over REST.
//
//   npx tsx --conditions=react-server bench/admin-api.ts [articles=1000] [seconds=10] [writers=4]
//
// Uses its own SQLite database (bench/results/bench-<n>.db, shared with the other HTTP benches)
// and build dir (.next-bench; BENCH_DIST_DIR=.next reuses the e2e build); rate limits are off so
// the figures measure the API itself. Prints figures, asserts nothing.
import { createBroadsheetClient } from '../sdk/src/index.ts';
import { benchSiteEnv, loadRow, percentile, prepareBenchSite, startServer, stopServer } from './server.ts';

const ARTICLES = Number(process.argv[2] ?? 1000);
const SECONDS = Number(process.argv[3] ?? 10);
const WRITERS = Number(process.argv[4] ?? 4);
const PORT = Number(process.env.BENCH_PORT ?? 3961);
const CONNECTIONS = 50;
const base = `http://127.0.0.1:${PORT}`;
const env = benchSiteEnv(ARTICLES, { NEXT_DIST_DIR: process.env.BENCH_DIST_DIR ?? '.next-bench' });

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
  return { published: took.length, seconds: (performance.now() - started) / 1000, p50: Math.round(percentile(took, 50)), p99: Math.round(percentile(took, 99)) };
}

const reads = (name: string, opts: Parameters<typeof loadRow>[1]) => loadRow(name, { connections: CONNECTIONS, duration: SECONDS, ...opts }, { width: 34 });

async function main() {
  const { db, user } = await prepareBenchSite(ARTICLES, env);
  // Keys made the way the dashboard makes them: an admin key acting as an editor, and a content key.
  const { createApiKey } = await import('../lib/api-keys/index.ts');
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
