import { beforeAll, describe, expect, it } from 'vitest';
import { getArticleForEdit, getArticleSnapshot, saveArticle } from '@/lib/articles/mutations';
import { getPublishedArticleBySlug, listLatestArticles, listRelatedArticles } from '@/lib/articles/queries';
import { pageTags, pathTag } from '@/lib/cache';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema, type ArticleFormInput } from '@/lib/validation/articles';
import { createSection, createUser, unique } from '@/test/fixtures';
import { watchInvalidations } from '@/test/invalidations';

/** The editor form as the server action parses it. */
const form = (input: ArticleFormInput = { title: '' }) => articleFormSchema.parse({ body: 'First paragraph.\n\nSecond paragraph.', ...input, title: input.title || `Story ${unique()}` });

let author: StaffUser;
let otherAuthor: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  [author, otherAuthor, editor] = await Promise.all([createUser('AUTHOR', `Arthur Reporter ${unique()}`), createUser('AUTHOR'), createUser('EDITOR')]);
});

const storedArticle = (id: string) => db.article.findUniqueOrThrow({ where: { id }, select: { title: true, status: true, version: true } });

describe('drafts and publishing', () => {
  it("keeps an author's new article as a draft that readers cannot see", async () => {
    const title = `Council agrees budget ${unique()}`;
    const saved = await saveArticle({ intent: 'save', data: form({ title }) }, author);
    expect(saved).toMatchObject({ status: 'DRAFT', version: 1 });
    expect(saved.slug).toBe(title.toLowerCase().replaceAll(' ', '-'));
    expect(await getPublishedArticleBySlug(saved.slug)).toBeNull();
    expect((await listLatestArticles({ take: 1000 })).map((a) => a.id)).not.toContain(saved.id);
  });

  it('gives two articles with the same title different slugs', async () => {
    const title = `Same headline ${unique()}`;
    const a = await saveArticle({ intent: 'save', data: form({ title }) }, author);
    const b = await saveArticle({ intent: 'save', data: form({ title }) }, author);
    expect(b.slug).not.toBe(a.slug);
    expect(b.slug).toBe(`${a.slug}-2`);
  });

  it('refuses to let an author publish, and stores nothing of the attempt', async () => {
    const title = `Scoop ${unique()}`;
    const tag = `exclusive-${unique()}`;
    const attempt = saveArticle({ intent: 'publish', data: form({ title, tags: tag }) }, author);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.article.count({ where: { title } })).toBe(0);
    expect(await db.tag.count({ where: { name: tag } })).toBe(0);

    const draft = await saveArticle({ intent: 'save', data: form({ title }) }, author);
    await expect(saveArticle({ id: draft.id, version: draft.version, intent: 'publish', data: form({ title }) }, author)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await storedArticle(draft.id)).toMatchObject({ status: 'DRAFT', version: 1 });
    expect(await getPublishedArticleBySlug(draft.slug)).toBeNull();
  });

  it("lets an editor publish an author's draft, which readers then see with the author's byline", async () => {
    const section = await createSection();
    const tagName = `Transport ${unique()}`;
    const data = form({ title: `Tram line opens ${unique()}`, sectionId: section.id, tags: `${tagName}, ${tagName.toUpperCase()}` });
    const draft = await saveArticle({ intent: 'save', data }, author);

    const watch = await watchInvalidations();
    const published = await saveArticle({ id: draft.id, version: draft.version, intent: 'publish', data }, editor);
    expect(published).toMatchObject({ id: draft.id, slug: draft.slug, status: 'PUBLISHED', version: 2 });
    const tagSlug = tagName.toLowerCase().replace(' ', '-');
    const tag = await db.tag.findUniqueOrThrow({ where: { slug: tagSlug }, select: { id: true } });
    // Its page, the home page's lists, its section, tag and author listings, feeds and sitemaps.
    const expected = [
      pageTags.article(draft.id),
      pageTags.front,
      pageTags.latest,
      pageTags.section(section.id),
      pageTags.tag(tag.id),
      pageTags.author(author.id),
      pageTags.feeds,
      pageTags.sitemaps,
      pathTag(`/articles/${draft.slug}`),
    ];
    expect(watch.markedOf(expected)).toEqual(expected);

    const article = await getPublishedArticleBySlug(draft.slug);
    expect(article).toMatchObject({
      id: draft.id,
      title: data.title,
      bodyHtml: '<p>First paragraph.</p>\n<p>Second paragraph.</p>',
      section: { name: section.name, slug: section.slug },
      authors: [{ name: author.name, slug: author.slug, bio: null }],
      tags: [{ name: tagName, slug: tagSlug }],
      commentsOpen: true,
    });
    expect(article!.publishedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('lets an editor publish a new article directly, with the editor as byline', async () => {
    const saved = await saveArticle({ intent: 'publish', data: form() }, editor);
    expect(saved.status).toBe('PUBLISHED');
    expect((await getPublishedArticleBySlug(saved.slug))?.authors).toEqual([{ name: editor.name, slug: editor.slug, bio: null }]);
  });

  it('refuses to publish an empty body', async () => {
    await expect(saveArticle({ intent: 'publish', data: form({ title: `Empty ${unique()}`, body: ' \n\n ' }) }, editor)).rejects.toMatchObject({
      code: 'unprocessable',
      details: { body: [expect.any(String)] },
    });
  });

  it('refuses a section that does not exist', async () => {
    await expect(saveArticle({ intent: 'save', data: form({ title: 'x', sectionId: 'no-such-section' }) }, author)).rejects.toMatchObject({
      code: 'unprocessable',
      details: { sectionId: ['Choose a section from the list.'] },
    });
  });
});

describe('concurrent edits and history', () => {
  it('refuses a save made from a stale version instead of overwriting the newer one (no lost update)', async () => {
    const draft = await saveArticle({ intent: 'save', data: form({ title: `Original ${unique()}` }) }, author);
    // Two tabs load version 1; the second tab saves first.
    const secondTab = await saveArticle({ id: draft.id, version: 1, intent: 'save', data: form({ title: 'Saved from the second tab' }) }, author);
    expect(secondTab.version).toBe(2);

    const firstTab = saveArticle({ id: draft.id, version: 1, intent: 'save', data: form({ title: 'Saved from the first tab' }) }, author);
    await expect(firstTab).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/version 2.*version 1/) });
    expect(await storedArticle(draft.id)).toMatchObject({ title: 'Saved from the second tab', version: 2 });
    expect(await db.articleRevision.count({ where: { articleId: draft.id } })).toBe(2);

    // Reloading (version 2) and saving again works.
    const retry = await saveArticle({ id: draft.id, version: 2, intent: 'save', data: form({ title: 'Saved from the first tab' }) }, author);
    expect(retry.version).toBe(3);
    expect(await storedArticle(draft.id)).toMatchObject({ title: 'Saved from the first tab', version: 3 });
  });

  it('records a revision and an audit entry for every save', async () => {
    const created = await saveArticle({ intent: 'save', data: form({ title: 'Rev one' }) }, author);
    const saved = await saveArticle({ id: created.id, version: 1, intent: 'save', data: form({ title: 'Rev two', body: 'Changed body.' }) }, author);
    const submitted = await saveArticle({ id: created.id, version: saved.version, intent: 'submit', data: form({ title: 'Rev three' }) }, author);
    await saveArticle({ id: created.id, version: submitted.version, intent: 'publish', data: form({ title: 'Rev four' }) }, editor);

    const revisions = await db.articleRevision.findMany({
      where: { articleId: created.id },
      orderBy: { version: 'asc' },
      select: { version: true, title: true, status: true, authorId: true },
    });
    expect(revisions).toEqual([
      { version: 1, title: 'Rev one', status: 'DRAFT', authorId: author.id },
      { version: 2, title: 'Rev two', status: 'DRAFT', authorId: author.id },
      { version: 3, title: 'Rev three', status: 'IN_REVIEW', authorId: author.id },
      { version: 4, title: 'Rev four', status: 'PUBLISHED', authorId: editor.id },
    ]);
    const second = await db.articleRevision.findFirstOrThrow({ where: { articleId: created.id, version: 2 }, select: { bodyJson: true } });
    expect(second.bodyJson).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Changed body.' }] }] });

    const audit = await db.auditLog.findMany({ where: { entityType: 'article', entityId: created.id }, select: { action: true, actorId: true, summary: true, data: true } });
    // Order by the version each entry records (several saves can share a timestamp).
    const byVersion = audit.map((a) => ({ ...a, version: (a.data as { version?: number } | null)?.version ?? 1 })).sort((a, b) => a.version - b.version);
    expect(byVersion.map(({ action, actorId, summary, version }) => ({ action, actorId, summary, version }))).toEqual([
      { action: 'article.created', actorId: author.id, summary: 'Rev one', version: 1 },
      { action: 'article.updated', actorId: author.id, summary: 'Rev two', version: 2 },
      { action: 'article.submitted', actorId: author.id, summary: 'Rev three', version: 3 },
      { action: 'article.published', actorId: editor.id, summary: 'Rev four', version: 4 },
    ]);
  });

  it("does not let an author edit or open another author's article", async () => {
    const title = `Mine ${unique()}`;
    const draft = await saveArticle({ intent: 'save', data: form({ title }) }, author);
    await expect(saveArticle({ id: draft.id, version: 1, intent: 'save', data: form({ title: 'Hijacked' }) }, otherAuthor)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(getArticleForEdit(draft.id, otherAuthor)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await storedArticle(draft.id)).toMatchObject({ title, version: 1 });
    // Editors can open anyone's article.
    expect(await getArticleForEdit(draft.id, editor)).toMatchObject({ id: draft.id, title });
  });

  it('does not let an author change their article once it is published', async () => {
    const title = `Published ${unique()}`;
    const draft = await saveArticle({ intent: 'save', data: form({ title }) }, author);
    const published = await saveArticle({ id: draft.id, version: 1, intent: 'publish', data: form({ title }) }, editor);
    await expect(saveArticle({ id: draft.id, version: published.version, intent: 'save', data: form({ title: 'Quiet edit' }) }, author)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await storedArticle(draft.id)).toMatchObject({ title, status: 'PUBLISHED' });
  });
});

