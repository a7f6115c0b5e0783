import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getMenusForEdit, getPublicMenu, saveMenu } from '@/lib/menus';
import type { StaffUser } from '@/lib/users';
import { createUser } from '@/test/fixtures';
import { FIXTURES, importAs } from '@/test/helpers/import-run';

// Ghost's navigation (settings `navigation`) and secondary navigation (`secondary_navigation`)
// become the header and footer menus, their links pointing at what the import made of the tags
// and pages they named; an editor's own menu is never overwritten, and a re-import changes nothing.

const file = path.join(FIXTURES, 'ghost-5.json');
let admin: StaffUser;

beforeAll(async () => {
  admin = await createUser('ADMIN');
  // This file starts from a site without menus and without another /about (other files of the
  // run share the database and may have made them).
  await db.importItem.deleteMany({ where: { source: 'ghost', kind: { in: ['menu', 'page'] } } });
  await db.menu.deleteMany({});
  await db.page.deleteMany({ where: { slug: 'about' } });
});

// Leave the other files of the run no menus and no imported /about of this file's making.
afterAll(async () => {
  await db.menu.deleteMany({});
  await db.page.deleteMany({ where: { importSource: 'ghost' } });
  await db.importItem.deleteMany({ where: { source: 'ghost', kind: { in: ['menu', 'page'] } } });
});

describe('Ghost menus', () => {
  it('makes the header of the primary navigation and leaves an editor’s footer alone', async () => {
    const editors = await saveMenu({ location: 'footer', version: 0, items: [{ label: 'Contact', kind: 'url', targetId: null, url: '/contact', children: [] }] }, admin);
    const report = await importAs(admin, { source: 'ghost', file, siteUrl: 'https://coast-news.example', dryRun: false });

    expect(report.kinds.menu).toMatchObject({ imported: 1, skipped: 1 });
    expect(report.kinds.menu?.skips[0]).toMatchObject({ id: 'secondary_navigation', reason: 'The footer menu was changed in Broadsheet; it was left as it is.' });

    const weather = await db.tag.findUniqueOrThrow({ where: { slug: 'weather' }, select: { id: true } });
    const about = await db.page.findFirstOrThrow({ where: { importSource: 'ghost', slug: 'about' }, select: { id: true } });
    const menus = await getMenusForEdit(admin);
    expect(menus.header.items.map((i) => [i.label, i.kind, i.targetId, i.url])).toEqual([
      ['Home', 'url', '', '/'],
      ['Weather', 'tag', weather.id, ''],
      ['About', 'page', about.id, ''],
    ]);
    expect(await db.menu.findUnique({ where: { location: 'header' }, select: { importSource: true, importId: true } })).toEqual({ importSource: 'ghost', importId: 'navigation' });
    expect(menus.footer).toMatchObject({ version: editors.version, items: [{ label: 'Contact', url: '/contact' }] });

    // Readers get the links at Broadsheet's addresses.
    expect((await getPublicMenu('header'))?.map((l) => [l.label, l.href])).toEqual([
      ['Home', '/'],
      ['Weather', '/tags/weather'],
      ['About', '/about'],
    ]);
  });

  it('fills the footer from the secondary navigation when it is free, and a re-import changes nothing', async () => {
    await db.menu.delete({ where: { location: 'footer' } });
    const first = await importAs(admin, { source: 'ghost', file, siteUrl: 'https://coast-news.example', dryRun: false });
    expect(first.kinds.menu).toMatchObject({ unchanged: 1, imported: 1 });
    const footer = await db.menu.findUniqueOrThrow({ where: { location: 'footer' }, select: { version: true, items: { orderBy: { position: 'asc' }, select: { label: true, url: true } } } });
    // The old site's own address became a path here; another site's stays as it was.
    expect(footer.items).toEqual([
      { label: 'Data & privacy', url: '/privacy/' },
      { label: 'Ghost', url: 'https://ghost.org' },
    ]);

    const again = await importAs(admin, { source: 'ghost', file, siteUrl: 'https://coast-news.example', dryRun: false });
    expect(again.kinds.menu).toMatchObject({ unchanged: 2 });
    expect((await db.menu.findUniqueOrThrow({ where: { location: 'footer' }, select: { version: true } })).version).toBe(footer.version);
  });

  it('leaves a menu it made alone once an editor has changed it', async () => {
    const header = (await getMenusForEdit(admin)).header;
    await saveMenu({ location: 'header', version: header.version, items: [{ label: 'Front', kind: 'url', targetId: null, url: '/', children: [] }] }, admin);
    // A changed export (another fingerprint) would update the menu, but an editor's change wins.
    await db.importItem.updateMany({ where: { source: 'ghost', kind: 'menu', originalId: 'navigation' }, data: { fingerprint: 'older' } });
    const report = await importAs(admin, { source: 'ghost', file, siteUrl: 'https://coast-news.example', dryRun: false });
    expect(report.kinds.menu?.skips.map((s) => s.reason)).toEqual(['The header menu was changed in Broadsheet; it was left as it is.']);
    expect((await getPublicMenu('header'))?.map((l) => l.label)).toEqual(['Front']);
  });
});
