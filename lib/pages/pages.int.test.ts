import { beforeAll, describe, expect, it } from 'vitest';
import { pageTags, pathTag } from '@/lib/cache';
import { db } from '@/lib/db';
import { deletePage, getPageSnapshot, restorePageRevision, savePage } from '@/lib/pages/mutations';
import { getPublishedPageBySlug, listPublishedPages } from '@/lib/pages/queries';
import { publishDuePages } from '@/lib/pages/scheduler';
import { getApiPage, listApiPages } from '@/lib/pages/content-api';
import { renderChildSitemapXml } from '@/lib/seo/sitemaps';
import type { StaffUser } from '@/lib/users';
import { pageFormSchema } from '@/lib/validation/static-pages';
import { createUser, unique } from '@/test/fixtures';
import { watchInvalidations } from '@/test/invalidations';

let editor: StaffUser;
let author: StaffUser;

beforeAll(async () => {
  [editor, author] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR')]);
});

const form = (title: string, extra: Record<string, string> = {}) => pageFormSchema.parse({ title, body: 'We report on the coast.\n\nWrite to us.', ...extra });

describe('pages', () => {
  it('an editor creates a draft, publishes it and it is public at its slug; every save is a revision', async () => {
    const slug = `about-${unique()}`;
    const draft = await savePage({ intent: 'save', data: form('About us', { slug }) }, editor);
    expect(draft).toMatchObject({ slug, status: 'DRAFT', version: 1 });
    expect(await getPublishedPageBySlug(slug)).toBeNull();

    const watch = await watchInvalidations();
    const live = await savePage({ id: draft.id, version: 1, intent: 'publish', data: form('About us', { slug }) }, editor);
    expect(live).toMatchObject({ status: 'PUBLISHED', version: 2 });
    expect(watch.markedOf([pageTags.page(draft.id), pathTag(`/${slug}`), pageTags.sitemaps])).toHaveLength(3);
    expect((await getPublishedPageBySlug(slug))?.bodyHtml).toContain('<p>We report on the coast.</p>');
    expect((await listPublishedPages()).map((p) => p.slug)).toContain(slug);
    expect(await renderChildSitemapXml('pages.xml')).toContain(`/${slug}</loc>`);
    expect((await getApiPage(slug)).data).toMatchObject({ slug, url: `/${slug}`, title: 'About us' });
    expect((await listApiPages()).data.map((p) => p.slug)).toContain(slug);
    expect(await db.pageRevision.count({ where: { pageId: draft.id } })).toBe(2);

    await savePage({ id: draft.id, version: 2, intent: 'unpublish', data: form('About us', { slug }) }, editor);
    expect(await getPublishedPageBySlug(slug)).toBeNull();
    await expect(getApiPage(slug)).rejects.toMatchObject({ code: 'not_found' });
    expect(await renderChildSitemapXml('pages.xml')).not.toContain(`/${slug}</loc>`);
  });

  it('refuses a save made on an older version, and the snapshot shows what is saved now', async () => {
    const first = await savePage({ intent: 'save', data: form(`Terms ${unique()}`) }, editor);
    await savePage({ id: first.id, version: 1, intent: 'save', data: form('Terms, revised') }, editor);
    await expect(savePage({ id: first.id, version: 1, intent: 'save', data: form('Terms, mine') }, editor)).rejects.toMatchObject({ code: 'conflict' });
    const snapshot = await getPageSnapshot(first.id, editor);
    expect(snapshot).toMatchObject({ version: 2, title: 'Terms, revised', savedBy: editor.name });
  });

  it('restores an earlier revision as a new version, and refuses a stale restore', async () => {
    const v1 = await savePage({ intent: 'publish', data: form(`Ethics ${unique()}`) }, editor);
    const v2 = await savePage({ id: v1.id, version: 1, intent: 'save', data: form('Ethics, rewritten', { slug: v1.slug }) }, editor);
    const first = await db.pageRevision.findFirstOrThrow({ where: { pageId: v1.id, version: 1 }, select: { id: true, title: true } });
    await expect(restorePageRevision(v1.id, first.id, 1, editor)).rejects.toMatchObject({ code: 'conflict' });
    const watch = await watchInvalidations();
    const restored = await restorePageRevision(v1.id, first.id, v2.version, editor);
    expect(restored).toMatchObject({ version: 3, status: 'PUBLISHED', slug: v1.slug });
    expect(watch.marked(pageTags.page(v1.id))).toBe(true);
    expect((await getPublishedPageBySlug(v1.slug))?.title).toBe(first.title);
  });

  it('refuses reserved and taken slugs with a message, and makes a free slug from the title', async () => {
    await expect(savePage({ intent: 'save', data: { ...form('Search'), slug: 'search' } }, editor)).rejects.toMatchObject({
      code: 'unprocessable',
      details: { slug: [expect.stringContaining('"/search" is one of the site')] },
    });
    const a = await savePage({ intent: 'save', data: form('Contact', { slug: `contact-${unique()}` }) }, editor);
    await expect(savePage({ intent: 'save', data: form('Contact', { slug: a.slug }) }, editor)).rejects.toMatchObject({ code: 'conflict' });
    // A title that is a reserved name still gets a usable address.
    const search = await savePage({ intent: 'save', data: form('Search') }, editor);
    expect(search.slug).not.toBe('search');
    expect(search.slug).toMatch(/^search-/);
  });

  it('a page an import creates remembers its source and original id', async () => {
    const page = await savePage({ intent: 'save', data: form(`Imported ${unique()}`), imported: { source: 'wordpress', id: `wp-${unique()}` } }, editor);
    expect(await db.page.findUnique({ where: { id: page.id }, select: { importSource: true } })).toEqual({ importSource: 'wordpress' });
  });

  it('only editors and admins manage pages', async () => {
    await expect(savePage({ intent: 'save', data: form('Mine') }, author)).rejects.toMatchObject({ code: 'forbidden' });
    const page = await savePage({ intent: 'save', data: form(`Old ${unique()}`) }, editor);
    await expect(deletePage(page.id, author)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('schedules a page, which the scheduler publishes once its time comes', async () => {
    const page = await savePage({ intent: 'save', data: form(`Corrections ${unique()}`) }, editor);
    const at = new Date(Date.now() + 60_000);
    const scheduled = await savePage({ id: page.id, version: 1, intent: 'schedule', scheduledAt: at, data: form('Corrections policy') }, editor);
    expect(scheduled).toMatchObject({ status: 'SCHEDULED', scheduledAt: at });
    await expect(savePage({ id: page.id, version: 2, intent: 'schedule', scheduledAt: new Date(Date.now() - 1000), data: form('Corrections policy') }, editor)).rejects.toMatchObject({
      code: 'unprocessable',
    });
    expect(await publishDuePages(new Date())).not.toContainEqual(expect.objectContaining({ id: page.id }));
    const published = await publishDuePages(new Date(at.getTime() + 1));
    expect(published).toContainEqual({ id: page.id, slug: page.slug });
    expect(await db.page.findUnique({ where: { id: page.id }, select: { status: true, publishedAt: true } })).toEqual({ status: 'PUBLISHED', publishedAt: at });
  });

  it('deleting a page removes it and its revisions', async () => {
    const page = await savePage({ intent: 'publish', data: form(`Gone ${unique()}`) }, editor);
    const watch = await watchInvalidations();
    await deletePage(page.id, editor);
    expect(watch.marked(pageTags.page(page.id))).toBe(true);
    expect(await db.pageRevision.count({ where: { pageId: page.id } })).toBe(0);
  });
});
