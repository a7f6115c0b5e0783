// Server time of the dashboard's articles list (lib/articles/dashboard listDashboardArticles)
// at scale: p50/p95 per filter/sort/page combination and overall.
//
//   npx tsx --conditions=react-server bench/dashboard-list.ts [articles=100000] [runs=30]
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/broadsheet_bench_dash npx tsx ... (PostgreSQL; the database must exist)
//
// Seeds its own database (SQLite: bench/results/dashboard-<n>.db, reused when present) with
// a realistic mix of statuses, sections, bylines and tags; prints figures, asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/db-config.ts';
import { migrateDeploy } from '../scripts/db/engine.ts';
import { timeCases } from './server.ts';

const ARTICLES = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 30);
const dbFile = path.join(ROOT, `bench/results/dashboard-${ARTICLES}.db`);
const url = process.env.BENCH_DATABASE_URL ?? `file:${dbFile}`;
process.env.DATABASE_URL = url;
process.env.BROADSHEET_ENV ??= 'test';

const WORDS = 'council harbour budget election energy river market transport housing school climate festival match league museum orchestra court hospital bridge railway'.split(' ');
const STATUSES = [...Array(12).fill('PUBLISHED'), ...Array(4).fill('DRAFT'), 'IN_REVIEW', 'IN_REVIEW', 'SCHEDULED', 'ARCHIVED'] as const;

