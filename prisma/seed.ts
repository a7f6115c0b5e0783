// Idempotent, non-destructive demo seed: creates what is missing and never overwrites
// or deletes existing rows. Run by `npm install` (via scripts/db.ts setup) outside production.
import { hashPassword } from '@/lib/auth/password';
import { countWords, plainTextToDoc, renderDocToHtml } from '@/lib/articles/body';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { rebuildSearchIndex } from '@/lib/search';
import { seedArticles, seedTags } from './seed-data/articles.ts';

export const DEMO_PASSWORD = 'broadsheet-demo';

const users = [
  { key: 'admin', email: 'admin@broadsheet.test', name: 'Ada Admin', slug: 'ada-admin', role: 'ADMIN', bio: 'Runs the Broadsheet newsroom systems and keeps the comments civil.' },
  { key: 'editor', email: 'editor@broadsheet.test', name: 'Edith Editor', slug: 'edith-editor', role: 'EDITOR', bio: 'News editor. Previously covered city hall for a decade.' },
  { key: 'author', email: 'author@broadsheet.test', name: 'Arthur Author', slug: 'arthur-author', role: 'AUTHOR', bio: 'Reporter covering technology, transport and the economy.' },
  { key: 'contributor', email: 'contributor@broadsheet.test', name: 'Connie Contributor', slug: 'connie-contributor', role: 'CONTRIBUTOR', bio: 'Freelance correspondent filing from the coast.' },
] as const;

const sections = [
  { slug: 'world', name: 'World', description: 'News from around the globe.' },
  { slug: 'politics', name: 'Politics', description: 'Parliaments, parties and policy.' },
  { slug: 'business', name: 'Business', description: 'Markets, companies and the economy.' },
  { slug: 'technology', name: 'Technology', description: 'Science, software and the people who make them.' },
  { slug: 'sport', name: 'Sport', description: 'Results, analysis and the stories behind the scores.' },
  { slug: 'culture', name: 'Culture', description: 'Film, music, books and the arts.' },
];

const pendingComments = [
  { id: 'seed-comment-1', authorName: 'Marguerite Hollis', authorEmail: 'marguerite@example.com', body: 'Thoughtful piece. I would like to read more about how this affects smaller towns.' },
  {
    id: 'seed-comment-2',
    authorName: 'Tobias Wren',
    authorEmail: 'tobias@example.com',
    body: 'The figures in the third paragraph do not match what the council published last week. Worth a second look?',
  },
  { id: 'seed-comment-3', authorName: 'Priya Castellan', authorEmail: 'priya@example.com', body: 'Finally someone asks the obvious question. Thank you.' },
];

async function main() {
  if (env.BROADSHEET_ENV === 'production') {
    console.log('seed: production, nothing to do');
    return;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds: Record<string, string> = {};
  for (const u of users) {
    const row = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: { email: u.email, name: u.name, slug: u.slug, role: u.role, bio: u.bio, passwordHash },
      select: { id: true },
    });
    userIds[u.key] = row.id;
  }

  const sectionIds: Record<string, string> = {};
  for (const [position, s] of sections.entries()) {
    const row = await db.section.upsert({ where: { slug: s.slug }, update: {}, create: { ...s, position }, select: { id: true } });
    sectionIds[s.slug] = row.id;
  }

  // The header menu links the six sections (the navigation before menus existed), with empty
  // labels so they show the sections' names and follow renames; the footer,
  // search and the feed. Created only while missing: an edited menu is never touched.
  const menus = {
    header: sections.map((s) => ({ label: '', kind: 'section', sectionId: sectionIds[s.slug] })),
    footer: [
      { label: 'Search', kind: 'url', url: '/search' },
      { label: 'RSS feed', kind: 'url', url: '/rss.xml' },
    ],
  };
  for (const [location, items] of Object.entries(menus)) {
    if (await db.menu.findUnique({ where: { location }, select: { id: true } })) continue;
    const name = location === 'header' ? 'Header' : 'Footer';
    await db.menu.create({ data: { location, name, items: { create: items.map((item, position) => ({ ...item, position })) } } });
  }

  const tagIds: Record<string, string> = {};
  for (const t of seedTags) {
    const row = await db.tag.upsert({ where: { slug: t.slug }, update: {}, create: t, select: { id: true } });
    tagIds[t.slug] = row.id;
  }

  let created = 0;
  const now = Date.now();
  for (const a of seedArticles) {
    if (await db.article.findUnique({ where: { slug: a.slug }, select: { id: true } })) continue;
    const doc = plainTextToDoc(a.paragraphs.join('\n\n'));
    const publishedAt = new Date(now - a.hoursAgo * 3600_000);
    const authorId = userIds[a.author]!;
    await db.article.create({
      data: {
        slug: a.slug,
        title: a.title,
        standfirst: a.standfirst,
        bodyJson: doc,
        bodyHtml: renderDocToHtml(doc),
        wordCount: countWords(doc),
        status: 'PUBLISHED',
        publishedAt,
        createdAt: publishedAt,
        sectionId: sectionIds[a.section],
        authors: { create: [{ userId: authorId, position: 0 }] },
        tags: { create: a.tags.map((t) => ({ tagId: tagIds[t]! })) },
        revisions: {
          create: [{ version: 1, title: a.title, standfirst: a.standfirst, bodyJson: doc, status: 'PUBLISHED', authorId, createdAt: publishedAt }],
        },
      },
    });
    created++;
  }

  await db.adSlot.upsert({
    where: { id: 'demo-in-article' },
    update: {},
    create: {
      id: 'demo-in-article',
      name: 'In-article house ad',
      placement: 'AFTER_PARAGRAPH',
      paragraph: 2,
      html: '<p><strong>Broadsheet Membership</strong> — support independent journalism from 3 a month.</p>',
      linkUrl: '/',
      width: 300,
      height: 250,
      active: true,
    },
  });

  const newest = await db.article.findMany({ where: { status: 'PUBLISHED' }, orderBy: { publishedAt: 'desc' }, take: pendingComments.length, select: { id: true } });
  for (const [i, c] of pendingComments.entries()) {
    const article = newest[i % newest.length];
    if (!article) break;
    await db.comment.upsert({ where: { id: c.id }, update: {}, create: { ...c, articleId: article.id, status: 'PENDING' } });
  }

  // The search index is derived data: rebuilding it is idempotent and never loses anything.
  const indexed = await rebuildSearchIndex();
  console.log(
    `seed: ${users.length} users, ${sections.length} sections, ${seedTags.length} tags, ${created} new articles (of ${seedArticles.length}), header and footer menus, demo ad slot and comments ensured, ${indexed} articles in the search index`,
  );
}

main()
  .then(() => db.$disconnect())
  .catch(async (e) => {
    console.error('seed failed:', e);
    await db.$disconnect();
    process.exit(1);
  });
