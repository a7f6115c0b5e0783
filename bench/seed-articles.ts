// Bulk-creates N published articles (plus sections, tags and authors) in a scratch
// database for the benches. Run with tsx --conditions=react-server, DATABASE_URL set.
import { hashPassword } from '@/lib/auth/password';
import { countWords, plainTextToDoc, renderDocToHtml } from '@/lib/articles/body';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

const WORDS = 'council harbour budget election energy river market transport housing school climate festival match league museum orchestra court hospital bridge railway'.split(' ');

function sentence(i: number, n: number): string {
  const words = Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]!);
  return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
}

/** A deterministic PRNG (mulberry32), so a bench database is the same on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Sentences drawn from `words` (most frequent first) with Zipf's law, as natural text is:
 * a few words are everywhere, most are rare. For benches of search, where a 20-word
 * vocabulary would make every query match every article.
 */
export function zipfText(words: string[]) {
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= words.length; r++) cumulative.push((sum += 1 / r));
  const pick = (rnd: () => number) => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  return (i: number, n: number) => {
    const rnd = random(i * 2654435761);
    return (
      Array.from({ length: n }, () => pick(rnd))
        .join(' ')
        .replace(/^./, (c) => c.toUpperCase()) + '.'
    );
  };
}

export async function seedBenchArticles(count: number, { text = sentence }: { text?: (i: number, n: number) => string } = {}) {
  const existing = await db.article.count();
  if (existing >= count) return existing;
  const passwordHash = await hashPassword('bench-password');
  const author = await db.user.upsert({
    where: { email: 'bench@broadsheet.test' },
    update: {},
    create: { email: 'bench@broadsheet.test', name: 'Bench Writer', slug: 'bench-writer', role: 'AUTHOR', passwordHash },
    select: { id: true },
  });
  const sections: { id: string }[] = [];
  for (const [i, name] of ['World', 'Politics', 'Business', 'Technology', 'Sport', 'Culture'].entries()) {
    sections.push(await db.section.upsert({ where: { slug: name.toLowerCase() }, update: {}, create: { name, slug: name.toLowerCase(), position: i }, select: { id: true } }));
  }
  const tags: { id: string }[] = [];
  for (const w of WORDS) tags.push(await db.tag.upsert({ where: { slug: w }, update: {}, create: { slug: w, name: w }, select: { id: true } }));

  const now = Date.now();
  const postgres = env.DATABASE_PROVIDER === 'postgresql';
  // PostgreSQL takes a batch as one INSERT … SELECT FROM unnest(arrays), a parameter per column
  // (100,000 articles in a few minutes); SQLite as multi-row inserts in one transaction.
  // A batch that fails (lib/db-pool closes connections whose statements stall on a loaded
  // machine) is tried again: each batch is one transaction.
  const BATCH = postgres ? 2000 : 1000;
  for (let start = existing; start < count; start += BATCH) {
    const rows = Array.from({ length: Math.min(count, start + BATCH) - start }, (_, k) => {
      const i = start + k;
      const doc = plainTextToDoc(Array.from({ length: 6 }, (_, p) => Array.from({ length: 4 }, (_, s) => text(i * 31 + p * 4 + s, 12)).join(' ')).join('\n\n'));
      return {
        id: `bench${i.toString(36).padStart(8, '0')}`,
        slug: `bench-story-${i}`,
        title: `${text(i * 31 + 29, 6).slice(0, -1)} ${i}`,
        standfirst: text(i * 31 + 30, 18),
        bodyJson: doc,
        bodyHtml: renderDocToHtml(doc),
        wordCount: countWords(doc),
        status: 'PUBLISHED' as const,
        publishedAt: new Date(now - i * 60_000),
        sectionId: sections[i % sections.length]!.id,
      };
    });
    const articleTags = rows.flatMap((r, k) =>
      [tags[(start + k) % tags.length]!, tags[(start + k * 3 + 1) % tags.length]!].filter((t, j, a) => a.findIndex((x) => x.id === t.id) === j).map((t) => ({ articleId: r.id, tagId: t.id })),
    );
    const insert = async () => {
      if (postgres) {
        await db.$transaction(
          async (tx) => {
            await tx.$executeRawUnsafe(
              `INSERT INTO "Article" (id, slug, title, standfirst, "bodyJson", "bodyHtml", "wordCount", status, "publishedAt", "sectionId", "updatedAt")
             SELECT id, slug, title, standfirst, body::jsonb, html, words, 'PUBLISHED', published, section, now()
               FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::timestamp[], $9::text[])
                    AS t(id, slug, title, standfirst, body, html, words, published, section)`,
              rows.map((r) => r.id),
              rows.map((r) => r.slug),
              rows.map((r) => r.title),
              rows.map((r) => r.standfirst),
              rows.map((r) => JSON.stringify(r.bodyJson)),
              rows.map((r) => r.bodyHtml),
              rows.map((r) => r.wordCount),
              rows.map((r) => r.publishedAt.toISOString()),
              rows.map((r) => r.sectionId),
            );
            await tx.$executeRawUnsafe(
              `INSERT INTO "ArticleAuthor" ("articleId", "userId", position) SELECT id, $2, 0 FROM unnest($1::text[]) AS t(id)`,
              rows.map((r) => r.id),
              author.id,
            );
            await tx.$executeRawUnsafe(
              `INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT * FROM unnest($1::text[], $2::text[])`,
              articleTags.map((t) => t.articleId),
              articleTags.map((t) => t.tagId),
            );
          },
          { timeout: 300_000 },
        );
      } else {
        await db.$transaction(
          async (tx) => {
            await tx.article.createMany({ data: rows });
            await tx.articleAuthor.createMany({ data: rows.map((r) => ({ articleId: r.id, userId: author.id, position: 0 })) });
            await tx.articleTag.createMany({ data: articleTags });
          },
          { timeout: 300_000 },
        );
      }
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await insert();
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        console.log(`\n  batch at ${start} failed (${(e as Error).message.split('\n')[0]}); trying again`);
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
    process.stdout.write(`  seeded ${Math.min(count, start + BATCH)}/${count}\r`);
  }
  process.stdout.write('\n');
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 10_000);
  seedBenchArticles(n)
    .then((c) => console.log(`bench database holds ${c} articles`))
    .finally(() => db.$disconnect());
}
