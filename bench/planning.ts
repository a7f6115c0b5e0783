// Server time of the story budget (lib/planning listPlans and getPlanWeek) with a busy desk's
// history: p50/p95 per view.
//
//   npx tsx --conditions=react-server bench/planning.ts [plans=20000] [runs=30]
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/broadsheet_bench_plans npx tsx ... (PostgreSQL; the database must exist)
//
// Seeds its own database (SQLite: bench/results/planning-<n>.db, reused when present): plans due
// across two years around today (a third with a published article), 20 people, 8 sections; prints
// figures, asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/db-config.ts';
import { migrateDeploy } from '../scripts/db/engine.ts';
import { timeCases } from './server.ts';

const PLANS = Number(process.argv[2] ?? 20_000);
const RUNS = Number(process.argv[3] ?? 30);
const dbFile = path.join(ROOT, `bench/results/planning-${PLANS}.db`);
const url = process.env.BENCH_DATABASE_URL ?? `file:${dbFile}`;
process.env.DATABASE_URL = url;
process.env.BROADSHEET_ENV ??= 'test';

const STATUSES = ['IDEA', 'ASSIGNED', 'WRITING', 'EDITING', 'READY'] as const;
const HOUR = 3_600_000;

async function seed() {
  const { db } = await import('../lib/db.ts');
  const existing = await db.storyPlan.count();
  if (existing >= PLANS) return db;
  const t0 = performance.now();
  const users = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      db.user.upsert({
        where: { email: `plan${i}@broadsheet.test` },
        update: {},
        create: { email: `plan${i}@broadsheet.test`, name: `Planner ${i}`, slug: `planner-${i}`, role: i < 3 ? 'EDITOR' : 'AUTHOR', passwordHash: 'x' },
        select: { id: true },
      }),
    ),
  );
  const sections = await Promise.all(
    Array.from({ length: 8 }, (_, i) => db.section.upsert({ where: { slug: `plan-section-${i}` }, update: {}, create: { name: `Desk ${i}`, slug: `plan-section-${i}` }, select: { id: true } })),
  );
  const now = Date.now();
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bench body.' }] }] };
  const BATCH = 2_000;
  for (let start = existing; start < PLANS; start += BATCH) {
    const end = Math.min(PLANS, start + BATCH);
    // Due from a year ago to a year ahead, spread evenly; past plans mostly published.
    const dueOf = (i: number) => new Date(now - 365 * 24 * HOUR + Math.floor((i / PLANS) * 730 * 24) * HOUR);
    const published = (i: number) => dueOf(i).getTime() < now && i % 3 !== 0;
    const articles: { id: string; slug: string; title: string; bodyJson: object; status: 'PUBLISHED'; publishedAt: Date; wordCount: number }[] = [];
    for (let i = start; i < end; i++)
      if (published(i))
        articles.push({ id: `plana${i.toString(36)}`, slug: `plan-story-${i}`, title: `Planned story ${i}`, bodyJson: body, status: 'PUBLISHED' as const, publishedAt: dueOf(i), wordCount: 400 });
    const plans = Array.from({ length: end - start }, (_, k) => {
      const i = start + k;
      return {
        headline: `Planned story ${i}`,
        status: STATUSES[i % STATUSES.length]!,
        targetWords: 300 + (i % 10) * 100,
        dueAt: i % 25 === 0 ? null : dueOf(i),
        assigneeId: users[(i * 7) % users.length]!.id,
        sectionId: sections[i % sections.length]!.id,
        articleId: published(i) ? `plana${i.toString(36)}` : null,
      };
    });
    await db.$transaction(
      async (tx) => {
        await tx.article.createMany({ data: articles });
        await tx.storyPlan.createMany({ data: plans });
      },
      { timeout: 300_000 },
    );
    process.stdout.write(`  seeded ${end}/${PLANS}\r`);
  }
  console.log(`\nseeded ${PLANS - existing} plans in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return db;
}

async function main() {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  await migrateDeploy(url);
  const db = await seed();
  await db.$executeRawUnsafe(url.startsWith('file:') ? 'ANALYZE' : 'VACUUM ANALYZE');
  const { getPlanWeek, listPlans } = await import('../lib/planning/index.ts');
  const { isoDateIn } = await import('../lib/site.ts');
  const who = (n: number) => db.user.findFirstOrThrow({ where: { email: `plan${n}@broadsheet.test` }, select: { id: true, name: true, email: true, role: true, slug: true } });
  const [editor, author] = await Promise.all([who(0), who(7)]);
  const section = await db.section.findFirstOrThrow({ where: { slug: 'plan-section-3' }, select: { id: true } });
  const today = isoDateIn(new Date());

  const cases: [string, () => Promise<{ length: number } | { plans: unknown[]; articles: unknown[] }>][] = [
    ['editor: list, to do', () => listPlans(editor, {})],
    ['editor: list, section', () => listPlans(editor, { section: section.id })],
    ['editor: list, assignee', () => listPlans(editor, { assignee: author.id })],
    ['editor: list, today', () => listPlans(editor, { day: today })],
    ['editor: week', () => getPlanWeek(editor, today)],
    ['author: list, own', () => listPlans(author, {})],
    ['author: week, own', () => getPlanWeek(author, today)],
  ];
  console.log(`\n${PLANS} plans on ${url.startsWith('file:') ? 'SQLite' : 'PostgreSQL'}, ${RUNS} runs per case (after 2 warm-up runs)`);
  await timeCases(
    cases.map(([name, run]): [string, () => Promise<string>] => [
      name,
      async () => {
        const r = await run();
        return 'length' in r ? String(r.length) : `${r.plans.length} plans + ${r.articles.length} articles`;
      },
    ]),
    RUNS,
    { width: 26 },
  );
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
