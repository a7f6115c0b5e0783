import { beforeAll, describe, expect, it } from 'vitest';
import { listDashboardArticles } from '@/lib/articles/dashboard';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { DASHBOARD_MAX_JUMP_PAGE, dashboardArticlesQuerySchema, encodeDashboardCursor } from '@/lib/validation/articles';
import { createArticle, createSection, createTag, createUser, unique } from '@/test/fixtures';

const q = (params: Record<string, string>) => dashboardArticlesQuerySchema.parse(params);

let editor: StaffUser;
let author: StaffUser;
let other: StaffUser;
// Every title carries this token, so the search narrows to this file's articles.
const token = `Zq${unique()}`;
const ids: Record<string, string> = {};

beforeAll(async () => {
  [editor, author, other] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR'), createUser('AUTHOR')]);
  const section = await createSection();
  const tag = await createTag();
  ids.section = section.id;
  ids.tag = tag.id;
  const make = async (key: string, title: string, opts: Parameters<typeof createArticle>[0]) => {
    const a = await createArticle({ title: `${title} ${token}`, ...opts });
    ids[key] = a.id;
  };
  await make('draftMine', 'Apple draft', { status: 'DRAFT', publishedAt: null, authorIds: [author.id] });
  await make('liveMine', 'Banana live', { status: 'PUBLISHED', publishedAt: new Date(Date.now() - 3_600_000), sectionId: section.id, tagIds: [tag.id], authorIds: [author.id] });
  await make('liveOther', 'Cherry live', { status: 'PUBLISHED', publishedAt: new Date(Date.now() - 60_000), sectionId: section.id, authorIds: [other.id] });
  await make('shared', 'Damson shared', { status: 'IN_REVIEW', publishedAt: null, tagIds: [tag.id], authorIds: [other.id, author.id] });
  // Distinct update times, oldest first, so "updated" order is known.
  for (const [i, key] of ['draftMine', 'liveMine', 'liveOther', 'shared'].entries()) {
    await db.article.update({ where: { id: ids[key] }, data: { updatedAt: new Date(Date.now() - (10 - i) * 60_000) } });
  }
});

const titles = async (user: StaffUser, params: Record<string, string>) => (await listDashboardArticles(user, q({ q: token, ...params }))).articles.map((a) => a.title.split(' ')[0]);

describe('dashboard articles list', () => {
  it('searches titles case-insensitively and sorts by update, publication date or title', async () => {
    expect(await titles(editor, { q: token.toLowerCase() })).toEqual(['Damson', 'Cherry', 'Banana', 'Apple']);
    expect((await titles(editor, { sort: 'published' })).slice(0, 2)).toEqual(['Cherry', 'Banana']);
    expect(await titles(editor, { sort: 'title' })).toEqual(['Apple', 'Banana', 'Cherry', 'Damson']);
  });

  it('filters by status, section, tag and author', async () => {
    expect(await titles(editor, { status: 'PUBLISHED', sort: 'title' })).toEqual(['Banana', 'Cherry']);
    expect(await titles(editor, { section: ids.section!, sort: 'title' })).toEqual(['Banana', 'Cherry']);
    expect(await titles(editor, { tag: ids.tag!, sort: 'title' })).toEqual(['Banana', 'Damson']);
    expect(await titles(editor, { author: other.id, sort: 'title' })).toEqual(['Cherry', 'Damson']);
    expect(await titles(editor, { status: 'PUBLISHED', tag: ids.tag! })).toEqual(['Banana']);
  });

  it('shows authors only the articles with them in the byline, whatever the filters say', async () => {
    expect(await titles(author, { sort: 'title' })).toEqual(['Apple', 'Banana', 'Damson']);
    expect(await titles(author, { author: other.id, sort: 'title' })).toEqual(['Damson']);
    const page = await listDashboardArticles(author, q({ q: token }));
    expect(page.total).toBe(3);
  });

  it('counts the same from a byline or tag as by walking the list', async () => {
    // A cursor before every title makes the list count instead of reading the total off a short page.
    const start = encodeDashboardCursor({ sort: 'title', value: '', id: '0' });
    const total = async (user: StaffUser, params: Record<string, string>) => (await listDashboardArticles(user, q({ q: token, sort: 'title', after: start, ...params }))).total;
    expect(await total(editor, {})).toBe(4);
    expect(await total(editor, { author: other.id })).toBe(2);
    expect(await total(editor, { author: other.id, status: 'PUBLISHED' })).toBe(1);
    expect(await total(editor, { tag: ids.tag!, status: 'PUBLISHED' })).toBe(1);
    expect(await total(author, {})).toBe(3);
    expect(await total(author, { author: other.id })).toBe(1);
    expect(await total(author, { tag: ids.tag! })).toBe(2);
  });

  it('ignores malformed query values instead of failing', () => {
    expect(q({ status: 'NOPE', sort: 'sideways', page: '-3' })).toMatchObject({ status: undefined, sort: 'updated', page: 1 });
  });
});

