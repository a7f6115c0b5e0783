// What the content API answers for every published article (with its comments), sections, tags
// and authors, with database ids and media file names replaced by placeholders, so the answers of
// two databases holding the same site can be compared. Run as a script it prints the JSON
// (tsx --conditions=react-server test/helpers/api-snapshot.ts), for a database in another process.
import { pathToFileURL } from 'node:url';
import { getPublishedArticle, listApiAuthors, listApiSections, listApiTags, listPublishedArticleComments, listPublishedArticles } from '@/lib/api/content';
import { listArticlesQuerySchema } from '@/lib/validation/api';
import { db } from '@/lib/db';

const ID_KEYS = new Set(['id', 'mediaId', 'parentId', 'nextCursor']);

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ID_KEYS.has(k) && typeof v === 'string' ? 'ID' : normalise(v)]));
  // Media ids appear inside file URLs and the HTML (srcset, data attributes).
  return typeof value === 'string' ? value.replace(/\b[a-f0-9]{20}\b/g, 'MEDIA').replace(/\bc[a-z0-9]{24}\b/g, 'ID') : value;
}

/** The answers about these articles (all published ones when none are named: a database of its own). */
export async function apiSnapshot(slugs?: string[]) {
  const list = await listPublishedArticles(listArticlesQuerySchema.parse({ limit: '100' }));
  const listed = list.data.filter((a) => !slugs || slugs.includes((a as { slug: string }).slug));
  const articles: unknown[] = [];
  for (const a of listed) {
    const slug = (a as { slug: string }).slug;
    articles.push({ listed: a, article: await getPublishedArticle(slug, {}), comments: await listPublishedArticleComments(slug) });
  }
  const mine = <T>(rows: T[]) => (slugs ? rows.filter((r) => JSON.stringify(articles).includes(`"${(r as { slug: string }).slug}"`)) : rows);
  return normalise({ articles, sections: mine((await listApiSections()).data), tags: mine((await listApiTags()).data), authors: mine((await listApiAuthors()).data) });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  apiSnapshot(process.argv.slice(2).length ? process.argv.slice(2) : undefined)
    .then(async (s) => {
      process.stdout.write(JSON.stringify(s));
      await db.$disconnect();
    })
    .catch(async (e) => {
      console.error(e);
      await db.$disconnect();
      process.exit(1);
    });
}
