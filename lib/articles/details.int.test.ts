import { beforeAll, describe, expect, it } from 'vitest';
import { updateArticleDetails } from '@/lib/articles/details';
import { getPublishedArticleBySlug, listRelatedArticles } from '@/lib/articles/queries';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { articleDetailsSchema, type ArticleDetailsInput } from '@/lib/validation/articles';
import { createArticle, createTag, createUser } from '@/scripts/test/fixtures';

let editor: StaffUser;
let author: StaffUser;
let colleague: StaffUser;

const details = (input: Partial<ArticleDetailsInput> & { authorIds: string[] }) =>
  articleDetailsSchema.parse({ commentsOpen: true, seoTitle: '', seoDescription: '', canonicalUrl: '', socialImageId: '', relatedIds: [], ...input });

beforeAll(async () => {
  [editor, author, colleague] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR', 'Ada Byline'), createUser('AUTHOR', 'Ben Byline')]);
});

describe('bylines, comments and SEO', () => {
  it('saves an ordered multi-author byline that the public page shows in that order, with SEO fields and comments closed', async () => {
    const a = await createArticle({ status: 'PUBLISHED', authorIds: [author.id] });
    const { paths } = await updateArticleDetails(
      a.id,
      details({ authorIds: [colleague.id, author.id], commentsOpen: false, seoTitle: 'Search title', seoDescription: 'Search description', canonicalUrl: 'https://example.org/original' }),
      editor,
    );
    expect(paths).toEqual(expect.arrayContaining(['/', `/articles/${a.slug}`, `/authors/${author.slug}`, `/authors/${colleague.slug}`]));
    const page = await getPublishedArticleBySlug(a.slug);
    expect(page?.authors.map((x) => x.name)).toEqual(['Ben Byline', 'Ada Byline']);
    expect(page).toMatchObject({ commentsOpen: false, seoTitle: 'Search title', seoDescription: 'Search description', canonicalUrl: 'https://example.org/original' });
    expect(await db.auditLog.count({ where: { entityId: a.id, action: 'article.details_updated', actorId: editor.id } })).toBe(1);
  });

  it('lets an author add a co-author to their draft but never remove themselves, and not touch others’ articles', async () => {
    const draft = await createArticle({ status: 'DRAFT', publishedAt: null, authorIds: [author.id] });
    await updateArticleDetails(draft.id, details({ authorIds: [author.id, colleague.id] }), author);
    await expect(updateArticleDetails(draft.id, details({ authorIds: [colleague.id] }), author)).rejects.toMatchObject({ code: 'unprocessable' });
    const other = await createArticle({ status: 'DRAFT', publishedAt: null, authorIds: [colleague.id] });
    await expect(updateArticleDetails(other.id, details({ authorIds: [colleague.id, author.id] }), author)).rejects.toMatchObject({ code: 'forbidden' });
    const stored = await db.articleAuthor.findMany({ where: { articleId: draft.id }, orderBy: { position: 'asc' }, select: { userId: true } });
    expect(stored.map((s) => s.userId)).toEqual([author.id, colleague.id]);
  });

  it('refuses bad input and changes nothing', async () => {
    expect(articleDetailsSchema.safeParse({ ...details({ authorIds: [author.id] }), canonicalUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(articleDetailsSchema.safeParse({ ...details({ authorIds: [author.id] }), authorIds: [] }).success).toBe(false);
    const a = await createArticle({ status: 'PUBLISHED', authorIds: [author.id] });
    await expect(updateArticleDetails(a.id, details({ authorIds: ['no-such-user'], seoTitle: 'Changed' }), editor)).rejects.toMatchObject({ code: 'unprocessable' });
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).seoTitle).toBeNull();
  });
});

describe('pinned related articles', () => {
  it('shows pinned articles first in their order, then computed ones, never duplicates or the article itself', async () => {
    const tag = await createTag();
    const hour = 3_600_000;
    const article = await createArticle({ status: 'PUBLISHED', tagIds: [tag.id], authorIds: [author.id] });
    const [tagged1, tagged2] = await Promise.all([
      createArticle({ title: 'Tagged newest', status: 'PUBLISHED', publishedAt: new Date(Date.now() - hour), tagIds: [tag.id] }),
      createArticle({ title: 'Tagged older', status: 'PUBLISHED', publishedAt: new Date(Date.now() - 5 * hour), tagIds: [tag.id] }),
    ]);
    const [pinA, pinB] = await Promise.all([createArticle({ title: 'Pinned A', status: 'PUBLISHED', publishedAt: new Date(Date.now() - 100 * hour) }), createArticle({ title: 'Pinned B', status: 'PUBLISHED', publishedAt: new Date(Date.now() - 200 * hour) })]);
    // B before A, and one that is also a computed match (tagged2): it must appear once, as pinned.
    await updateArticleDetails(article.id, details({ authorIds: [author.id], relatedIds: [pinB.id, tagged2.id, pinA.id] }), editor);
    const related = await listRelatedArticles({ id: article.id, sectionId: null, tags: [{ id: tag.id }] }, 4);
    expect(related.map((r) => r.id)).toEqual([pinB.id, tagged2.id, pinA.id, tagged1.id]);
    expect((await listRelatedArticles({ id: article.id, sectionId: null, tags: [{ id: tag.id }] }, 2)).map((r) => r.id)).toEqual([pinB.id, tagged2.id]);

    // A pinned article that is later unpublished drops out; the list fills from the computed ones.
    await db.article.update({ where: { id: pinB.id }, data: { status: 'DRAFT' } });
    expect((await listRelatedArticles({ id: article.id, sectionId: null, tags: [{ id: tag.id }] }, 4)).map((r) => r.id)).toEqual([tagged2.id, pinA.id, tagged1.id]);
  });

  it('refuses pinning the article itself, unpublished articles, and pins by non-editors', async () => {
    const article = await createArticle({ status: 'DRAFT', publishedAt: null, authorIds: [author.id] });
    const draft = await createArticle({ status: 'DRAFT', publishedAt: null });
    const live = await createArticle({ status: 'PUBLISHED' });
    await expect(updateArticleDetails(article.id, details({ authorIds: [author.id], relatedIds: [article.id] }), editor)).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(updateArticleDetails(article.id, details({ authorIds: [author.id], relatedIds: [draft.id] }), editor)).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(updateArticleDetails(article.id, details({ authorIds: [author.id], relatedIds: [live.id] }), author)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.articleRelation.count({ where: { articleId: article.id } })).toBe(0);
  });
});
