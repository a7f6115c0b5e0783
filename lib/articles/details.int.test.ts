import { beforeAll, describe, expect, it } from 'vitest';
import { getArticleDetailsSnapshot, updateArticleDetails } from '@/lib/articles/details';
import { saveArticle } from '@/lib/articles/mutations';
import { getPublishedArticleBySlug, listRelatedArticles } from '@/lib/articles/queries';
import { pageTags } from '@/lib/cache';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { articleDetailsSchema, articleFormSchema, type ArticleDetailsInput } from '@/lib/validation/articles';
import { createArticle, createTag, createUser } from '@/test/fixtures';
import { watchInvalidations } from '@/test/invalidations';

let editor: StaffUser;
let author: StaffUser;
let colleague: StaffUser;
let colleagueEditor: StaffUser;

const details = (input: Partial<ArticleDetailsInput> & { authorIds: string[] }) =>
  articleDetailsSchema.parse({ commentsOpen: true, seoTitle: '', seoDescription: '', canonicalUrl: '', socialImageId: '', relatedIds: [], detailsVersion: 1, ...input });

const storedDetails = async (id: string) => {
  const row = await db.article.findUniqueOrThrow({
    where: { id },
    select: { detailsVersion: true, version: true, seoTitle: true, commentsOpen: true, authors: { orderBy: { position: 'asc' }, select: { userId: true } } },
  });
  return { ...row, authors: row.authors.map((a) => a.userId) };
};

beforeAll(async () => {
  [editor, author, colleague, colleagueEditor] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR', 'Ada Byline'), createUser('AUTHOR', 'Ben Byline'), createUser('EDITOR')]);
});

