import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocToHtml } from '@/lib/articles/body';
import { throughEditor } from '@/test/helpers/editor-schema';
import type { CommentRecord, ContentRecord, ImportRecord, MenuRecord, ReadProgress } from './records';
import { ImportFormatError, readWordPress, uploadsPathOf, wordpressImageUrlCandidates } from './wordpress';

const fixture = (name: string) => path.join(import.meta.dirname, '../../test/fixtures/import', name);

async function readAll(input: Parameters<typeof readWordPress>[0], options?: Parameters<typeof readWordPress>[1]) {
  const out: ImportRecord[] = [];
  for await (const r of readWordPress(input, options)) out.push(r);
  return out;
}

const content = (records: ImportRecord[], id: string) => records.find((r): r is ContentRecord => (r.kind === 'post' || r.kind === 'page') && r.originalId === id)!;
const commentsOf = (records: ImportRecord[], postId: string) => records.filter((r): r is CommentRecord => r.kind === 'comment' && r.postOriginalId === postId);
const byKind = <K extends ImportRecord['kind']>(records: ImportRecord[], kind: K) => records.filter((r) => r.kind === kind) as Extract<ImportRecord, { kind: K }>[];

/** An in-memory WXR for small cases (the `open` input form, read once per pass). */
const wxr = (items: string, channel = '') => ({
  open: async function* () {
    yield `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>T</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://t.example</wp:base_site_url>${channel}`;
    yield `${items}</channel></rss>`;
  },
});

