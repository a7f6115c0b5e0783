import { beforeAll, describe, expect, it } from 'vitest';
import { findDashboardArticles } from '@/lib/articles/dashboard';
import { getNewsroomOverview } from '@/lib/articles/overview';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { createArticle, createUser, unique } from '@/test/fixtures';

let editor: StaffUser;
let author: StaffUser;
let other: StaffUser;
const token = `Ov${unique()}`;
const ids: Record<string, string> = {};
const hour = 3_600_000;

beforeAll(async () => {
  [editor, author, other] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR'), createUser('AUTHOR')]);
  const make = async (key: string, opts: Parameters<typeof createArticle>[0] & { scheduledAt?: Date; updatedAt?: Date }) => {
    const { scheduledAt, updatedAt, ...rest } = opts;
    const a = await createArticle({ title: `${key} ${token}`, ...rest });
    if (scheduledAt || updatedAt) await db.article.update({ where: { id: a.id }, data: { scheduledAt, updatedAt } });
    ids[key] = a.id;
  };
  await make('reviewMine', { status: 'IN_REVIEW', publishedAt: null, authorIds: [author.id], updatedAt: new Date(Date.now() - 2 * hour) });
  await make('reviewOther', { status: 'IN_REVIEW', publishedAt: null, authorIds: [other.id], updatedAt: new Date(Date.now() - hour) });
  await make('laterMine', { status: 'SCHEDULED', publishedAt: null, authorIds: [author.id], scheduledAt: new Date(Date.now() + 48 * hour) });
  await make('soonOther', { status: 'SCHEDULED', publishedAt: null, authorIds: [other.id], scheduledAt: new Date(Date.now() + hour) });
  await make('draftMine', { status: 'DRAFT', publishedAt: null, authorIds: [author.id] });
  await make('draftShared', { status: 'DRAFT', publishedAt: null, authorIds: [other.id, author.id] });
  await make('draftOther', { status: 'DRAFT', publishedAt: null, authorIds: [other.id] });
  await make('liveMine', { status: 'PUBLISHED', publishedAt: new Date(Date.now() + 10 * hour), authorIds: [author.id] });
});

const keys = (list: { articles: { title: string }[] }) => list.articles.map((a) => a.title.split(' ')[0]).filter((t) => ids[t!]);

describe('the newsroom overview', () => {
  it('shows an editor the whole newsroom: review queue by last change, schedule soonest first, latest publishes', async () => {
    const o = await getNewsroomOverview(editor, { take: 50 });
    expect(keys(o.inReview)).toEqual(['reviewOther', 'reviewMine']);
    const scheduled = keys(o.scheduled);
    expect(scheduled.indexOf('soonOther')).toBeLessThan(scheduled.indexOf('laterMine'));
    expect(keys(o.recentlyPublished)[0]).toBe('liveMine');
    expect(o.inReview.total).toBeGreaterThanOrEqual(2);
    // An editor's own drafts: none here.
    expect(keys(o.myDrafts)).toEqual([]);
  });

  it('shows a writer only the stories with them in the byline, and their own drafts', async () => {
    const o = await getNewsroomOverview(author, { take: 50 });
    expect(keys(o.inReview)).toEqual(['reviewMine']);
    expect(keys(o.scheduled)).toEqual(['laterMine']);
    expect(keys(o.myDrafts).sort()).toEqual(['draftMine', 'draftShared']);
    expect(keys(o.recentlyPublished)).toEqual(['liveMine']);
    expect(o.myDrafts.total).toBe(2);
  });

  it('keeps each list short but counts all of it', async () => {
    const o = await getNewsroomOverview(author, { take: 1 });
    expect(o.myDrafts.articles).toHaveLength(1);
    expect(o.myDrafts.total).toBe(2);
  });
});

describe('the dashboard article finder', () => {
  it('finds titles as the articles list does: case-insensitive, last updated first, writers their own only', async () => {
    const all = (await findDashboardArticles(editor, token.toLowerCase(), 50)).map((a) => a.title.split(' ')[0]);
    expect(all).toHaveLength(8);
    expect(all.indexOf('reviewOther')).toBeLessThan(all.indexOf('reviewMine'));
    const mine = (await findDashboardArticles(author, token, 50)).map((a) => a.title.split(' ')[0]).sort();
    expect(mine).toEqual(['draftMine', 'draftShared', 'laterMine', 'liveMine', 'reviewMine']);
    expect(await findDashboardArticles(editor, token, 3)).toHaveLength(3);
    expect(await findDashboardArticles(editor, '   ')).toEqual([]);
  });
});
