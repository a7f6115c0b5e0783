import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocToHtml } from '@/lib/articles/body';
import { throughEditor } from '@/test/helpers/editor-schema';
import { ghostImagesPathOf, ImportFormatError, readGhost } from './ghost';
import type { ContentRecord, ImportRecord, MenuRecord } from './records';

const fixture = (name: string) => path.join(import.meta.dirname, '../../test/fixtures/import', name);

async function readAll(input: Parameters<typeof readGhost>[0], options?: Parameters<typeof readGhost>[1]) {
  const out: ImportRecord[] = [];
  for await (const r of readGhost(input, options)) out.push(r);
  return out;
}

const ID = (n: number) => `65c1f0a0b1c2d3e4f5a6b7${String(n).padStart(2, '0')}`;
const post = (records: ImportRecord[], id: string) => records.find((r): r is ContentRecord => (r.kind === 'post' || r.kind === 'page') && r.originalId === id)!;
const types = (r: ContentRecord) => r.body.doc.content.map((b) => (b.type === 'embed' ? `embed:${b.attrs.provider}` : b.type));

describe('readGhost — Ghost 5 export (Lexical)', () => {
  let records: ImportRecord[];
  beforeAll(async () => {
    records = await readAll(fixture('ghost-5.json'), { siteUrl: 'https://coast-news.example/' });
  });

  it('yields the site, users, public tags, posts and pages, then the two navigation menus', () => {
    expect(records.map((r) => r.kind)).toEqual(['site', 'user', 'user', 'tag', 'tag', 'skipped', 'post', 'post', 'post', 'post', 'post', 'post', 'page', 'post', 'post', 'menu', 'menu']);
    expect(records[0]).toEqual({ kind: 'site', source: 'ghost', title: 'Coast News', description: 'News from the coast', url: 'https://coast-news.example', language: 'en', formatVersion: '5.82.0' });
  });

  it('maps staff users with their role, bio, avatar and author page', () => {
    const [owner, writer] = records.filter((r) => r.kind === 'user');
    expect(owner).toEqual({
      kind: 'user',
      source: 'ghost',
      originalId: '1',
      notes: [],
      login: 'cora',
      email: 'cora@coast-news.example',
      displayName: 'Cora Owner',
      slug: 'cora',
      bio: 'Editor and owner.',
      website: 'https://cora.example/',
      avatarUrl: 'https://coast-news.example/content/images/2020/01/cora.jpg',
      originalRole: 'Owner',
      oldPaths: ['/author/cora/'],
    });
    expect(writer).toMatchObject({ originalRole: 'Author', notes: [{ code: 'inactive-user' }] });
  });

  it('skips internal #tags and keeps public ones with their /tag/ path', () => {
    expect(records.filter((r) => r.kind === 'tag').map((t) => t.kind === 'tag' && [t.originalId, t.name, t.oldPaths])).toEqual([
      ['t-weather', 'Weather', ['/tag/weather/']],
      ['t-local', 'Local & Coast', ['/tag/local/']],
    ]);
    expect(records.find((r) => r.kind === 'skipped')).toMatchObject({ originalId: 't-internal', what: 'internal tag', title: '#import-2024' });
  });

  it('maps a Lexical post: primary public tag as section, authors in order, excerpt, SEO and OG, hero with alt and caption', () => {
    const r = post(records, ID(1));
    expect(r).toMatchObject({
      kind: 'post',
      title: 'High tide floods the quay',
      slug: 'high-tide-floods-the-quay',
      status: 'PUBLISHED',
      publishedAt: '2024-02-10T08:00:00.000Z',
      createdAt: '2024-02-10T07:00:00.000Z',
      updatedAt: '2024-02-10T09:00:00.000Z',
      authorIds: ['65c1f0a0b1c2d3e4f5a6c001', '1'],
      section: { originalId: 't-weather', name: 'Weather', slug: 'weather', taxonomy: 'category' },
      tags: [
        { originalId: 't-weather', taxonomy: 'tag' },
        { originalId: 't-local', name: 'Local & Coast', taxonomy: 'tag' },
      ],
      standfirst: 'Water reached the cafés on the quay.',
      seo: {
        title: 'High tide floods the quay | Coast News',
        description: 'Water reached the cafés.',
        canonicalUrl: 'https://coast-news.example/high-tide/',
        ogTitle: 'Quay flooded',
        ogDescription: 'The tide came in early.',
        ogImageUrl: 'https://coast-news.example/content/images/2024/02/og.jpg',
        twitterTitle: 'Flooded!',
        twitterDescription: null,
        twitterImageUrl: null,
      },
      featuredImage: {
        url: 'https://coast-news.example/content/images/2024/02/tide-hero.jpg',
        attachmentId: null,
        relativePath: '2024/02/tide-hero.jpg',
        alt: 'Water over the quay at dawn',
        caption: 'Photo by Sam Sea',
        credit: '',
      },
      sticky: true,
      originalUrl: 'https://coast-news.example/high-tide-floods-the-quay/',
      oldPaths: ['/high-tide-floods-the-quay/', '/p/00000000-0000-4000-8000-d3e4f5a6b701/'],
    });
    expect(r.notes.map((n) => n.code)).toEqual(['internal-tags', 'code-injection']);
  });

  it('converts every Lexical node and card onto editor nodes, counting what has no equivalent', () => {
    const r = post(records, ID(1));
    expect(types(r)).toEqual([
      'paragraph',
      'heading',
      'heading',
      'bulletList',
      'blockquote',
      'pullQuote',
      'image',
      'image',
      'image',
      'paragraph',
      'embed:youtube',
      'paragraph',
      'embed:x',
      'embed:link',
      'paragraph',
      'paragraph',
      'bulletList',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'horizontalRule',
      'paragraph',
    ]);
    expect(r.body.doc.content[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The tide came in ' },
        { type: 'text', text: 'early', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'fast', marks: [{ type: 'italic' }] },
        { type: 'text', text: ', said the ' },
        { type: 'text', text: 'harbour office', marks: [{ type: 'link', attrs: { href: 'https://coast-news.example/about/' } }] },
        { type: 'text', text: '.' },
      ],
    });
    expect(r.body.images.map((i) => [i.url, i.relativePath, i.alt, i.caption])).toEqual([
      ['https://coast-news.example/content/images/2024/02/tide.jpg', '2024/02/tide.jpg', 'Water over the quay', 'The quay at 7am'],
      ['https://coast-news.example/content/images/2024/02/one.jpg', '2024/02/one.jpg', 'First boat', 'One'],
      ['https://images.unsplash.example/photo-2?w=2000', null, '', ''],
    ]);
    expect(r.body.report).toEqual({
      unknownShortcodes: {},
      removed: { script: 1, iframe: 1 },
      simplified: { callout: 1, toggle: 1, button: 1, 'card:paywall': 1, 'card:signup': 1, h1: 1, strikethrough: 1, 'code-block': 1, 'inline-code': 2 },
    });
    expect(renderDocToHtml(r.body.doc)).not.toMatch(/<script|alert|maps\.example/);
  });

  it('converts a Mobiledoc post: markups, soft returns, lists, quotes, cards', () => {
    const r = post(records, ID(2));
    expect(types(r)).toEqual(['paragraph', 'heading', 'orderedList', 'blockquote', 'pullQuote', 'image', 'heading', 'paragraph', 'horizontalRule', 'embed:vimeo']);
    expect(r.body.doc.content[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Mobiledoc ' },
        { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href: 'https://example.org/mobiledoc' } }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'after a soft return', marks: [{ type: 'italic' }] },
      ],
    });
    expect(r.body.images[0]).toMatchObject({ relativePath: '2021/05/storm.jpg', caption: 'Storm over the bay' });
    expect(r.body.report.simplified).toEqual({ 'card:email-cta': 1 });
    expect(r.section?.originalId).toBe('t-local');
  });

  it('makes members-only, paid and newsletter-only posts drafts with the reason; scheduled stays scheduled', () => {
    const pick = (n: number) => {
      const r = post(records, ID(n));
      return [r.status, r.draftReason, r.originalStatus, r.publishedAt, r.scheduledAt];
    };
    expect(pick(3)).toEqual(['DRAFT', 'members-only', 'published (members)', null, null]);
    expect(pick(4)).toEqual(['DRAFT', 'paid-members-only', 'published (paid)', null, null]);
    expect(pick(8)).toEqual(['DRAFT', 'email-only', 'sent', null, null]);
    expect(pick(5)).toEqual(['SCHEDULED', null, 'scheduled', null, '2031-03-01T06:00:00.000Z']);
  });

  it('handles an empty title and body, a page, and a broken editor document (falls back to the rendered HTML)', () => {
    expect(post(records, ID(6))).toMatchObject({ title: 'Untitled', status: 'DRAFT', body: { doc: { type: 'doc', content: [] } } });
    expect(post(records, ID(7))).toMatchObject({ kind: 'page', slug: 'about', section: null, tags: [], oldPaths: ['/about/', '/p/00000000-0000-4000-8000-d3e4f5a6b707/'] });
    const broken = post(records, ID(9));
    expect(broken.notes.map((n) => n.code)).toEqual(['body-fallback']);
    expect(broken.body.doc.content).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Rendered ' },
          { type: 'text', text: 'fallback', marks: [{ type: 'bold' }] },
        ],
      },
    ]);
  });

  it('makes menus of the primary and secondary navigation, linking tags and pages to their records', () => {
    const [header, footer] = records.filter((r): r is MenuRecord => r.kind === 'menu');
    expect(header).toMatchObject({ originalId: 'navigation', location: 'header' });
    expect(header!.items.map((i) => [i.label, i.type, i.targetOriginalId, i.url])).toEqual([
      ['Home', 'url', null, '/'],
      ['Weather', 'tag', 't-weather', null],
      ['About', 'page', ID(7), null],
    ]);
    expect(footer!.items.map((i) => [i.label, i.type, i.url])).toEqual([
      ['Data & privacy', 'url', '/privacy/'],
      ['Ghost', 'url', 'https://ghost.org'],
    ]);
  });

  it('gives every post and page a body the editor loads and saves unchanged', () => {
    for (const r of records) if (r.kind === 'post' || r.kind === 'page') expect(throughEditor(r.body.doc)).toEqual(r.body.doc);
  });
});