describe('rich-text body', () => {
  const richDoc = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Why it matters' }] },
      { type: 'paragraph', attrs: { onclick: 'alert(1)' }, content: [{ type: 'text', text: '<script>alert(1)</script>', marks: [{ type: 'bold' }] }] },
      { type: 'pullQuote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted' }] }] },
      { type: 'embed', attrs: { provider: 'vimeo', url: 'https://vimeo.com/76979871' } },
    ],
  };

  it('stores the editor document and renders its own sanitised HTML from it', async () => {
    const saved = await saveArticle({ intent: 'publish', data: form({ title: `Rich ${unique()}`, bodyJson: JSON.stringify(richDoc) }) }, editor);
    const row = await db.article.findUniqueOrThrow({ where: { id: saved.id }, select: { bodyJson: true, bodyHtml: true, wordCount: true } });
    expect(JSON.stringify(row.bodyJson)).not.toContain('onclick');
    expect(row.bodyHtml).toBe(
      [
        '<h2>Why it matters</h2>',
        '<p><strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong></p>',
        '<blockquote class="pull-quote"><p>Quoted</p></blockquote>',
        '<figure class="embed embed-video"><iframe src="https://player.vimeo.com/video/76979871" title="Vimeo video" loading="lazy" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" allow="encrypted-media; picture-in-picture; fullscreen" allowfullscreen referrerpolicy="strict-origin-when-cross-origin"></iframe><figcaption><a href="https://vimeo.com/76979871" rel="noopener nofollow">Watch on Vimeo</a></figcaption></figure>',
      ].join('\n'),
    );
    expect(row.wordCount).toBe(5);
  });

  it('refuses a document with unknown nodes before anything is stored', () => {
    const hostile = { type: 'doc', content: [{ type: 'rawHtml', html: '<script>alert(1)</script>' }] };
    expect(articleFormSchema.safeParse({ title: 'T', bodyJson: JSON.stringify(hostile) }).success).toBe(false);
  });

  it('refuses to publish an editor document with nothing in it', async () => {
    const empty = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] });
    await expect(saveArticle({ intent: 'publish', data: form({ title: `Empty ${unique()}`, bodyJson: empty }) }, editor)).rejects.toMatchObject({ code: 'unprocessable' });
  });

  it('shows the current copy for a conflict only to those who may open the article', async () => {
    const draft = await saveArticle({ intent: 'save', data: form({ title: `Snapshot ${unique()}`, tags: 'energy' }) }, author);
    const next = await saveArticle({ id: draft.id, version: 1, intent: 'save', data: form({ title: 'Second take', tags: 'energy' }) }, editor);
    expect(await getArticleSnapshot(draft.id, author)).toMatchObject({ version: next.version, title: 'Second take', tags: 'energy', status: 'DRAFT', savedBy: editor.name, heroImage: null });
    // A hero chosen by the other person is part of what the conflict view compares.
    const image = await db.media.create({
      data: { filename: 'pier.jpg', mimeType: 'image/jpeg', size: 1000, width: 1600, height: 900, alt: 'The pier at low tide', storageKey: `test/${unique()}.jpg` },
      select: { id: true },
    });
    await saveArticle({ id: draft.id, version: next.version, intent: 'save', data: form({ title: 'Second take', tags: 'energy', heroImageId: image.id }) }, editor);
    expect((await getArticleSnapshot(draft.id, author))?.heroImage).toMatchObject({ id: image.id, alt: 'The pier at low tide', filename: 'pier.jpg', thumbnailUrl: expect.stringContaining('/') });
    await expect(getArticleSnapshot(draft.id, otherAuthor)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await getArticleSnapshot('no-such-article', editor)).toBeNull();
  });
});

