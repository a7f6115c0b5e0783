import { beforeAll, describe, expect, it } from 'vitest';
import { createAdSlot, deleteAdSlot, updateAdSlot } from '@/lib/ads/admin';
import { changeArticleSlug } from '@/lib/articles/slug';
import { restoreRevision } from '@/lib/articles/revisions';
import { saveArticle } from '@/lib/articles/mutations';
import { pageTags, pathTag } from '@/lib/cache';
import { moderateComment } from '@/lib/comments';
import { editComment, replyAsStaff } from '@/lib/comments/moderation';
import { eraseCommenterData } from '@/lib/comments/privacy';
import { db } from '@/lib/db';
import { createSection, moveSection, updateSection } from '@/lib/sections/admin';
import { saveCommentSettings, getCommentSettings } from '@/lib/settings/comments';
import { getSiteSettings } from '@/lib/settings';
import { saveSiteSettings } from '@/lib/settings/site';
import { mergeTags, updateTag } from '@/lib/tags';
import { updateOwnProfile } from '@/lib/users/admin';
import type { StaffUser } from '@/lib/users';
import { adSlotFormSchema } from '@/lib/validation/ads';
import { articleFormSchema } from '@/lib/validation/articles';
import { createArticle, createSection as makeSection, createTag, createUser, unique } from '@/test/fixtures';
import { watchInvalidations } from '@/test/invalidations';

// Every domain mutation refreshes the cached public pages it changed, by itself: no caller
// (server action, API, scheduler) decides. Each test fails if a mutation forgets a tag.
const EVERY_PAGE = pathTag('/layout');

let admin: StaffUser;
let editor: StaffUser;
let author: StaffUser;

beforeAll(async () => {
  [admin, editor, author] = await Promise.all([createUser('ADMIN'), createUser('EDITOR'), createUser('AUTHOR')]);
});

const comment = (articleId: string, status: 'PENDING' | 'APPROVED', email = `reader-${unique()}@example.com`) =>
  db.comment.create({ data: { articleId, authorName: 'Reader', authorEmail: email, body: 'A comment.', status }, select: { id: true } });

describe('sections', () => {
  it('renaming a section refreshes its listing and the navigation on every page, feed and sitemap', async () => {
    const section = await makeSection();
    const watch = await watchInvalidations();
    await updateSection({ id: section.id, name: `Renamed ${unique()}`, description: null }, editor);
    expect(watch.markedOf([pageTags.section(section.id), EVERY_PAGE, pageTags.feeds, pageTags.sitemaps])).toHaveLength(4);
  });

  it('adding and moving a section refresh the navigation; a move that changes nothing refreshes nothing', async () => {
    let watch = await watchInvalidations();
    const { id } = await createSection({ name: `New ${unique()}`, slug: `new-${unique()}`, description: null }, editor);
    expect(watch.markedOf([EVERY_PAGE, pageTags.section(id), pageTags.sitemaps])).toHaveLength(3);

    watch = await watchInvalidations();
    await moveSection(id, 'up', editor);
    expect(watch.marked(EVERY_PAGE)).toBe(true);

    // Already last: nothing moves.
    const last = await db.section.findFirstOrThrow({ orderBy: [{ position: 'desc' }, { name: 'desc' }], select: { id: true } });
    watch = await watchInvalidations();
    await moveSection(last.id, 'down', editor);
    expect(watch.marked(EVERY_PAGE)).toBe(false);
  });
});

describe('tags', () => {
  it('renaming a tag refreshes its listing and the pages of published articles showing it, not drafts', async () => {
    const tag = await createTag();
    const [live, draft] = await Promise.all([createArticle({ tagIds: [tag.id] }), createArticle({ tagIds: [tag.id], status: 'DRAFT' })]);
    const watch = await watchInvalidations();
    await updateTag({ id: tag.id, name: `Renamed ${unique()}`, description: null }, editor);
    expect(watch.markedOf([pageTags.tag(tag.id), pageTags.article(live.id)])).toHaveLength(2);
    expect(watch.marked(pageTags.article(draft.id))).toBe(false);
  });

  it('merging refreshes both listings, the moved articles, the old address and the tags sitemap', async () => {
    const [from, into] = await Promise.all([createTag(), createTag()]);
    const a = await createArticle({ tagIds: [from.id] });
    const watch = await watchInvalidations();
    await mergeTags(from.id, into.id, editor);
    const expected = [pageTags.tag(from.id), pageTags.tag(into.id), pageTags.article(a.id), pathTag(`/tags/${from.slug}`), pageTags.sitemaps];
    expect(watch.markedOf(expected)).toEqual(expected);
  });
});

