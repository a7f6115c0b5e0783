import { beforeAll, describe, expect, it } from 'vitest';
import { listAuthorArticles, listTagArticles } from '@/lib/articles/queries';
import { db } from '@/lib/db';
import { getTagBySlug } from '@/lib/tags';
import { getPublicAuthorBySlug, type StaffUser } from '@/lib/users';
import { createArticle, createUser, unique } from '@/test/fixtures';

let writer: StaffUser;
let tag: { id: string; slug: string };
const hour = 3_600_000;

beforeAll(async () => {
  writer = await createUser('AUTHOR');
  await db.user.update({ where: { id: writer.id }, data: { bio: 'Covers transport.' } });
  const id = unique();
  tag = await db.tag.create({ data: { name: `Tag ${id}`, slug: `tag-${id}` }, select: { id: true, slug: true } });
});

describe('tag and author listings', () => {
  it('list only published, already-dated articles, newest first, in pages', async () => {
    const base = Date.now() - 10 * hour;
    const published = [];
    for (let i = 0; i < 3; i++) published.push(await createArticle({ publishedAt: new Date(base + i * hour), tagIds: [tag.id], authorIds: [writer.id] }));
    await createArticle({ status: 'DRAFT', tagIds: [tag.id], authorIds: [writer.id] });
    await createArticle({ publishedAt: new Date(Date.now() + hour), tagIds: [tag.id], authorIds: [writer.id] });

    const newestFirst = [...published].reverse().map((a) => a.id);
    const byTag = await listTagArticles(tag.id, 1, 2);
    expect(byTag).toMatchObject({ total: 3, pages: 2 });
    expect(byTag.articles.map((a) => a.id)).toEqual(newestFirst.slice(0, 2));
    expect((await listTagArticles(tag.id, 2, 2)).articles.map((a) => a.id)).toEqual(newestFirst.slice(2));

    const byAuthor = await listAuthorArticles(writer.id, 1, 12);
    expect(byAuthor.articles.map((a) => a.id)).toEqual(newestFirst);
    expect(await getTagBySlug(tag.slug)).toMatchObject({ id: tag.id });
  });

  it('gives readers an author profile without email, and none for staff without a published byline', async () => {
    const profile = await getPublicAuthorBySlug(writer.slug);
    expect(profile).toEqual({ id: writer.id, name: writer.name, slug: writer.slug, bio: 'Covers transport.', avatarUrl: null });
    expect(JSON.stringify(profile)).not.toContain('@');

    const admin = await createUser('ADMIN');
    expect(await getPublicAuthorBySlug(admin.slug)).toBeNull();
    await createArticle({ status: 'DRAFT', authorIds: [admin.id] });
    expect(await getPublicAuthorBySlug(admin.slug)).toBeNull();
  });
});
