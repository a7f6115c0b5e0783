import { beforeAll, describe, expect, it } from 'vitest';
import { listDashboardArticles } from '@/lib/articles/dashboard';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { dashboardArticlesQuerySchema } from '@/lib/validation/articles';
import { createArticle, createSection, createTag, createUser, unique } from '@/scripts/test/fixtures';

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

  it('ignores malformed query values instead of failing', () => {
    expect(q({ status: 'NOPE', sort: 'sideways', page: '-3' })).toMatchObject({ status: undefined, sort: 'updated', page: 1 });
  });
});