describe('readGhost — Ghost 4 export (Mobiledoc with a Markdown card)', () => {
  it('converts Markdown, keeps image paths under content/images without a site URL, and treats tier posts as paid', async () => {
    const records = await readAll(fixture('ghost-4.json'));
    const r = post(records, '5f1000000000000000000001');
    expect(types(r)).toEqual(['heading', 'paragraph', 'image', 'blockquote']);
    expect(r.body.images[0]).toMatchObject({ url: '/content/images/2017/06/lighthouse.png', relativePath: '2017/06/lighthouse.png', alt: 'A lighthouse' });
    expect(r.body.report.removed).toEqual({ script: 1 });
    expect([r.originalUrl, r.authorIds, r.section?.slug, r.tags.map((t) => t.slug)]).toEqual([null, ['u1'], 'history', ['history']]);
    expect(post(records, '5f1000000000000000000002')).toMatchObject({ status: 'DRAFT', draftReason: 'paid-members-only' });
  });

  it('builds old post paths from a custom permalink', async () => {
    const records = await readAll(fixture('ghost-4.json'), { postPermalink: '/{year}/{month}/{primary_tag}/{slug}/' });
    expect(post(records, '5f1000000000000000000001').oldPaths[0]).toBe('/2017/06/history/lighthouse/');
  });
});

describe('readGhost — wrong files', () => {
  it('refuses a file that is not a Ghost export', async () => {
    await expect(readAll(fixture('wxr-1.0.xml'))).rejects.toThrow(ImportFormatError);
    await expect(
      readAll({
        open: async function* () {
          yield '{"hello": "world"}';
        },
      }),
    ).rejects.toThrow(/no "db" or "data"/);
    await expect(
      readAll({
        open: async function* () {
          yield '{"db": [{"data": {"tags": [{"id": ';
        },
      }),
    ).rejects.toThrow(ImportFormatError);
  });
});

describe('ghostImagesPathOf', () => {
  it('finds the original file under content/images, undoing size and format variants', () => {
    expect(ghostImagesPathOf('https://x.example/content/images/size/w600/format/webp/2023/01/a.jpg')).toBe('2023/01/a.jpg');
    expect(ghostImagesPathOf('/content/images/2023/01/b%20c.png')).toBe('2023/01/b c.png');
    expect(ghostImagesPathOf('https://images.unsplash.example/x.jpg')).toBeNull();
  });
});
