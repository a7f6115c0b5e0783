import { beforeAll, describe, expect, it } from 'vitest';
import { getPublishedArticle, listApiAuthors, listApiSections, listApiTags, listPublishedArticleComments, listPublishedArticles } from '@/lib/api/content';
import { reindexArticle } from '@/lib/search';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { articleQuerySchema, LIST_ORDERS, listArticlesQuerySchema, pageQuerySchema } from '@/lib/validation/api';
import { createArticle, createSection, createTag, createUser, unique } from '@/test/fixtures';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR);
/** The query as the route handler receives it, from raw search parameters. */
const query = (params: Record<string, string>) => listArticlesQuerySchema.parse(params);

/** Every id across all pages, following meta.next. */
async function allPages(params: Record<string, string>, between?: () => Promise<void>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await listPublishedArticles(query({ ...params, ...(cursor ? { cursor } : {}) }));
    ids.push(...page.data.map((a) => a.id));
    cursor = page.meta.next;
    pages++;
    await between?.();
  } while (cursor && pages < 50);
  return { ids, pages };
}

let admin: StaffUser;
let writer: StaffUser;
let section: { id: string; name: string; slug: string };
let published: { id: string; slug: string; publishedAt: Date | null }[];
let hidden: { id: string; slug: string }[];

beforeAll(async () => {
  [admin, writer] = await Promise.all([createUser('ADMIN'), createUser('AUTHOR', `Wren Writer ${unique()}`)]);
  section = await createSection();
  const tie = ago(5);
  published = [];
  // Seven published articles, three of them published in the same millisecond.
  for (const publishedAt of [ago(1), ago(2), tie, tie, tie, ago(10), ago(20)]) {
    published.push(await createArticle({ sectionId: section.id, publishedAt, authorIds: [writer.id] }));
  }
  hidden = await Promise.all([
    createArticle({ sectionId: section.id, status: 'DRAFT', authorIds: [writer.id] }),
    createArticle({ sectionId: section.id, status: 'IN_REVIEW', publishedAt: null }),
    createArticle({ sectionId: section.id, status: 'ARCHIVED', publishedAt: ago(3) }),
    createArticle({ sectionId: section.id, status: 'SCHEDULED', publishedAt: null }),
    // Marked published but dated in the future: not public yet.
    createArticle({ sectionId: section.id, status: 'PUBLISHED', publishedAt: new Date(Date.now() + HOUR) }),
  ]);
});

/** The expected order: publishedAt desc, then id desc. */
const expectedOrder = () => [...published].sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((a) => a.id);