describe('dashboard articles list paging', () => {
  // 120 articles (2.4 pages) with many equal update times, publication times and titles, and a
  // third never published: cursors must split ties by id and keep unpublished ones last.
  const pageToken = `Pg${unique()}`;
  const pq = (params: Record<string, string>) => q({ q: pageToken, ...params });
  let pageEditor: StaffUser;

  beforeAll(async () => {
    pageEditor = await createUser('EDITOR');
    const base = Date.now() - 86_400_000;
    await db.article.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        id: `pg${pageToken.toLowerCase()}${String(i).padStart(3, '0')}`,
        slug: `pg-${pageToken.toLowerCase()}-${i}`,
        title: `Title ${pageToken} ${String(i % 7).padStart(2, '0')}`,
        bodyJson: { type: 'doc', content: [] },
        status: i % 3 === 0 ? ('DRAFT' as const) : ('PUBLISHED' as const),
        publishedAt: i % 3 === 0 ? null : new Date(base + (i % 5) * 60_000),
        updatedAt: new Date(base + Math.floor(i / 10) * 60_000),
      })),
    });
    // All of them in one byline: a byline filter reads the pages from ArticleAuthor instead.
    await db.articleAuthor.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ articleId: `pg${pageToken.toLowerCase()}${String(i).padStart(3, '0')}`, userId: pageEditor.id })) });
  });

  const idsOf = (p: { articles: { id: string }[] }) => p.articles.map((a) => a.id);

  for (const [sort, byline] of (['updated', 'published', 'title'] as const).flatMap(
    (s) =>
      [
        [s, false],
        [s, true],
      ] as const,
  )) {
    it(`walks the ${sort} sort by cursor exactly as by page number, both ways${byline ? ', by byline' : ''}`, async () => {
      // section=none holds all 120 too; with the byline it makes the list read from ArticleAuthor.
      const pq = (params: Record<string, string>) => q({ q: pageToken, ...(byline ? { author: pageEditor.id, section: 'none' } : {}), ...params });
      const byNumber = await Promise.all([1, 2, 3].map((page) => listDashboardArticles(pageEditor, pq({ sort, page: String(page) }))));
      expect(byNumber.map((p) => p.articles.length)).toEqual([50, 50, 20]);
      expect(new Set(byNumber.flatMap(idsOf)).size).toBe(120);
      expect(byNumber[0]).toMatchObject({ total: 120, totalCapped: false, pages: 3, prevCursor: null });

      const second = await listDashboardArticles(pageEditor, pq({ sort, page: '2', after: byNumber[0]!.nextCursor! }));
      expect(idsOf(second)).toEqual(idsOf(byNumber[1]!));
      const third = await listDashboardArticles(pageEditor, pq({ sort, page: '3', after: second.nextCursor! }));
      expect(idsOf(third)).toEqual(idsOf(byNumber[2]!));
      expect(third).toMatchObject({ page: 3, pages: 3, total: 120, nextCursor: null });

      const back = await listDashboardArticles(pageEditor, pq({ sort, page: '2', before: third.prevCursor! }));
      expect(idsOf(back)).toEqual(idsOf(byNumber[1]!));
      const first = await listDashboardArticles(pageEditor, pq({ sort, page: '1', before: back.prevCursor! }));
      expect(idsOf(first)).toEqual(idsOf(byNumber[0]!));
      expect(first).toMatchObject({ page: 1, prevCursor: null });
    });
  }

  it('puts never-published articles last in the publication sort, newest first by date', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => listDashboardArticles(pageEditor, pq({ sort: 'published', page: String(page) }))));
    const dates = pages.flatMap((p) => p.articles.map((a) => a.publishedAt?.getTime() ?? null));
    const firstNull = dates.indexOf(null);
    expect(firstNull).toBe(80);
    expect(dates.slice(firstNull).every((d) => d === null)).toBe(true);
    const published = dates.slice(0, firstNull) as number[];
    expect(published).toEqual([...published].sort((a, b) => b - a));
  });

  it('keeps the filters on cursor pages', async () => {
    const first = await listDashboardArticles(pageEditor, pq({ status: 'DRAFT', sort: 'published' }));
    expect(first).toMatchObject({ total: 40, nextCursor: null });
    const published = await listDashboardArticles(pageEditor, pq({ status: 'PUBLISHED', sort: 'updated' }));
    const next = await listDashboardArticles(pageEditor, pq({ status: 'PUBLISHED', sort: 'updated', page: '2', after: published.nextCursor! }));
    expect(next.articles).toHaveLength(30);
    expect(next.articles.every((a) => a.status === 'PUBLISHED')).toBe(true);
    expect(next).toMatchObject({ total: 80, pages: 2 });
  });

  it('ignores cursors that are mangled or from another sort, and caps page numbers read by offset', async () => {
    const first = await listDashboardArticles(pageEditor, pq({ sort: 'title' }));
    expect(q({ sort: 'updated', after: first.nextCursor! })).toMatchObject({ after: undefined });
    expect(q({ sort: 'title', after: 'not a cursor!' })).toMatchObject({ after: undefined });
    expect(q({ sort: 'title', after: Buffer.from('["title",null,"x"]').toString('base64url') })).toMatchObject({ after: undefined });
    expect(q({ sort: 'updated', after: Buffer.from('["updated","yesterday","x"]').toString('base64url') })).toMatchObject({ after: undefined });
    expect(q({ page: '5000' }).page).toBe(DASHBOARD_MAX_JUMP_PAGE);
    expect(q({ page: '5000', sort: 'title', after: first.nextCursor! }).page).toBe(5000);
    // Past the end by number: nothing on the page, but the total still shows.
    expect(await listDashboardArticles(pageEditor, pq({ page: '9' }))).toMatchObject({ articles: [], total: 120, nextCursor: null });
  });
});
