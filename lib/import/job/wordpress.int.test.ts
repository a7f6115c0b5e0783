import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { LocalDiskDriver } from '@/lib/media/storage';
import { setStorageForTests } from '@/lib/media/driver';
import { findRedirect } from '@/lib/redirects';
import type { StaffUser } from '@/lib/users';
import { createUser, unique } from '@/test/fixtures';
import { FIXTURES, importAs, makeMediaDir } from '@/test/helpers/import-run';

// One WordPress export imported as a newsroom would: a dry run, the import, the same file again,
// then an edited export. Steps run in order and build on each other.

const WXR = path.join(FIXTURES, 'wxr-1.2.xml');
/** This file's own ledger: other files of the run import WordPress exports too. */
const LEDGER = `wordpress-${unique()}`;
const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-import-media-'));
let admin: StaffUser;
let mediaDir: string;

beforeAll(async () => {
  setStorageForTests(new LocalDiskDriver(storage));
  admin = await createUser('ADMIN');
  mediaDir = await makeMediaDir(['2019/03/harbour.jpg', '2019/03/ferry-deck.jpg']);
  // The export's menu becomes the header only where no one has edited the header in Broadsheet:
  // start from a site without menus, whatever earlier files of the run did to them.
  await db.menu.deleteMany({});
});
afterAll(() => {
  setStorageForTests(undefined);
  fs.rmSync(storage, { recursive: true, force: true });
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

const article = (slug: string) =>
  db.article.findUniqueOrThrow({
    where: { slug },
    include: { authors: { orderBy: { position: 'asc' }, include: { user: true } }, tags: { include: { tag: true } }, section: true, heroImage: true },
  });

describe('importing a WordPress export', () => {
  it('a dry run reports what would happen and writes nothing', async () => {
    const report = await importAs(admin, { source: 'wordpress', ledger: LEDGER, file: WXR, dryRun: true, mediaDir });
    // The trashed post is the one skip.
    expect(report.kinds.post).toMatchObject({ imported: 13, skipped: 1 });
    expect(report.kinds.comment).toMatchObject({ imported: 6, skipped: 2 });
    expect(report.drafted.map((d) => d.id)).toEqual(['106', '107']);
    expect(await db.importItem.count({ where: { source: LEDGER } })).toBe(0);
    expect(await db.article.count({ where: { slug: { in: ['harbour-ferries-return', 'gutenberg-blocks', 'lost-photo'] } } })).toBe(0);
    expect(await db.user.count({ where: { email: { endsWith: '@harbour-gazette.example' } } })).toBe(0);
  });

  it('imports posts with their status, dates, standfirst, hero, sticky flag, section, tags and bylines', async () => {
    const report = await importAs(admin, { source: 'wordpress', ledger: LEDGER, file: WXR, mediaDir });
    expect(report.kinds.post).toMatchObject({ imported: 13, updated: 0, skipped: 1 });
    expect(report.kinds.user).toMatchObject({ imported: 3 });
    expect(report.kinds.section).toMatchObject({ imported: 5 });
    const a = await article('harbour-ferries-return');
    expect(a).toMatchObject({ status: 'PUBLISHED', sticky: true, title: 'Harbour ferries return' });
    expect(a.publishedAt?.toISOString()).toBe('2019-03-14T08:30:00.000Z');
    expect(a.standfirst).toBe('After a winter in dry dock, the harbour ferries are running again.');
    expect(a.heroImage?.alt).toBe('Two ferries moored at the harbour at dawn');
    expect(a.section?.slug).toBe('local'); // its first category
    expect(a.tags.map((t) => t.tag.slug).sort()).toContain('harbour');
    const author = await db.user.findUniqueOrThrow({ where: { id: a.authors[0]!.userId }, select: { role: true, passwordHash: true, deactivatedAt: true } });
    expect(author).toEqual({ role: 'AUTHOR', passwordHash: '', deactivatedAt: expect.any(Date) });
    expect(a.bodyHtml).toContain('<img');
    expect((await article('ferry-timetable-2031')).status).toBe('SCHEDULED');
    expect((await article('private-notes')).status).toBe('DRAFT');
    expect((await article('waiting-for-review')).status).toBe('IN_REVIEW');
    const hostile = await article('hostile-body');
    expect(hostile.bodyHtml).not.toMatch(/<script|onerror|javascript:/i);
    // An unreachable image is reported; its article is imported without it.
    expect((await article('lost-photo')).status).toBe('PUBLISHED');
    expect(report.kinds.image?.skips.some((s) => s.id === '117')).toBe(true);
    // Pages become pages, through the page editor's own rules, public at /<slug>; a child page's old address redirects.
    expect(report.kinds.page?.imported).toBeGreaterThanOrEqual(2);
    expect(await db.page.findUnique({ where: { slug: 'about' }, select: { title: true, status: true, importSource: true, importId: true } })).toEqual({
      title: 'About us',
      status: 'PUBLISHED',
      importSource: 'wordpress',
      importId: '115',
    });
    expect(await findRedirect('/about/team')).toMatchObject({ toPath: '/team', statusCode: 301 });
    // The menu (no location in a WXR) becomes the header; its links point at what the import made.
    expect(report.kinds.menu).toMatchObject({ imported: 1 });
    const header = await db.menu.findUniqueOrThrow({ where: { location: 'header' }, include: { items: { orderBy: { position: 'asc' } } } });
    expect(header.importSource).toBe('wordpress');
    const top = header.items.filter((i) => !i.parentId);
    expect(top.map((i) => i.kind)).toEqual(expect.arrayContaining(['section', 'page', 'url']));
    const about = top.find((i) => i.kind === 'page')!;
    expect(about.pageId).toBe((await db.page.findUniqueOrThrow({ where: { slug: 'about' } })).id);
    expect(header.items.filter((i) => i.parentId === about.id).map((i) => i.tagId)).toEqual([(await db.tag.findUniqueOrThrow({ where: { slug: 'harbour' } })).id]);
    expect(top.find((i) => i.kind === 'url')).toMatchObject({ label: 'Newsroom blog', url: 'https://newsroom.example/' });
  }, 120_000); // images fetched and processed (seconds each on a busy machine); its retry would find them imported

  it('keeps comments with status, threading and a hashed IP, and skips pingbacks', async () => {
    const a = await article('harbour-ferries-return');
    const comments = await db.comment.findMany({ where: { articleId: a.id }, orderBy: { createdAt: 'asc' } });
    expect(comments).toHaveLength(6);
    expect(comments.map((c) => c.status).sort()).toEqual(['APPROVED', 'APPROVED', 'APPROVED', 'PENDING', 'SPAM', 'TRASH']);
    expect(comments.some((c) => c.parentId)).toBe(true);
    expect(comments.every((c) => c.ipHash && !c.ipHash.includes('.'))).toBe(true);
  });

  it('makes every old address a 301 to the new one', async () => {
    const to = '/articles/harbour-ferries-return';
    expect(await findRedirect('/?p=101')).toMatchObject({ toPath: to, statusCode: 301 });
    expect(await findRedirect('/2019/03/harbour-ferries-return')).toMatchObject({ toPath: to });
    expect(await findRedirect('/category/news')).toMatchObject({ toPath: '/sections/news' });
    expect(await findRedirect('/tag/harbour')).toMatchObject({ toPath: '/tags/harbour' });
    expect((await findRedirect('/author/jane-doe'))?.toPath).toMatch(/^\/authors\/jane-doe/);
  });

  it('importing the same file again changes nothing', async () => {
    const before = await db.article.findMany({ select: { id: true, version: true }, orderBy: { id: 'asc' } });
    const report = await importAs(admin, { source: 'wordpress', ledger: LEDGER, file: WXR, mediaDir });
    expect(report.kinds.post).toMatchObject({ imported: 0, updated: 0, unchanged: 13 });
    expect(report.kinds.comment).toMatchObject({ imported: 0, unchanged: 6 });
    expect(report.kinds.user).toMatchObject({ unchanged: 3 });
    expect(report.kinds.menu).toMatchObject({ unchanged: 1 });
    expect(await db.article.findMany({ select: { id: true, version: true }, orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('an edited source updates its article, unless an editor changed the article since', async () => {
    const edited = path.join(os.tmpdir(), `wxr-edited-${process.pid}.xml`);
    const xml = fs
      .readFileSync(WXR, 'utf8')
      .replace('<em>Gutenberg</em> &amp; blocks]]', '<em>Gutenberg</em> &amp; blocks, revised]]')
      .replace('<title><![CDATA[Lost photo]]></title>', '<title><![CDATA[Lost photo, found]]></title>');
    fs.writeFileSync(edited, xml);
    const lost = await article('lost-photo');
    await db.article.update({ where: { id: lost.id }, data: { title: 'Edited in Broadsheet', version: { increment: 1 } } });
    const report = await importAs(admin, { source: 'wordpress', ledger: LEDGER, file: edited, mediaDir });
    fs.rmSync(edited);
    expect(report.kinds.post).toMatchObject({ updated: 1, skipped: 2, unchanged: 11 });
    expect(report.kinds.post?.skips).toContainEqual({ id: '117', title: 'Lost photo, found', reason: expect.stringMatching(/editor changed/) });
    expect((await db.article.findUniqueOrThrow({ where: { id: lost.id } })).title).toBe('Edited in Broadsheet');
    expect((await article('gutenberg-blocks')).title).toMatch(/revised/);
  });

  it('resumes after the records a stopped run already applied', async () => {
    const first = await importAs(admin, { source: 'wordpress', ledger: LEDGER, file: WXR, mediaDir, dryRun: true });
    const resumed = await importAs(admin, {
      source: 'wordpress',
      ledger: LEDGER,
      file: WXR,
      mediaDir,
      dryRun: true,
      resume: { ...first, records: first.records - 1, kinds: {}, notes: {}, drafted: [], warnings: [] },
    });
    expect(resumed.records).toBe(first.records);
    expect(Object.values(resumed.kinds).reduce((n, k) => n + k.imported + k.updated + k.unchanged + k.skipped, 0)).toBe(1);
  });
});