describe('listing articles', () => {
  it('returns only published articles, newest first, with the fields the API documents', async () => {
    const page = await listPublishedArticles(query({ section: section.slug, limit: '100' }));
    expect(page.data.map((a) => a.id)).toEqual(expectedOrder());
    expect(page.meta).toEqual({ limit: 100, next: null });
    expect(Object.keys(page.data[0]!).sort()).toEqual(['id', 'publishedAt', 'slug', 'standfirst', 'title', 'updatedAt', 'url']);
    const included = await listPublishedArticles(query({ section: section.slug, limit: '1', include: 'authors,section,tags' }));
    expect(Object.keys(included.data[0]!).sort()).toEqual(['authors', 'id', 'publishedAt', 'section', 'slug', 'standfirst', 'tags', 'title', 'updatedAt', 'url']);
    expect(included.data[0]).toMatchObject({ authors: [{ name: writer.name, slug: writer.slug }], section: { slug: section.slug }, tags: [] });
  });

  it('selects fields and includes related objects on request', async () => {
    const tag = await createTag();
    const a = await createArticle({ sectionId: section.id, publishedAt: ago(0.5), tagIds: [tag.id], authorIds: [writer.id] });
    const [first] = (await listPublishedArticles(query({ section: section.slug, limit: '1', fields: 'slug,title', include: 'tags' }))).data;
    expect(first).toEqual({ id: a.id, slug: a.slug, title: a.title, tags: [{ name: tag.name, slug: tag.slug }] });
    const single = await getPublishedArticle(a.slug, articleQuerySchema.parse({ fields: 'title,wordCount', include: 'authors,section' }));
    expect(single.data).toEqual({ id: a.id, title: a.title, wordCount: 0, authors: [{ name: writer.name, slug: writer.slug, bio: null }], section: { name: section.name, slug: section.slug } });
    const noSection = await createArticle({ publishedAt: ago(0.5) });
    expect((await getPublishedArticle(noSection.id, articleQuerySchema.parse({ fields: 'id', include: 'section' }))).data).toEqual({ id: noSection.id, section: null });
    await db.article.delete({ where: { id: a.id } });
    await db.article.delete({ where: { id: noSection.id } });
  });

  it.each(['title', '-title', 'publishedAt', '-updatedAt'])('sorts by %s and pages through it without repeats or gaps', async (sort) => {
    const s = await createSection();
    // Two equal titles, so the id tie-break matters.
    for (const [title, h] of [
      ['Bravo', 3],
      ['alpha', 1],
      ['Charlie', 2],
      ['Bravo', 4],
      ['Delta', 5],
    ] as const)
      await createArticle({ sectionId: s.id, title, publishedAt: ago(h) });
    const everything = (await listPublishedArticles(query({ section: s.slug, sort, limit: '100' }))).data;
    const { ids, pages } = await allPages({ section: s.slug, sort, limit: '2' });
    expect(pages).toBe(3);
    expect(ids).toEqual(everything.map((a) => a.id));
    const key = sort.replace('-', '') as 'title' | 'publishedAt' | 'updatedAt';
    const values = everything.map((a) => a[key]!);
    const sorted = [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    // Titles compare by the database's collation; dates as ISO strings.
    if (key !== 'title') expect(values).toEqual(sort.startsWith('-') ? sorted.reverse() : sorted);
    else expect(new Set(values)).toEqual(new Set(['Bravo', 'alpha', 'Charlie', 'Delta']));
  });

  it.each([1, 2, 3, 7])('pages through with limit %i without repeating or skipping an article', async (limit) => {
    const { ids, pages } = await allPages({ section: section.slug, limit: String(limit) });
    expect(ids).toEqual(expectedOrder());
    expect(pages).toBe(Math.ceil(published.length / limit));
  });

  it('keeps later pages stable when an article is published between requests', async () => {
    const s = await createSection();
    const mine = [];
    for (const h of [1, 2, 3, 4]) mine.push(await createArticle({ sectionId: s.id, publishedAt: ago(h) }));
    let inserted = false;
    const { ids } = await allPages({ section: s.slug, limit: '2' }, async () => {
      if (inserted) return;
      inserted = true;
      await createArticle({ sectionId: s.id, publishedAt: new Date() });
    });
    expect(ids).toEqual(mine.map((a) => a.id));
  });

  it('filters by tag, author, text and publication dates', async () => {
    const [tag, other, s] = await Promise.all([createTag(), createUser('AUTHOR'), createSection()]);
    const word = `Zeppelin${unique()}`;
    const tagged = await createArticle({ sectionId: s.id, publishedAt: ago(30), tagIds: [tag.id], authorIds: [other.id], title: `Airship ${word} returns` });
    const alsoTagged = await createArticle({ publishedAt: ago(40), tagIds: [tag.id], standfirst: `A ${word.toLowerCase()} sighting` });
    await createArticle({ status: 'DRAFT', tagIds: [tag.id], authorIds: [other.id], title: `Draft ${word}` });

    const ids = async (params: Record<string, string>) => (await listPublishedArticles(query(params))).data.map((a) => a.id);
    expect(await ids({ tag: tag.slug })).toEqual([tagged.id, alsoTagged.id]);
    expect(await ids({ author: other.slug })).toEqual([tagged.id]);
    expect(await ids({ q: word.toUpperCase() })).toEqual([tagged.id, alsoTagged.id]);
    expect(await ids({ tag: tag.slug, section: s.slug })).toEqual([tagged.id]);
    expect(await ids({ tag: tag.slug, published_before: ago(35).toISOString() })).toEqual([alsoTagged.id]);
    expect(await ids({ tag: tag.slug, published_after: ago(35).toISOString() })).toEqual([tagged.id]);
    expect(await ids({ tag: tag.slug, published_after: '2000-01-01', published_before: ago(45).toISOString() })).toEqual([]);
    expect(await ids({ section: `no-such-section-${unique()}` })).toEqual([]);
  });

  it('ranks q= results by relevance, pages them with their own cursor and keeps the other filters', async () => {
    const s = await createSection();
    const word = `Dirigible${unique()}`;
    const inBody = await createArticle({ publishedAt: ago(1), sectionId: s.id, title: `Morning news ${unique()}` });
    await db.article.update({ where: { id: inBody.id }, data: { bodyJson: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `A ${word} overhead.` }] }] } } });
    await reindexArticle(inBody.id);
    const inTitle = await createArticle({ publishedAt: ago(50), sectionId: s.id, title: `The ${word} lands` });
    const inStandfirst = await createArticle({ publishedAt: ago(20), standfirst: `Where the ${word} went` });
    await createArticle({ status: 'ARCHIVED', publishedAt: ago(2), title: `Archived ${word}` });

    const all = await listPublishedArticles(query({ q: word }));
    expect(all.data.map((a) => a.id)).toEqual([inTitle.id, inStandfirst.id, inBody.id]);
    expect((await listPublishedArticles(query({ q: word, section: s.slug }))).data.map((a) => a.id)).toEqual([inTitle.id, inBody.id]);

    const first = await listPublishedArticles(query({ q: word, limit: '2' }));
    expect(first.data.map((a) => a.id)).toEqual([inTitle.id, inStandfirst.id]);
    const second = await listPublishedArticles(query({ q: word, limit: '2', cursor: first.meta.next! }));
    expect(second.data.map((a) => a.id)).toEqual([inBody.id]);
    expect(second.meta.next).toBeNull();
    // A ranked cursor is refused on the newest-first list, and the other way round, naming the parameter.
    expect(listArticlesQuerySchema.safeParse({ limit: '2', cursor: first.meta.next! }).error?.issues[0]?.path).toEqual(['cursor']);
    const plain = await listPublishedArticles(query({ limit: '1' }));
    expect(listArticlesQuerySchema.safeParse({ q: word, cursor: plain.meta.next! }).error?.issues[0]?.path).toEqual(['cursor']);
  });

  it('rejects bad parameters by name', () => {
    for (const [params, name] of [
      [{ limit: '0' }, 'limit'],
      [{ limit: '101' }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ cursor: 'not-a-cursor' }, 'cursor'],
      [{ published_before: 'last tuesday' }, 'published_before'],
      [{ section: 'Not A Slug' }, 'section'],
      [{ fields: 'id,email' }, 'fields'],
      [{ include: 'comments' }, 'include'],
      [{ sort: 'popularity' }, 'sort'],
      // A cursor issued for one sort is refused for another.
      [{ sort: 'title', cursor: Buffer.from(JSON.stringify(['a:-publishedAt', new Date().toISOString(), 'x'])).toString('base64url') }, 'cursor'],
    ] as const) {
      const r = listArticlesQuerySchema.safeParse(params);
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual([name]);
    }
  });
});