describe('public lists', () => {
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

  it('lists the latest published articles newest first, leaving out the given one, drafts and future-dated ones', async () => {
    const [oldest, middle, newest, future] = await Promise.all([1, 2, 3, 4].map(() => saveArticle({ intent: 'publish', data: form() }, editor)));
    const draft = await saveArticle({ intent: 'save', data: form() }, author);
    await db.article.update({ where: { id: oldest!.id }, data: { publishedAt: hoursAgo(30) } });
    await db.article.update({ where: { id: middle!.id }, data: { publishedAt: hoursAgo(20) } });
    const newestAt = hoursAgo(10);
    await db.article.update({ where: { id: newest!.id }, data: { publishedAt: newestAt } });
    await db.article.update({ where: { id: future!.id }, data: { publishedAt: hoursAgo(-24) } });
    const ours = new Set([oldest!.id, middle!.id, newest!.id, future!.id, draft.id]);
    const listed = async (opts: Parameters<typeof listLatestArticles>[0]) => (await listLatestArticles(opts)).map((a) => a.id).filter((id) => ours.has(id));

    expect(await listed({ take: 1000 })).toEqual([newest!.id, middle!.id, oldest!.id]);
    expect(await listed({ take: 1000, excludeId: middle!.id })).toEqual([newest!.id, oldest!.id]);
    expect(await listLatestArticles({ take: 2 })).toHaveLength(2);

    const card = (await listLatestArticles({ take: 1000 })).find((a) => a.id === newest!.id);
    expect(card).toMatchObject({ slug: newest!.slug, authors: [{ name: editor.name, slug: editor.slug }] });
    expect(card!.publishedAt).toEqual(newestAt);
  });

  it('ranks related articles by shared tags, then section, and never returns the article itself', async () => {
    const section = await createSection();
    const [tagA, tagB] = [`Alpha ${unique()}`, `Beta ${unique()}`];
    const publish = (input: Partial<ArticleFormInput>) => saveArticle({ intent: 'publish', data: form({ title: '', ...input }) }, editor);

    const main = await publish({ tags: `${tagA}, ${tagB}`, sectionId: section.id });
    const twoTags = await publish({ tags: `${tagB}, ${tagA}` });
    const oneTag = await publish({ tags: tagA });
    const sectionOnly = await publish({ sectionId: section.id });
    await publish({ tags: `Unrelated ${unique()}` });
    await saveArticle({ intent: 'save', data: form({ title: 'Draft sharing both tags', tags: `${tagA}, ${tagB}`, sectionId: section.id }) }, author);
    // Sharing more tags outweighs being a few days newer.
    await db.article.update({ where: { id: twoTags.id }, data: { publishedAt: hoursAgo(24 * 10) } });

    const article = await getPublishedArticleBySlug(main.slug);
    const related = await listRelatedArticles(article!);
    expect(related.map((a) => a.id)).toEqual([twoTags.id, oneTag.id, sectionOnly.id]);
    expect((await listRelatedArticles(article!, 2)).map((a) => a.id)).toEqual([twoTags.id, oneTag.id]);
  });

  it('finds no related articles for an article without tags or section', async () => {
    const lonely = await saveArticle({ intent: 'publish', data: form() }, editor);
    expect(await listRelatedArticles({ id: lonely.id, sectionId: null, tags: [] })).toEqual([]);
  });
});