describe('readWordPress — WXR 1.2', () => {
  let records: ImportRecord[];
  beforeAll(async () => {
    records = await readAll(fixture('wxr-1.2.xml'));
  });

  it('yields records in an order the job can apply: site, people and terms, media, posts with their comments, menus', () => {
    const kinds = records.map((r) => r.kind);
    expect(kinds[0]).toBe('site');
    const firstPost = kinds.findIndex((k) => k === 'post' || k === 'page');
    for (const k of ['user', 'section', 'tag', 'media'] as const) expect(kinds.lastIndexOf(k)).toBeLessThan(firstPost);
    expect(kinds.at(-1)).toBe('menu');
    records.forEach((r, i) => {
      if (r.kind !== 'comment') return;
      const post = records.findIndex((x) => (x.kind === 'post' || x.kind === 'page') && x.originalId === r.postOriginalId);
      expect(post).toBeLessThan(i);
      expect(records.slice(post + 1, i).every((x) => x.kind === 'comment')).toBe(true);
    });
  });

  it('reads the site, decoding an HTML entity used outside CDATA', () => {
    expect(records[0]).toEqual({
      kind: 'site',
      source: 'wordpress',
      title: 'Harbour Gazette',
      description: 'News from the harbour\u00a0& the hills',
      url: 'https://harbour-gazette.example',
      language: 'en-GB',
      formatVersion: '1.2',
    });
  });

  it('maps authors to users keyed by login, with their author page paths', () => {
    const users = byKind(records, 'user');
    expect(users.map((u) => [u.originalId, u.email, u.displayName, u.slug])).toEqual([
      ['jane.doe', 'jane@harbour-gazette.example', 'Jane Doe', 'jane-doe'],
      ['ed', 'ed@harbour-gazette.example', 'Ed Itor', 'ed'],
      ['marta@harbour', 'marta@harbour-gazette.example', 'Marta Øberg', 'marta-harbour'],
    ]);
    expect(users[0]!.oldPaths).toEqual(['/author/jane-doe/', '/author/jane.doe/', '/?author=1']);
  });

  it('maps categories to sections (nested ones flattened, with both paths) and tags to tags', () => {
    const local = byKind(records, 'section').find((s) => s.originalId === 'local')!;
    expect(local).toMatchObject({ name: 'Local', slug: 'local', parentOriginalId: 'news', oldPaths: ['/category/news/local/', '/category/local/', '/?cat=3'] });
    expect(local.notes.map((n) => n.code)).toEqual(['category-flattened']);
    expect(byKind(records, 'tag').map((t) => [t.originalId, t.name])).toEqual([
      ['harbour', 'Harbour'],
      ['ferries', 'Ferries'],
      ['c-rust', 'C++ & Rust'],
      ['waves', '🌊 Waves'],
    ]);
    expect(
      byKind(records, 'skipped')
        .filter((s) => s.what.startsWith('term'))
        .map((s) => s.originalId),
    ).toEqual(['post_format:post-format-video', 'series:long-reads']);
  });

  it('maps attachments to media with their uploads path, alt text and caption', () => {
    expect(byKind(records, 'media').find((m) => m.originalId === '100')).toEqual({
      kind: 'media',
      source: 'wordpress',
      originalId: '100',
      notes: [],
      url: 'https://harbour-gazette.example/wp-content/uploads/2019/03/harbour.jpg',
      relativePath: '2019/03/harbour.jpg',
      filename: 'harbour.jpg',
      mimeType: 'image/jpeg',
      title: 'harbour',
      alt: 'Two ferries moored at the harbour at dawn',
      caption: 'The harbour at dawn.',
      description: 'Taken from the north quay.',
      parentOriginalId: '101',
      createdAt: '2019-03-14T08:30:00.000Z',
      oldPaths: ['/2019/03/harbour-ferries-return/harbour/', '/?attachment_id=100'],
    });
  });

  it('maps a published classic post: date, primary category as section, the rest as tags, excerpt, SEO, hero, sticky, permalinks', () => {
    const post = content(records, '101');
    expect(post).toMatchObject({
      kind: 'post',
      title: 'Harbour ferries return',
      slug: 'harbour-ferries-return',
      status: 'PUBLISHED',
      originalStatus: 'publish',
      draftReason: null,
      publishedAt: '2019-03-14T08:30:00.000Z',
      scheduledAt: null,
      updatedAt: '2019-03-15T10:00:00.000Z',
      authorIds: ['jane.doe'],
      section: { originalId: 'local', name: 'Local', slug: 'local', taxonomy: 'category' },
      tags: [
        { originalId: 'category:news', name: 'News', slug: 'news', taxonomy: 'category' },
        { originalId: 'harbour', name: 'Harbour', slug: 'harbour', taxonomy: 'tag' },
        { originalId: 'ferries', name: 'Ferries', slug: 'ferries', taxonomy: 'tag' },
        { originalId: 'c-rust', name: 'C++ & Rust', slug: 'c-rust', taxonomy: 'tag' },
      ],
      standfirst: 'After a winter in dry dock, the harbour ferries are running again.',
      seo: { title: null, description: 'The harbour ferries run again from Monday.', canonicalUrl: 'https://harbour-gazette.example/2019/03/harbour-ferries-return/', ogTitle: 'Ferries are back' },
      featuredImage: { url: null, attachmentId: '100', relativePath: null, alt: '', caption: '', credit: '' },
      sticky: true,
      commentsOpen: true,
      originalUrl: 'https://harbour-gazette.example/2019/03/harbour-ferries-return/',
      oldPaths: ['/2019/03/harbour-ferries-return/', '/?p=101'],
    });
    expect(post.body.doc.content.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'image', 'image', 'image', 'embed', 'heading', 'blockquote', 'bulletList', 'paragraph']);
    expect(post.body.images.map((i) => [i.attachmentId, i.caption])).toEqual([
      ['100', 'The harbour at dawn.'],
      ['100', ''],
      ['102', ''],
    ]);
    expect(post.body.report.unknownShortcodes).toEqual({ 'contact-form-7': 1, poll: 1 });
  });

  it('keeps comments with their status, threading (parents first), people, IP and date; marks pingbacks and trackbacks', () => {
    const comments = commentsOf(records, '101');
    expect(comments.map((c) => [c.originalId, c.parentOriginalId, c.status, c.type])).toEqual([
      ['1', null, 'APPROVED', 'comment'],
      ['4', null, 'SPAM', 'comment'],
      ['5', null, 'TRASH', 'comment'],
      ['6', null, 'APPROVED', 'pingback'],
      ['7', null, 'APPROVED', 'trackback'],
      ['8', null, 'APPROVED', 'comment'],
      ['2', '1', 'APPROVED', 'comment'],
      ['3', '2', 'PENDING', 'comment'],
    ]);
    expect(comments[0]).toEqual({
      kind: 'comment',
      source: 'wordpress',
      originalId: '1',
      notes: [],
      postOriginalId: '101',
      parentOriginalId: null,
      status: 'APPROVED',
      type: 'comment',
      originalType: 'comment',
      authorName: 'Ann Reader',
      authorEmail: 'ann@example.org',
      authorUrl: 'https://ann.example.org/',
      authorIp: '203.0.113.7',
      userOriginalId: null,
      body: 'Great news!\n\nFinally.',
      createdAt: '2019-03-14T10:00:00.000Z',
    });
    const staff = comments.find((c) => c.originalId === '2')!;
    expect([staff.userOriginalId, staff.body]).toEqual(['jane.doe', 'Thanks, Ann. The timetable (https://harbour-gazette.example/timetable/) is online.']);
    expect(comments.find((c) => c.originalId === '8')!.notes.map((n) => n.code)).toEqual(['orphan-reply']);
  });

  it('converts a Gutenberg post, title markup stripped, the default category passed over for the section', () => {
    const post = content(records, '104');
    expect(post.title).toBe('Gutenberg & blocks');
    expect(post.authorIds).toEqual(['ed']);
    expect(post.section?.originalId).toBe('arts-culture');
    expect(post.tags.map((t) => t.originalId)).toEqual(['category:uncategorized', 'waves']);
    expect(post.body.doc.content.map((b) => b.type)).toEqual([
      'paragraph',
      'heading',
      'orderedList',
      'blockquote',
      'pullQuote',
      'image',
      'image',
      'image',
      'paragraph',
      'embed',
      'paragraph',
      'embed',
      'embed',
      'embed',
      'horizontalRule',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(post.body.doc.content.filter((b) => b.type === 'embed').map((b) => b.type === 'embed' && b.attrs.provider)).toEqual(['youtube', 'vimeo', 'x', 'link']);
    expect(post.body.report).toEqual({
      unknownShortcodes: {},
      removed: { iframe: 1 },
      simplified: { table: 1, 'code-block': 1, 'inline-code': 1, 'dynamic-block:core/latest-posts': 1, 'block:jetpack/slideshow': 1 },
    });
    // The reusable block (a wp_block item later in the file) is inlined.
    expect(JSON.stringify(post.body.doc)).toContain('morning briefing');
  });

  it('maps statuses: future → scheduled, private and password-protected → draft with the reason, pending → in review', () => {
    const pick = (id: string) => {
      const r = content(records, id);
      return [r.status, r.draftReason, r.publishedAt, r.scheduledAt];
    };
    expect(pick('105')).toEqual(['SCHEDULED', null, null, '2031-01-05T07:00:00.000Z']);
    expect(pick('106')).toEqual(['DRAFT', 'private', null, null]);
    expect(pick('107')).toEqual(['DRAFT', 'password-protected', null, null]);
    expect(pick('109')).toEqual(['IN_REVIEW', null, null, null]);
    expect(content(records, '107').notes.map((n) => n.code)).toEqual(['password-protected']);
  });

  it('handles an empty title and slug (a draft), an empty body and stray control characters', () => {
    const draft = content(records, '108');
    expect([draft.title, draft.slug, draft.status, draft.createdAt]).toEqual(['The draft has no title yet.', 'the-draft-has-no-title-yet', 'DRAFT', '2019-05-01T09:00:00.000Z']);
    expect(draft.notes.map((n) => n.code)).toEqual(['empty-title']);
    const empty = content(records, '109');
    expect(empty.body.doc).toEqual({ type: 'doc', content: [] });
    expect(empty.standfirst).toBe('Excerpt with a controlcharacter');
  });

  it("fits very long titles and slugs into Broadsheet's limits and says so", () => {
    const post = content(records, '110');
    expect(post.title.length).toBeLessThanOrEqual(200);
    expect(post.title.endsWith(' and')).toBe(true);
    expect(post.slug.length).toBeLessThanOrEqual(80);
    expect(post.notes.map((n) => n.code)).toEqual(['title-shortened', 'slug-changed']);
    expect(post.oldPaths[0]!.length).toBeGreaterThan(200);
  });

  it('passes duplicate slugs through for the job to make unique', () => {
    expect(['101', '111', '112'].map((id) => [content(records, id).kind, content(records, id).slug])).toEqual([
      ['post', 'harbour-ferries-return'],
      ['page', 'harbour-ferries-return'],
      ['post', 'harbour-ferries-return'],
    ]);
  });

  it('strips a hostile body and title of scripts, handlers, unsafe links and foreign frames', () => {
    const post = content(records, '113');
    expect(post.title).toBe('Hostile body');
    const html = renderDocToHtml(post.body.doc);
    expect(html).not.toMatch(/<script|alert|onclick|onerror|onload|javascript:|evil\.example|data:/i);
    expect(html).toContain('Hello reader.');
    expect(post.body.report.removed).toEqual({ 'event-handler': 3, script: 1, style: 1, 'unsafe-link': 3, iframe: 1, object: 2, form: 1, 'data-image': 1, svg: 1 });
  });

  it('keeps special characters, entities and emoji; a non-Latin slug gives way to one from the title', () => {
    const post = content(records, '114');
    expect(post.title).toBe('Café prices rise 20% — “quoted” & more 🌊');
    expect([post.slug, post.originalSlug]).toEqual(['cafe-prices-rise-20-quoted-more', 'привет-мир']);
    expect(post.oldPaths[0]).toBe('/2019/03/%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82-%d0%bc%d0%b8%d1%80/');
    expect(post.body.doc.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Prices\u00a0rose at the café — 20\u00a0% 🌊 <not a tag> & more.' }] }]);
  });

  it('maps pages with their parent, order and page_id path', () => {
    expect(content(records, '116')).toMatchObject({ kind: 'page', slug: 'team', parentOriginalId: '115', menuOrder: 2, oldPaths: ['/about/team/', '/?page_id=116', '/?p=116'] });
  });

  it('keeps an unreachable image as a reference for the job to report, with the story intact', () => {
    const post = content(records, '117');
    expect(post.body.images.map((i) => [i.url, i.attachmentId])).toEqual([['https://unreachable.invalid/wp-content/uploads/2019/04/lost.jpg', '103']]);
    expect(post.featuredImage?.attachmentId).toBe('103');
    expect(post.body.doc.content.map((b) => b.type)).toEqual(['image', 'paragraph']);
  });

  it('skips trashed posts and other post types with a reason; reusable blocks and menu items are not posts', () => {
    expect(
      byKind(records, 'skipped')
        .filter((s) => !s.what.startsWith('term'))
        .map((s) => [s.originalId, s.what, s.reason]),
    ).toEqual([
      ['118', 'post', 'It was in the trash.'],
      ['119', 'product', 'Items of the post type "product" are not imported.'],
    ]);
    const ids = records.filter((r) => r.kind === 'post' || r.kind === 'page').map((r) => (r as ContentRecord).originalId);
    for (const id of ['300', '121', '122', '123', '124', '126']) expect(ids).not.toContain(id);
  });

  it('reads co-authors, Rank Math SEO and notes custom taxonomies', () => {
    const post = content(records, '125');
    expect(post.authorIds).toEqual(['ed', 'jane.doe']);
    expect(post.seo.description).toBe('Two reporters, one video.');
    expect(post.seo.title).toBeNull();
    expect(post.notes.map((n) => n.code)).toEqual(['custom-taxonomy']);
  });

  it('builds the menu from its items: sections, pages, tags and custom links, nested, drafts left out', () => {
    const [menu] = byKind(records, 'menu') as MenuRecord[];
    expect(menu).toMatchObject({ originalId: 'main-menu', name: 'Main menu', slug: 'main-menu', location: null });
    expect(menu!.items).toEqual([
      { originalId: '121', parentOriginalId: null, order: 1, label: 'Local', type: 'section', targetOriginalId: 'local', url: null, openInNewTab: false },
      { originalId: '122', parentOriginalId: null, order: 2, label: 'About us', type: 'page', targetOriginalId: '115', url: null, openInNewTab: false },
      { originalId: '124', parentOriginalId: null, order: 4, label: 'Newsroom blog', type: 'url', targetOriginalId: null, url: 'https://newsroom.example/', openInNewTab: true },
      { originalId: '123', parentOriginalId: '122', order: 3, label: 'Harbour tag', type: 'tag', targetOriginalId: 'harbour', url: null, openInNewTab: false },
    ]);
  });

  it('gives every post and page a body the editor loads and saves unchanged', () => {
    for (const r of records) if (r.kind === 'post' || r.kind === 'page') expect(throughEditor(r.body.doc)).toEqual(r.body.doc);
  });

  it('reports progress through both passes', async () => {
    const seen: ReadProgress[] = [];
    await readAll(fixture('wxr-1.2.xml'), { onProgress: (p) => seen.push(p) });
    const last = (pass: 1 | 2) => seen.filter((p) => p.pass === pass).at(-1)!;
    expect(last(1).bytesRead).toBe(last(1).totalBytes);
    expect(last(2).bytesRead).toBe(last(2).totalBytes);
  });
});

describe('readWordPress — WXR 1.1', () => {
  it('reads a site in a subdirectory, [embed]/[video]/[youtube] shortcodes, an iframe and a tweet as embeds', async () => {
    const records = await readAll(fixture('wxr-1.1.xml'));
    const post = content(records, '41');
    expect(post.oldPaths).toEqual(['/blog/council-budget/', '/blog/?p=41']);
    expect(byKind(records, 'section')[0]!.oldPaths).toEqual(['/blog/category/council/', '/blog/?cat=3']);
    expect(post.commentsOpen).toBe(false);
    expect(post.body.doc.content.map((b) => (b.type === 'embed' ? b.attrs.provider : b.type))).toEqual(['paragraph', 'vimeo', 'link', 'image', 'paragraph', 'youtube', 'x', 'youtube']);
    expect(post.body.images[0]).toMatchObject({ url: 'http://valley-courier.example/wp-content/uploads/2012/10/hall-150x150.jpg', attachmentId: '42', relativePath: '2012/10/hall-150x150.jpg' });
    expect(post.body.report.removed).toEqual({ script: 1 });
    expect(commentsOf(records, '41')[0]).toMatchObject({ authorUrl: 'http://sam.example.org/?a=1&b=2', authorIp: '2001:db8::1', body: 'Line one\nline two' });
    expect(content(records, '43')).toMatchObject({ kind: 'page', menuOrder: 3, oldPaths: ['/blog/contact/', '/blog/?page_id=43'] });
  });
});

describe('readWordPress — WXR 1.0', () => {
  it('makes users from dc:creator when there is no author list, de-duplicates doubled terms, dates from pubDate', async () => {
    const records = await readAll(fixture('wxr-1.0.xml'));
    expect(records.map((r) => r.kind)).toEqual(['site', 'section', 'tag', 'user', 'user', 'post', 'comment', 'post']);
    expect(byKind(records, 'user').map((u) => [u.originalId, u.email, u.notes[0]?.code])).toEqual([
      ['oldtimer', '', 'no-email'],
      ['guest', '', 'no-email'],
    ]);
    const market = content(records, '5');
    expect(market.section?.originalId).toBe('town-life');
    expect(market.tags.map((t) => t.originalId)).toEqual(['market']);
    expect(market.publishedAt).toBe('2008-02-29T09:15:00.000Z');
    expect(content(records, '6').section).toEqual({ originalId: 'uncategorized', name: 'Uncategorized', slug: 'uncategorized', taxonomy: 'category' });
  });
});

describe('readWordPress — bylines', () => {
  it('makes a user for every byline login the author list lacks, Co-Authors Plus ones included, before the posts', async () => {
    const records = await readAll(
      wxr(
        '<item><title>Two bylines</title><dc:creator>staff</dc:creator><category domain="author" nicename="cap-guest-writer"><![CDATA[guest.writer]]></category><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded>x</content:encoded></item>',
        '<wp:author><wp:author_login>staff</wp:author_login><wp:author_email>staff@t.example</wp:author_email><wp:author_display_name>Staff</wp:author_display_name></wp:author>',
      ),
    );
    expect(records.map((r) => r.kind)).toEqual(['site', 'user', 'user', 'post']);
    expect(byKind(records, 'user').map((u) => [u.originalId, u.email])).toEqual([
      ['staff', 'staff@t.example'],
      ['guest.writer', ''],
    ]);
    expect(content(records, '1').authorIds).toEqual(['staff', 'guest.writer']);
  });
});

describe('readWordPress — damaged and wrong files', () => {
  it('recovers from XML errors with warnings and still reads the items', async () => {
    const item = (id: number, title: string) =>
      `<item><title>${title}</title><wp:post_id>${id}</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_name>p${id}</wp:post_name><content:encoded><![CDATA[<p>Body ${id}</p>]]></content:encoded></item>`;
    const records = await readAll(wxr(`${item(1, 'Fish &amp; chips &nbsp;&bogus; ok')}${item(2, 'Second\u0001 post')}`));
    expect(byKind(records, 'warning').length).toBeGreaterThan(0);
    expect(records.filter((r): r is ContentRecord => r.kind === 'post').map((p) => p.title)).toEqual(['Fish & chips \u00a0&bogus; ok', 'Second post']);
  });

  it('reads a file in the encoding its XML declaration names (old ISO-8859-1 sites)', async () => {
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss xmlns:wp="http://wordpress.org/export/1.0/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><wp:wxr_version>1.0</wp:wxr_version>' +
      '<item><title>Café crème</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>draft</wp:status><content:encoded>Déjà vu</content:encoded></item></channel></rss>';
    const records = await readAll({
      open: async function* () {
        yield Buffer.from(xml, 'latin1');
      },
    });
    const post = records.find((r): r is ContentRecord => r.kind === 'post')!;
    expect([post.title, post.body.doc.content]).toEqual(['Café crème', [{ type: 'paragraph', content: [{ type: 'text', text: 'Déjà vu' }] }]]);
  });

  it('refuses a file that is not a WordPress export', async () => {
    await expect(readAll(fixture('ghost-5.json'))).rejects.toThrow(ImportFormatError);
    await expect(
      readAll({
        open: async function* () {
          yield '<?xml version="1.0"?><feed><entry/></feed>';
        },
      }),
    ).rejects.toThrow(/starts with <feed>/);
    await expect(
      readAll({
        open: async function* () {
          yield '<rss><channel><title>No version</title><item><title>x</title></item></channel></rss>';
        },
      }),
    ).rejects.toThrow(/wxr_version/);
  });
});

describe('WordPress helpers', () => {
  it('finds the uploads path and the original of a resized image', () => {
    expect(uploadsPathOf('https://s.example/wp-content/uploads/sites/2/2019/03/a%20b-300x200.jpg')).toBe('sites/2/2019/03/a b-300x200.jpg');
    expect(uploadsPathOf('https://s.example/images/a.jpg')).toBeNull();
    expect(wordpressImageUrlCandidates('https://s.example/wp-content/uploads/2019/03/photo-scaled-1024x683.jpg')).toEqual([
      'https://s.example/wp-content/uploads/2019/03/photo-scaled-1024x683.jpg',
      'https://s.example/wp-content/uploads/2019/03/photo-scaled.jpg',
      'https://s.example/wp-content/uploads/2019/03/photo.jpg',
    ]);
  });
});
