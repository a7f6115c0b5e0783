import { beforeAll, describe, expect, it } from 'vitest';
import { pageTags } from '@/lib/cache';
import { db } from '@/lib/db';
import { getMenusForEdit, getPublicMenu, saveMenu } from '@/lib/menus';
import { savePage } from '@/lib/pages/mutations';
import { mergeTags, updateTag } from '@/lib/tags';
import type { StaffUser } from '@/lib/users';
import { saveMenuSchema, type SaveMenuInput } from '@/lib/validation/menus';
import { pageFormSchema } from '@/lib/validation/static-pages';
import { createSection, createTag, createUser, unique } from '@/test/fixtures';
import { watchInvalidations } from '@/test/invalidations';

let editor: StaffUser;
let author: StaffUser;

beforeAll(async () => {
  [editor, author] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR')]);
});

const currentVersion = async (location: 'header' | 'footer') => (await getMenusForEdit(editor))[location].version;
const input = (location: 'header' | 'footer', version: number, items: unknown[]): SaveMenuInput => saveMenuSchema.parse({ location, version, items });

describe('menus', () => {
  it('saves a header menu of sections, pages, tags and addresses with sub-links, and readers get their addresses', async () => {
    const [world, europe] = [await createSection('World'), await createTag('Europe')];
    const about = await savePage({ intent: 'publish', data: pageFormSchema.parse({ title: 'About', slug: `about-${unique()}`, body: 'Who we are.' }) }, editor);
    const version = await currentVersion('header');
    const watch = await watchInvalidations();
    const saved = await saveMenu(
      input('header', version, [
        { label: 'World', kind: 'section', targetId: world.id, children: [{ label: 'Europe', kind: 'tag', targetId: europe.id }] },
        { label: 'About us', kind: 'page', targetId: about.id },
        { label: 'Shop', kind: 'url', url: 'https://shop.example/' },
      ]),
      editor,
    );
    expect(saved.version).toBe(version + 1);
    // Exactly the pages showing the header: not the footer's.
    expect(watch.marked(pageTags.menu('header'))).toBe(true);
    expect(watch.marked(pageTags.menu('footer'))).toBe(false);
    expect(await getPublicMenu('header')).toEqual([
      { label: 'World', href: `/sections/${world.slug}`, children: [{ label: 'Europe', href: `/tags/${europe.slug}` }] },
      { label: 'About us', href: `/${about.slug}`, children: [] },
      { label: 'Shop', href: 'https://shop.example/', children: [] },
    ]);
    const edit = (await getMenusForEdit(editor)).header;
    expect(edit.items.map((i) => [i.label, i.children.map((c) => c.label)])).toEqual([
      ['World', ['Europe']],
      ['About us', []],
      ['Shop', []],
    ]);

    // The page leaves the menu while unpublished; its change refreshes the menu's pages.
    const pageWatch = await watchInvalidations();
    await savePage({ id: about.id, version: about.version, intent: 'unpublish', data: pageFormSchema.parse({ title: 'About', slug: about.slug, body: 'Who we are.' }) }, editor);
    expect(pageWatch.marked(pageTags.menu('header'))).toBe(true);
    expect((await getPublicMenu('header', new Date()))?.map((l) => l.label)).toEqual(['World', 'Shop']);
  });

  it('a link without a label shows the name of what it opens, and follows a rename', async () => {
    const [section, tag] = [await createSection('Weather'), await createTag('Storms')];
    await saveMenu(input('footer', await currentVersion('footer'), [{ kind: 'section', targetId: section.id, children: [{ kind: 'tag', targetId: tag.id }] }]), editor);
    expect(await getPublicMenu('footer')).toEqual([{ label: 'Weather', href: `/sections/${section.slug}`, children: [{ label: 'Storms', href: `/tags/${tag.slug}` }] }]);
    const watch = await watchInvalidations();
    await updateTag({ id: tag.id, name: 'Gales', description: null }, editor);
    expect(watch.marked(pageTags.menu('footer'))).toBe(true);
    expect(watch.marked(pageTags.menu('header'))).toBe(false);
    expect((await getPublicMenu('footer'))?.[0]?.children[0]?.label).toBe('Gales');

    // Merged into another tag: the link follows the surviving tag instead of disappearing.
    const into = await createTag('Weather warnings');
    const mergeWatch = await watchInvalidations();
    await mergeTags(tag.id, into.id, editor);
    expect(mergeWatch.marked(pageTags.menu('footer'))).toBe(true);
    expect((await getPublicMenu('footer'))?.[0]?.children).toEqual([{ label: 'Weather warnings', href: `/tags/${into.slug}` }]);
  });

  it('refuses a save made on an older version, and changes nothing', async () => {
    const section = await createSection();
    const version = await currentVersion('footer');
    await saveMenu(input('footer', version, [{ label: 'One', kind: 'section', targetId: section.id }]), editor);
    await expect(saveMenu(input('footer', version, [{ label: 'Two', kind: 'section', targetId: section.id }]), editor)).rejects.toMatchObject({ code: 'conflict' });
    expect((await getMenusForEdit(editor)).footer.items.map((i) => i.label)).toEqual(['One']);
  });

  it('refuses links to things that do not exist, a second level of nesting and non-editors', async () => {
    const version = await currentVersion('footer');
    await expect(saveMenu(input('footer', version, [{ label: 'Ghost', kind: 'page', targetId: 'no-such-page' }]), editor)).rejects.toMatchObject({
      code: 'unprocessable',
      message: '“Ghost” links to a page that no longer exists; choose another.',
    });
    const deep = saveMenuSchema.safeParse({
      location: 'footer',
      version,
      items: [{ label: 'A', kind: 'url', url: '/a', children: [{ label: 'B', kind: 'url', url: '/b', children: [{ label: 'C', kind: 'url', url: '/c' }] }] }],
    });
    expect(deep.success).toBe(false);
    await expect(saveMenu(input('footer', version, []), author)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await currentVersion('footer')).toBe(version);
  });

  it('drops a link whose section is deleted, and an import marks the menu it brought in', async () => {
    const section = await createSection();
    const version = await currentVersion('footer');
    await saveMenu({ ...input('footer', version, [{ label: 'Temporary', kind: 'section', targetId: section.id }]), importSource: 'wordpress', importId: 'menu-7' }, editor);
    expect(await db.menu.findUnique({ where: { location: 'footer' }, select: { importSource: true, importId: true } })).toEqual({ importSource: 'wordpress', importId: 'menu-7' });
    await db.section.delete({ where: { id: section.id } });
    expect((await getMenusForEdit(editor)).footer.items).toEqual([]);
  });
});