async function seed() {
  const { db } = await import('../lib/db.ts');
  const existing = await db.article.count();
  if (existing >= ARTICLES) return db;
  const t0 = performance.now();
  const users: { id: string }[] = [];
  for (let i = 0; i < 20; i++) {
    users.push(
      await db.user.upsert({
        where: { email: `bench${i}@broadsheet.test` },
        update: {},
        create: { email: `bench${i}@broadsheet.test`, name: `Bench Writer ${i}`, slug: `bench-writer-${i}`, role: i < 3 ? 'EDITOR' : 'AUTHOR', passwordHash: 'x' },
        select: { id: true },
      }),
    );
  }
  const sections: { id: string }[] = [];
  for (let i = 0; i < 8; i++)
    sections.push(await db.section.upsert({ where: { slug: `bench-section-${i}` }, update: {}, create: { name: `Section ${i}`, slug: `bench-section-${i}`, position: i }, select: { id: true } }));
  const tags: { id: string }[] = [];
  for (let i = 0; i < 50; i++)
    tags.push(await db.tag.upsert({ where: { slug: `bench-tag-${i}` }, update: {}, create: { name: `${WORDS[i % WORDS.length]} ${i}`, slug: `bench-tag-${i}` }, select: { id: true } }));
  const now = Date.now();
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bench body.' }] }] };
  // One transaction per 5,000 articles: SQLite commits (and fsyncs) once per batch, not per row.
  const BATCH = 5_000;
  for (let start = existing; start < ARTICLES; start += BATCH) {
    const rows: {
      id: string;
      slug: string;
      title: string;
      bodyJson: object;
      status: (typeof STATUSES)[number];
      publishedAt: Date | null;
      scheduledAt: Date | null;
      sectionId: string | null;
      createdAt: Date;
      updatedAt: Date;
    }[] = [];
    for (let i = start; i < Math.min(ARTICLES, start + BATCH); i++) {
      const status = STATUSES[i % STATUSES.length]!;
      const words = Array.from({ length: 6 }, (_, k) => WORDS[(i * 7 + k * 13 + Math.floor(i / 20)) % WORDS.length]);
      rows.push({
        id: `dash${i.toString(36).padStart(8, '0')}`,
        slug: `dash-story-${i}`,
        title: `${words.join(' ').replace(/^./, (c) => c.toUpperCase())} ${i}`,
        bodyJson: body,
        status,
        publishedAt: status === 'PUBLISHED' || status === 'ARCHIVED' ? new Date(now - i * 60_000) : null,
        scheduledAt: status === 'SCHEDULED' ? new Date(now + 86_400_000) : null,
        sectionId: i % 10 === 9 ? null : sections[i % sections.length]!.id,
        createdAt: new Date(now - i * 60_000),
        updatedAt: new Date(now - ((i * 7919) % ARTICLES) * 30_000),
      });
    }
    await db.$transaction(
      async (tx) => {
        await tx.article.createMany({ data: rows });
        await tx.articleAuthor.createMany({
          data: rows.flatMap((r, k) => {
            const first = users[((start + k) * 7 + Math.floor((start + k) / 20)) % users.length]!.id;
            const second = users[(start + k * 3 + 1) % users.length]!.id;
            return (start + k) % 10 === 0 && second !== first
              ? [
                  { articleId: r.id, userId: first, position: 0 },
                  { articleId: r.id, userId: second, position: 1 },
                ]
              : [{ articleId: r.id, userId: first, position: 0 }];
          }),
        });
        await tx.articleTag.createMany({
          data: rows.flatMap((r, k) => {
            const a = tags[(start + k) % tags.length]!.id;
            const b = tags[(start + k * 3 + 7) % tags.length]!.id;
            return a === b
              ? [{ articleId: r.id, tagId: a }]
              : [
                  { articleId: r.id, tagId: a },
                  { articleId: r.id, tagId: b },
                ];
          }),
        });
      },
      { timeout: 300_000 },
    );
    process.stdout.write(`  seeded ${Math.min(ARTICLES, start + BATCH)}/${ARTICLES}\r`);
  }
  console.log(`\nseeded ${ARTICLES - existing} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return db;
}

async function main() {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  await migrateDeploy(url);
  const db = await seed();
  // Fresh statistics, as `PRAGMA optimize` (SQLite) and autovacuum (PostgreSQL) keep them on a live database.
  // PostgreSQL: VACUUM too, so index-only scans skip the heap as they do once autovacuum has run.
  await db.$executeRawUnsafe(url.startsWith('file:') ? 'ANALYZE' : 'VACUUM ANALYZE');
  const { listDashboardArticles } = await import('../lib/articles/dashboard.ts');
  const { dashboardArticlesQuerySchema, encodeDashboardCursor } = await import('../lib/validation/articles.ts');
  const editor = await db.user.findFirstOrThrow({ where: { email: 'bench0@broadsheet.test' }, select: { id: true, name: true, email: true, role: true, slug: true } });
  const author = await db.user.findFirstOrThrow({ where: { email: 'bench7@broadsheet.test' }, select: { id: true, name: true, email: true, role: true, slug: true } });
  const section = await db.section.findFirstOrThrow({ where: { slug: 'bench-section-3' }, select: { id: true } });
  const tag = await db.tag.findFirstOrThrow({ where: { slug: 'bench-tag-11' }, select: { id: true } });
  const other = await db.user.findFirstOrThrow({ where: { email: 'bench12@broadsheet.test' }, select: { id: true } });

  // Deep pages are reached by cursor ("Next page" from the page before): the rows at the depths
  // the old page=500 / page=1000 links reached.
  const titleRow = await db.article.findFirstOrThrow({ orderBy: [{ title: 'asc' }, { id: 'asc' }], skip: 24_949, select: { id: true, title: true } });
  const pubRow = await db.article.findFirstOrThrow({ orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }], skip: 49_949, select: { id: true, publishedAt: true } });
  const titleCursor = encodeDashboardCursor({ sort: 'title', value: titleRow.title, id: titleRow.id });
  const pubCursor = encodeDashboardCursor({ sort: 'published', value: pubRow.publishedAt?.toISOString() ?? null, id: pubRow.id });

  const cases: [string, typeof editor, Record<string, string>][] = [
    ['editor: all, updated', editor, {}],
    ['editor: drafts', editor, { status: 'DRAFT' }],
    ['editor: in review', editor, { status: 'IN_REVIEW' }],
    ['editor: section, published', editor, { section: section.id, sort: 'published' }],
    ['editor: author filter', editor, { author: other.id }],
    ['editor: tag, title sort', editor, { tag: tag.id, sort: 'title' }],
    ['editor: search "harbour"', editor, { q: 'harbour' }],
    ['editor: search, no match', editor, { q: 'zebra crossing' }],
    // page= is read by offset up to page 200 (DASHBOARD_MAX_JUMP_PAGE); these two are capped there.
    ['editor: title sort, page 500', editor, { sort: 'title', page: '500' }],
    ['editor: published, page 1000', editor, { sort: 'published', page: '1000' }],
    ['editor: title, cursor p500', editor, { sort: 'title', page: '500', after: titleCursor }],
    ['editor: published, cursor p1000', editor, { sort: 'published', page: '1000', after: pubCursor }],
    ['editor: published, back p999', editor, { sort: 'published', page: '999', before: pubCursor }],
    ['editor: section+status p20', editor, { section: section.id, status: 'PUBLISHED', page: '20' }],
    ['editor: tag+status+search', editor, { tag: tag.id, status: 'PUBLISHED', q: 'council' }],
    ['author: own, updated', author, {}],
    ['author: own, search', author, { q: 'river' }],
    ['author: own drafts, title', author, { status: 'DRAFT', sort: 'title' }],
  ];
  console.log(`\n${ARTICLES} articles on ${url.startsWith('file:') ? 'SQLite' : 'PostgreSQL'}, ${RUNS} runs per case (after 2 warm-up runs); server time of listDashboardArticles (query + count)`);
  await timeCases(
    cases.map(([name, user, params]): [string, () => Promise<string>] => {
      const query = dashboardArticlesQuerySchema.parse(params);
      return [
        name,
        async () => {
          const r = await listDashboardArticles(user, query);
          return `${r.articles.length} / ${r.totalCapped ? '>' : ''}${r.total} (page ${r.page})`;
        },
      ];
    }),
    RUNS,
    { target: '(target p95 < 300 ms)' },
  );
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