describe('comments', () => {
  it('approving a comment refreshes the pages showing its article; pending ones do not touch readers’ pages', async () => {
    const a = await createArticle({});
    const c = await comment(a.id, 'PENDING');
    let watch = await watchInvalidations();
    await moderateComment(c.id, 'trash', editor);
    expect(watch.marked(pageTags.article(a.id))).toBe(false);

    await moderateComment(c.id, 'unapprove', editor);
    watch = await watchInvalidations();
    await moderateComment(c.id, 'approve', editor);
    expect(watch.marked(pageTags.article(a.id))).toBe(true);
    // A comment does not change listings.
    expect(watch.marked(pageTags.latest)).toBe(false);
  });

  it('editing an approved comment, replying as staff and erasing a commenter refresh the article', async () => {
    const [a, b] = await Promise.all([createArticle({}), createArticle({})]);
    const email = `erase-${unique()}@example.com`;
    const [approved, pending] = await Promise.all([comment(a.id, 'APPROVED', email), comment(b.id, 'PENDING', email)]);

    let watch = await watchInvalidations();
    await editComment(pending.id, { body: 'Edited while pending.', name: 'Reader', website: undefined }, editor);
    expect(watch.marked(pageTags.article(b.id))).toBe(false);
    await editComment(approved.id, { body: 'Edited.', name: 'Reader', website: undefined }, editor);
    expect(watch.marked(pageTags.article(a.id))).toBe(true);

    watch = await watchInvalidations();
    await replyAsStaff(approved.id, 'Thanks for reading.', editor);
    expect(watch.marked(pageTags.article(a.id))).toBe(true);

    watch = await watchInvalidations();
    await eraseCommenterData(email, admin);
    expect(watch.marked(pageTags.article(a.id))).toBe(true);
    expect(watch.marked(pageTags.article(b.id))).toBe(false);
  });
});

describe('articles', () => {
  it('changing a published article’s slug refreshes both addresses and its listings; a draft’s only its addresses', async () => {
    const section = await makeSection();
    const live = await createArticle({ sectionId: section.id });
    let watch = await watchInvalidations();
    const slug = `moved-${unique()}`;
    await changeArticleSlug(live.id, slug, editor);
    expect(watch.markedOf([pathTag(`/articles/${live.slug}`), pathTag(`/articles/${slug}`), pageTags.article(live.id), pageTags.section(section.id)])).toHaveLength(4);

    const draft = await createArticle({ status: 'DRAFT', sectionId: section.id });
    watch = await watchInvalidations();
    const draftSlug = `draft-${unique()}`;
    await changeArticleSlug(draft.id, draftSlug, editor);
    expect(watch.markedOf([pathTag(`/articles/${draft.slug}`), pathTag(`/articles/${draftSlug}`)])).toHaveLength(2);
    expect(watch.marked(pageTags.section(section.id))).toBe(false);
  });

  it('restoring a revision of a published article refreshes its pages; saving a draft refreshes nothing', async () => {
    const data = articleFormSchema.parse({ title: `Revised ${unique()}`, standfirst: '', body: 'First.', sectionId: '', tags: '' });
    const draft = await saveArticle({ intent: 'save', data }, editor);
    let watch = await watchInvalidations();
    const saved = await saveArticle({ id: draft.id, version: draft.version, intent: 'save', data: { ...data, body: 'Second.' } }, editor);
    expect(watch.marked(pageTags.article(draft.id))).toBe(false);
    const published = await saveArticle({ id: draft.id, version: saved.version, intent: 'publish', data }, editor);
    const first = await db.articleRevision.findFirstOrThrow({ where: { articleId: draft.id, version: 1 }, select: { id: true } });
    watch = await watchInvalidations();
    await restoreRevision(draft.id, first.id, published.version, editor);
    expect(watch.markedOf([pageTags.article(draft.id), pageTags.front])).toHaveLength(2);
  });
});

describe('settings, ads and bylines', () => {
  it('site and comment settings refresh every page', async () => {
    const site = await getSiteSettings();
    let watch = await watchInvalidations();
    await saveSiteSettings({ name: site.name, timeZone: site.timeZone, city: site.weather.city, latitude: site.weather.latitude, longitude: site.weather.longitude }, admin);
    expect(watch.markedOf([EVERY_PAGE, pageTags.feeds])).toHaveLength(2);

    watch = await watchInvalidations();
    await saveCommentSettings(await getCommentSettings(), admin);
    expect(watch.marked(EVERY_PAGE)).toBe(true);
  });

  it('creating, changing and deleting an ad slot refresh the pages with ad slots', async () => {
    const input = adSlotFormSchema.parse({ name: `Slot ${unique()}`, placement: 'SIDEBAR', creativeType: 'html', html: '<p>Ad</p>', width: '300', height: '250', active: 'on' });
    let watch = await watchInvalidations();
    const slot = await createAdSlot(input, admin, 'Europe/London');
    expect(watch.marked(pageTags.ads)).toBe(true);
    watch = await watchInvalidations();
    await updateAdSlot(slot.id, { ...input, name: `Renamed ${unique()}` }, admin, 'Europe/London');
    expect(watch.marked(pageTags.ads)).toBe(true);
    watch = await watchInvalidations();
    await deleteAdSlot(slot.id, admin);
    expect(watch.marked(pageTags.ads)).toBe(true);
  });

  it('a byline’s new name refreshes their author page and every published story carrying it', async () => {
    const a = await createArticle({ authorIds: [author.id] });
    const watch = await watchInvalidations();
    await updateOwnProfile(author, { name: `Renamed ${unique()}`, bio: 'Covers the courts.' });
    expect(watch.markedOf([pageTags.author(author.id), pageTags.article(a.id)])).toHaveLength(2);
  });
});