describe('single articles, comments, tags and authors', () => {
  it('finds a published article by id or slug, never a hidden one', async () => {
    const [first] = published;
    const withAuthors = articleQuerySchema.parse({ include: 'authors' });
    const byId = await getPublishedArticle(first!.id, withAuthors);
    expect((await getPublishedArticle(first!.slug, withAuthors)).data).toEqual(byId.data);
    expect(byId.data.body!.json).toMatchObject({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(byId.data.body!.html).toMatch(/^<p>/);
    expect(byId.data.authors).toEqual([{ name: writer.name, slug: writer.slug, bio: null }]);
    for (const h of hidden) {
      await expect(getPublishedArticle(h.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(getPublishedArticle(h.slug)).rejects.toMatchObject({ code: 'not_found' });
      await expect(listPublishedArticleComments(h.slug)).rejects.toMatchObject({ code: 'not_found' });
    }
  });

  it('lists only approved comments, never emails, IPs or websites', async () => {
    const article = published[0]!;
    const email = `private-${unique()}@example.com`;
    const base = { articleId: article.id, authorName: 'Marguerite Hollis', authorEmail: email, authorUrl: 'https://marguerite.example', ipHash: 'hashed-ip', userAgent: 'Vitest' };
    const approved = await db.comment.create({ data: { ...base, body: 'Well reported.', status: 'APPROVED' }, select: { id: true } });
    const reply = await db.comment.create({ data: { ...base, parentId: approved.id, body: 'Agreed.', status: 'APPROVED' }, select: { id: true } });
    for (const status of ['PENDING', 'SPAM', 'TRASH'] as const) await db.comment.create({ data: { ...base, body: `Not shown ${status}`, status } });

    const { data } = await listPublishedArticleComments(article.slug);
    expect(data).toEqual([
      { id: approved.id, parentId: null, authorName: 'Marguerite Hollis', body: 'Well reported.', createdAt: expect.any(String) },
      { id: reply.id, parentId: approved.id, authorName: 'Marguerite Hollis', body: 'Agreed.', createdAt: expect.any(String) },
    ]);
    const json = JSON.stringify(data);
    for (const secret of [email, 'hashed-ip', 'marguerite.example', 'Vitest']) expect(json).not.toContain(secret);
  });

  it('lists tags and authors of published articles only, without emails', async () => {
    const draftTag = await createTag();
    const draftOnly = await createUser('AUTHOR');
    await createArticle({ status: 'DRAFT', tagIds: [draftTag.id], authorIds: [draftOnly.id] });
    const tags = (await listApiTags()).data;
    expect(tags.map((t) => t.slug)).not.toContain(draftTag.slug);
    const authors = (await listApiAuthors()).data;
    expect(authors).toContainEqual({ name: writer.name, slug: writer.slug, bio: null });
    expect(authors.map((a) => a.slug)).not.toContain(draftOnly.slug);
    expect(authors.map((a) => a.slug)).not.toContain(admin.slug);
    expect(JSON.stringify(authors)).not.toContain('@');
  });
});

describe('paginating sections, tags, authors and comments', () => {
  it('pages through each list with a stable next cursor', async () => {
    const tagged = await Promise.all([createTag(), createTag(), createTag()]);
    const bylined = await Promise.all([createUser('AUTHOR'), createUser('AUTHOR'), createUser('AUTHOR')]);
    const article = await createArticle({ tagIds: tagged.map((t) => t.id), authorIds: bylined.map((u) => u.id) });
    for (let i = 0; i < 5; i++) await db.comment.create({ data: { articleId: article.id, authorName: `Reader ${i}`, authorEmail: 'r@example.com', body: `Comment ${i}`, status: 'APPROVED' } });
    await createSection();
    await createSection();

    async function walk<T>(list: (q: ReturnType<typeof page>) => Promise<{ data: T[]; meta: { next: string | null } }>, order: keyof typeof LIST_ORDERS) {
      const all = (await list(page(order, {}))).data;
      const seen: T[] = [];
      let cursor: string | null = null;
      do {
        const res: { data: T[]; meta: { next: string | null } } = await list(page(order, { limit: '2', ...(cursor ? { cursor } : {}) }));
        seen.push(...res.data);
        cursor = res.meta.next;
      } while (cursor);
      expect(seen).toEqual(all);
      expect(all.length).toBeGreaterThanOrEqual(2);
      return all;
    }
    const page = (order: keyof typeof LIST_ORDERS, params: Record<string, string>) => pageQuerySchema(LIST_ORDERS[order], order).parse(params);
    await walk((q) => listApiSections(q), 'sections');
    await walk((q) => listApiTags(q), 'tags');
    await walk((q) => listApiAuthors(q), 'authors');
    const comments = await walk((q) => listPublishedArticleComments(article.slug, q), 'comments');
    expect(comments.map((c) => c.body)).toEqual(['Comment 0', 'Comment 1', 'Comment 2', 'Comment 3', 'Comment 4']);
    // A tags cursor does not page through authors.
    const tagCursor = (await listApiTags(page('tags', { limit: '1' }))).meta.next!;
    expect(pageQuerySchema(LIST_ORDERS.authors, 'authors').safeParse({ cursor: tagCursor }).error!.issues[0]!.path).toEqual(['cursor']);
  });
});