describe('bylines, comments and SEO', () => {
  it('saves an ordered multi-author byline that the public page shows in that order, with SEO fields and comments closed', async () => {
    const a = await createArticle({ status: 'PUBLISHED', authorIds: [author.id] });
    const watch = await watchInvalidations();
    await updateArticleDetails(
      a.id,
      details({ authorIds: [colleague.id, author.id], commentsOpen: false, seoTitle: 'Search title', seoDescription: 'Search description', canonicalUrl: 'https://example.org/original' }),
      editor,
    );
    // Its page and cards, and both bylines' author pages.
    const expected = [pageTags.article(a.id), pageTags.front, pageTags.author(author.id), pageTags.author(colleague.id)];
    expect(watch.markedOf(expected)).toEqual(expected);
    const page = await getPublishedArticleBySlug(a.slug);
    expect(page?.authors.map((x) => x.name)).toEqual(['Ben Byline', 'Ada Byline']);
    expect(page).toMatchObject({ commentsOpen: false, seoTitle: 'Search title', seoDescription: 'Search description', canonicalUrl: 'https://example.org/original' });
    expect(await db.auditLog.count({ where: { entityId: a.id, action: 'article.details_updated', actorId: editor.id } })).toBe(1);
  });

  it('lets an author add a co-author to their draft but never remove themselves, and not touch others’ articles', async () => {
    const draft = await createArticle({ status: 'DRAFT', publishedAt: null, authorIds: [author.id] });
    await updateArticleDetails(draft.id, details({ authorIds: [author.id, colleague.id] }), author);
    await expect(updateArticleDetails(draft.id, details({ authorIds: [colleague.id], detailsVersion: 2 }), author)).rejects.toMatchObject({ code: 'unprocessable' });
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

describe('two people editing the details at once', () => {
  it('refuses the second save made from the same loaded version, naming who saved first, and changes nothing', async () => {
    const a = await createArticle({ status: 'PUBLISHED', authorIds: [author.id] });
    // Both opened the panel at details version 1.
    expect((await updateArticleDetails(a.id, details({ authorIds: [author.id], seoTitle: 'First editor’s headline' }), editor)).detailsVersion).toBe(2);
    const after = await storedDetails(a.id);
    const refused = updateArticleDetails(a.id, details({ authorIds: [colleague.id], seoTitle: 'Second headline', commentsOpen: false }), colleagueEditor);
    await expect(refused).rejects.toMatchObject({ code: 'conflict' });
    await expect(refused).rejects.toThrow(
      new RegExp(`^${editor.name} changed these details on \\d{1,2} \\w{3,4} \\d{4}, \\d{2}:\\d{2} \\(Europe/London time\\), after you opened them\\. Nothing was saved\\.`),
    );
    expect(await storedDetails(a.id)).toEqual(after);
    expect(after).toMatchObject({ detailsVersion: 2, seoTitle: 'First editor’s headline', commentsOpen: true, authors: [author.id] });
    expect(await db.auditLog.count({ where: { entityId: a.id, action: 'article.details_updated' } })).toBe(1);
  });

  it('shows the details as saved now, and “keep mine” saves on top of them', async () => {
    const a = await createArticle({ status: 'DRAFT', publishedAt: null, authorIds: [author.id] });
    await updateArticleDetails(a.id, details({ authorIds: [author.id, colleague.id], seoTitle: 'Theirs' }), editor);
    await expect(updateArticleDetails(a.id, details({ authorIds: [author.id], seoTitle: 'Mine' }), colleagueEditor)).rejects.toMatchObject({ code: 'conflict' });

    const current = await getArticleDetailsSnapshot(a.id, colleagueEditor);
    expect(current).toMatchObject({
      detailsVersion: 2,
      seoTitle: 'Theirs',
      changedBy: editor.name,
      authors: [
        { id: author.id, label: 'Ada Byline' },
        { id: colleague.id, label: 'Ben Byline' },
      ],
    });
    expect(Date.parse(current!.changedAt!)).toBeGreaterThan(Date.now() - 60_000);
    await expect(getArticleDetailsSnapshot(a.id, await createUser('AUTHOR'))).rejects.toMatchObject({ code: 'forbidden' });

    const kept = await updateArticleDetails(a.id, details({ authorIds: [author.id], seoTitle: 'Mine', detailsVersion: current!.detailsVersion }), colleagueEditor);
    expect(kept.detailsVersion).toBe(3);
    expect(await storedDetails(a.id)).toMatchObject({ detailsVersion: 3, seoTitle: 'Mine', authors: [author.id] });
  });

  it('lets only one of two simultaneous saves from the same version through', async () => {
    const a = await createArticle({ status: 'PUBLISHED', authorIds: [author.id] });
    const results = await Promise.allSettled([
      updateArticleDetails(a.id, details({ authorIds: [author.id], seoTitle: 'One' }), editor),
      updateArticleDetails(a.id, details({ authorIds: [colleague.id], seoTitle: 'Two' }), colleagueEditor),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    const stored = await storedDetails(a.id);
    expect(stored.detailsVersion).toBe(2);
    // The byline belongs to the save that won, never a mix of both.
    expect(stored.seoTitle === 'One' ? [author.id] : [colleague.id]).toEqual(stored.authors);
  });

  it('never makes the writer’s next body save stale: details have their own version', async () => {
    const draft = await saveArticle({ intent: 'save', data: articleFormSchema.parse({ title: 'Pier reopens', body: 'First draft.' }) }, author);
    expect(draft.version).toBe(1);
    await updateArticleDetails(draft.id, details({ authorIds: [author.id, colleague.id], commentsOpen: false }), author);
    // The body autosave still names version 1, which the editor loaded before the details save.
    const next = await saveArticle({ id: draft.id, version: 1, intent: 'save', data: articleFormSchema.parse({ title: 'Pier reopens', body: 'Second draft.' }) }, author);
    expect(next.version).toBe(2);
    expect(await storedDetails(draft.id)).toMatchObject({ version: 2, detailsVersion: 2, commentsOpen: false, authors: [author.id, colleague.id] });
  });

  it('tells a writer with a stale pinned list who changed the details, rather than refusing the pin', async () => {
    const draft = await createArticle({ status: 'DRAFT', publishedAt: null, authorIds: [author.id] });
    const live = await createArticle({ status: 'PUBLISHED' });
    await updateArticleDetails(draft.id, details({ authorIds: [author.id], relatedIds: [live.id] }), editor);
    await expect(updateArticleDetails(draft.id, details({ authorIds: [author.id], seoTitle: 'Mine' }), author)).rejects.toMatchObject({ code: 'conflict' });
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
    const [pinA, pinB] = await Promise.all([
      createArticle({ title: 'Pinned A', status: 'PUBLISHED', publishedAt: new Date(Date.now() - 100 * hour) }),
      createArticle({ title: 'Pinned B', status: 'PUBLISHED', publishedAt: new Date(Date.now() - 200 * hour) }),
    ]);
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
