// Bulk-creates N published articles (plus sections, tags and authors) in a scratch
// database for the benches. Run with tsx --conditions=react-server, DATABASE_URL set.
import { hashPassword } from '@/lib/auth/password';
import { countWords, plainTextToDoc, renderDocToHtml } from '@/lib/articles/body';
import { db } from '@/lib/db';

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
  const BATCH = 500;
  for (let start = existing; start < count; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const doc = plainTextToDoc(Array.from({ length: 6 }, (_, p) => Array.from({ length: 4 }, (_, s) => text(i * 31 + p * 4 + s, 12)).join(' ')).join('\n\n'));
      rows.push({
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
      });
    }
    await db.article.createMany({ data: rows });
    await db.articleAuthor.createMany({ data: rows.map((r) => ({ articleId: r.id, userId: author.id, position: 0 })) });
    await db.articleTag.createMany({
      data: rows.flatMap((r, k) =>
        [tags[(start + k) % tags.length]!, tags[(start + k * 3 + 1) % tags.length]!].filter((t, j, a) => a.findIndex((x) => x.id === t.id) === j).map((t) => ({ articleId: r.id, tagId: t.id })),
      ),
    });
    if ((start / BATCH) % 20 === 0) process.stdout.write(`  seeded ${Math.min(count, start + BATCH)}/${count}\r`);
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
