import { describe, expect, it } from 'vitest';
import { bodyDocSchema, renderDocToHtml, type BlockNode, type BodyDoc } from '@/lib/articles/body';
import { throughEditor } from '@/test/helpers/editor-schema';
import { htmlToBody, htmlToPlainText, resolveBodyImages } from './html-to-body';

const text = (t: string, ...marks: object[]) => ({ type: 'text', text: t, ...(marks.length ? { marks } : {}) });
const p = (...content: object[]) => ({ type: 'paragraph', content });
const br = { type: 'hardBreak' };
const bold = { type: 'bold' };
const italic = { type: 'italic' };
const link = (href: string) => ({ type: 'link', attrs: { href } });
const wp = (html: string) => htmlToBody(html, { wordpress: true, baseUrl: 'https://old.example' });
const plain = (html: string) => htmlToBody(html, { baseUrl: 'https://old.example' });
const blocks = (doc: BodyDoc) => doc.content.map((b) => b.type);

/** Every conversion must be a document the schema accepts and the editor loads and saves unchanged. */
function expectEditorSafe(doc: BodyDoc) {
  expect(bodyDocSchema.safeParse(doc).success).toBe(true);
  expect(throughEditor(doc)).toEqual(doc);
}

describe('htmlToBody — classic WordPress (wpautop)', () => {
  it('reads blank lines as paragraphs and single newlines as line breaks, keeping bold, italic and links', () => {
    const { doc } = wp('First line\nsecond line\n\nNext <strong>bold</strong>, <em>italic</em> and <a href="/x">a link</a>.');
    expect(doc.content).toEqual([
      p(text('First line'), br, text('second line')),
      p(text('Next '), text('bold', bold), text(', '), text('italic', italic), text(' and '), text('a link', link('https://old.example/x')), text('.')),
    ]);
    expectEditorSafe(doc);
  });

  it('does not double a <br> followed by a newline, and trims breaks at paragraph edges', () => {
    const { doc } = wp('<br>\nOne<br />\nTwo\n<br>');
    expect(doc.content).toEqual([p(text('One'), br, text('Two'))]);
  });

  it('collapses HTML whitespace but keeps no-break spaces and decodes entities', () => {
    const { doc } = plain('<p>  Caf&eacute;   prices&nbsp;rose   20&nbsp;% &amp; &lt;more&gt; 🌊 </p>');
    expect(doc.content).toEqual([p(text('Café prices\u00a0rose 20\u00a0% & <more> 🌊'))]);
  });

  it('turns a YouTube, Vimeo or X address alone on its line into an embed, and leaves other addresses as text', () => {
    const { doc } = wp('Watch:\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nhttps://vimeo.com/76979871\n\nhttps://example.org/page');
    expect(doc.content).toEqual([
      p(text('Watch:')),
      { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } },
      { type: 'embed', attrs: { provider: 'vimeo', url: 'https://vimeo.com/76979871' } },
      p(text('https://example.org/page')),
    ]);
  });
});

describe('htmlToBody — shortcodes', () => {
  it('makes [caption] a captioned image that remembers its attachment, with the caption as stand-in alt text', () => {
    const { doc, images } = wp(
      '[caption id="attachment_12" width="300"]<a href="/big.jpg"><img class="wp-image-12" src="/wp-content/uploads/2019/03/dawn-300x200.jpg" alt="" /></a> The harbour at dawn[/caption]',
    );
    expect(doc.content).toEqual([{ type: 'image', attrs: { mediaId: images[0]!.key, alt: 'The harbour at dawn', caption: 'The harbour at dawn', credit: '' } }]);
    expect(images).toEqual([
      {
        key: images[0]!.key,
        url: 'https://old.example/wp-content/uploads/2019/03/dawn-300x200.jpg',
        attachmentId: '12',
        mediaId: null,
        relativePath: null,
        alt: '',
        caption: 'The harbour at dawn',
        credit: '',
      },
    ]);
  });

  it('reads the caption attribute of older [caption] shortcodes', () => {
    const { doc } = wp('[caption id="attachment_3" caption="Old style caption"]<img src="https://old.example/a.jpg" alt="A boat">[/caption]');
    expect(doc.content[0]).toMatchObject({ type: 'image', attrs: { alt: 'A boat', caption: 'Old style caption' } });
  });

  it('makes [gallery ids] one image per attachment, and counts galleries of attached images it cannot list', () => {
    const { doc, images, report } = wp('[gallery ids="4, 5,6"]\n\n[gallery columns="2"]');
    expect(blocks(doc)).toEqual(['image', 'image', 'image']);
    expect(images.map((i) => i.attachmentId)).toEqual(['4', '5', '6']);
    expect(report.simplified).toEqual({ 'gallery-of-attached-images': 1 });
  });

  it('embeds [embed], [video], [youtube] and [vimeo] by their address', () => {
    const { doc, report } = wp(
      '[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]\n\n[video mp4="https://old.example/v.mp4"][/video]\n\n[youtube=https://www.youtube.com/watch?v=dQw4w9WgXcQ&w=640]\n\n[vimeo 76979871]',
    );
    expect(doc.content).toEqual([
      { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } },
      { type: 'embed', attrs: { provider: 'link', url: 'https://old.example/v.mp4' } },
      { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } },
      { type: 'embed', attrs: { provider: 'vimeo', url: 'https://vimeo.com/76979871' } },
    ]);
    expect(report.simplified).toEqual({ video: 1 });
  });

  it('keeps unknown shortcodes as typed and counts them by name, but not bracketed asides or escaped shortcodes', () => {
    const { doc, report } = wp('Use [contact-form-7 id="5" title="Contact"] or [gravityform id=2] [poll]Q?[/poll] [toc_here] — [sic] [1] [[gallery]].');
    expect(doc.content).toEqual([p(text('Use [contact-form-7 id="5" title="Contact"] or [gravityform id=2] [poll]Q?[/poll] [toc_here] — [sic] [1] [gallery].'))]);
    expect(report.unknownShortcodes).toEqual({ 'contact-form-7': 1, gravityform: 1, poll: 1, toc_here: 1 });
  });

  it('leaves shortcodes alone outside WordPress content', () => {
    const { doc, report } = plain('<p>[gallery ids="1"]</p>');
    expect(doc.content).toEqual([p(text('[gallery ids="1"]'))]);
    expect(report.unknownShortcodes).toEqual({});
  });
});

describe('htmlToBody — Gutenberg blocks', () => {
  const gutenberg = [
    '<!-- wp:heading {"level":4} --><h4 class="wp-block-heading">Four</h4><!-- /wp:heading -->',
    '<!-- wp:list --><ul><!-- wp:list-item --><li>One<!-- wp:list --><ul><!-- wp:list-item --><li>Nested</li><!-- /wp:list-item --></ul><!-- /wp:list --></li><!-- /wp:list-item --></ul><!-- /wp:list -->',
    '<!-- wp:quote --><blockquote class="wp-block-quote"><p>Quoted</p><cite>Someone</cite></blockquote><!-- /wp:quote -->',
    '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>Pulled</p><cite>Her</cite></blockquote></figure><!-- /wp:pullquote -->',
    '<!-- wp:image {"id":7} --><figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/i.jpg" alt="Alt" class="wp-image-7"/><figcaption>Cap <em>here</em></figcaption></figure><!-- /wp:image -->',
    '<!-- wp:embed {"url":"https://twitter.com/user/status/123","providerNameSlug":"twitter"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://twitter.com/user/status/123</div></figure><!-- /wp:embed -->',
    '<!-- wp:separator --><hr class="wp-block-separator"/><!-- /wp:separator -->',
    '<!-- wp:latest-posts /-->',
    '<!-- wp:more --><!--more--><!-- /wp:more -->',
    '<!-- wp:block {"ref":9} /-->',
    '<!-- wp:acme/hero --><div><p>Hero text</p></div><!-- /wp:acme/hero -->',
  ].join('\n\n');

  it('maps each core block onto the editor nodes and counts dynamic and unknown blocks', () => {
    const { doc, images, report } = htmlToBody(gutenberg, { wordpress: true, reusableBlock: (id) => (id === '9' ? '<!-- wp:paragraph --><p>Reusable</p><!-- /wp:paragraph -->' : null) });
    expect(doc.content).toEqual([
      { type: 'heading', attrs: { level: 4 }, content: [text('Four')] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('One')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('Nested'))] }] }] }] },
      { type: 'blockquote', content: [p(text('Quoted')), p(text('— Someone'))] },
      { type: 'pullQuote', content: [p(text('Pulled')), p(text('— Her'))] },
      { type: 'image', attrs: { mediaId: images[0]!.key, alt: 'Alt', caption: 'Cap here', credit: '' } },
      { type: 'embed', attrs: { provider: 'x', url: 'https://x.com/user/status/123' } },
      { type: 'horizontalRule' },
      p(text('Reusable')),
      p(text('Hero text')),
    ]);
    expect(images[0]!.attachmentId).toBe('7');
    expect(report.simplified).toEqual({ 'dynamic-block:core/latest-posts': 1, 'block:acme/hero': 1 });
    expectEditorSafe(doc);
  });

  it('does not apply wpautop to block content', () => {
    const { doc } = wp('<!-- wp:paragraph -->\n<p>One\ntwo</p>\n<!-- /wp:paragraph -->');
    expect(doc.content).toEqual([p(text('One two'))]);
  });

  it('keeps gallery images apart, each with its caption, and the gallery caption after them', () => {
    const { doc } = wp(
      '<!-- wp:gallery --><figure class="wp-block-gallery"><!-- wp:image {"id":1} --><figure class="wp-block-image"><img src="https://old.example/1.jpg" alt="One" class="wp-image-1"/><figcaption>First</figcaption></figure><!-- /wp:image --><!-- wp:image {"id":2} --><figure class="wp-block-image"><img src="https://old.example/2.jpg" alt="Two" class="wp-image-2"/></figure><!-- /wp:image --><figcaption class="blocks-gallery-caption">Both</figcaption></figure><!-- /wp:gallery -->',
    );
    expect(doc.content.map((b) => (b.type === 'image' ? [b.attrs.alt, b.attrs.caption] : b.type))).toEqual([['One', 'First'], ['Two', ''], 'paragraph']);
  });
});

describe('htmlToBody — hostile markup', () => {
  const hostile = `<p onclick="steal()">Hello<script>alert('x')</script><style>p{display:none}</style> reader.</p>
    <img src="https://old.example/a.jpg" onerror="alert(document.cookie)" alt="A">
    <p><a href="javascript:alert(1)">one</a> <a href=" JaVaScRiPt:alert(2)">two</a> <a href="data:text/html,x">three</a> <a href="vbscript:x">four</a></p>
    <iframe src="https://evil.example/"></iframe><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"></iframe>
    <object data="x.swf"></object><embed src="x.swf"><form><input name="p"><button>Go</button></form>
    <img src="data:image/png;base64,AAAA" alt="pixel"><img src="https://t.example/p.gif" width="1" height="1" alt="">
    <svg onload="alert(3)"><circle r="1"/></svg><noscript><img src="https://old.example/dup.jpg"></noscript>`;

  it('removes scripts, styles, event handlers, unsafe links and foreign frames, keeping the words and safe media', () => {
    const { doc, report } = plain(hostile);
    expect(doc.content).toEqual([
      p(text('Hello reader.')),
      expect.objectContaining({ type: 'image' }),
      p(text('one two three four')),
      { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } },
    ]);
    expect(report.removed).toEqual({ 'event-handler': 3, script: 1, style: 1, 'unsafe-link': 4, iframe: 1, object: 2, form: 1, 'data-image': 1, 'tracking-pixel': 1, svg: 1 });
    const html = renderDocToHtml(doc);
    expect(html).not.toMatch(/<script|alert|onerror|onclick|onload|javascript:|evil\.example|data:/i);
    expectEditorSafe(doc);
  });
});

describe('htmlToBody — other HTML', () => {
  it('flattens tables to one paragraph a row, keeps code line breaks, and maps h1/h5/h6 onto the editor levels', () => {
    const { doc, report } = plain('<table><caption>Fares</caption><tr><th>Route</th><th>Price</th></tr><tr><td>North</td><td><b>£2</b></td></tr></table><pre>a\n  b</pre><h1>One</h1><h5>Five</h5>');
    expect(doc.content).toEqual([
      p(text('Fares')),
      p(text('Route', bold), text(' | '), text('Price', bold)),
      p(text('North | '), text('£2', bold)),
      p(text('a'), br, text('  b')),
      { type: 'heading', attrs: { level: 2 }, content: [text('One')] },
      { type: 'heading', attrs: { level: 4 }, content: [text('Five')] },
    ]);
    expect(report.simplified).toEqual({ table: 1, 'code-block': 1, h1: 1, h5: 1 });
  });

  it('moves an image out of a heading or paragraph into its own block, in reading order', () => {
    const { doc } = plain('<h2><img src="https://old.example/i.jpg" alt="I">Title</h2><p>Before <img src="https://old.example/j.jpg" alt="J"> after</p>');
    expect(blocks(doc)).toEqual(['heading', 'image', 'paragraph', 'image', 'paragraph']);
  });

  it('gives list items that start with a nested list the leading paragraph the editor needs, and drops empty items', () => {
    const { doc } = plain('<ul><li><ul><li>deep</li></ul></li><li></li></ul>');
    expect(doc.content).toEqual([
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('deep'))] }] }] }] },
    ]);
    expectEditorSafe(doc);
  });

  it("reads the editor's own embed and image markup back (round trip of Broadsheet HTML)", () => {
    const { doc, images } = plain(
      '<div data-embed-url="https://vimeo.com/76979871"></div><figure data-media-id="abc123def456" data-credit="Agency"><img src="/api/media/abc123def456/preview" alt="Boat"><figcaption>On the water</figcaption></figure>',
    );
    expect(doc.content[0]).toEqual({ type: 'embed', attrs: { provider: 'vimeo', url: 'https://vimeo.com/76979871' } });
    expect(images[0]).toMatchObject({ mediaId: 'abc123def456', alt: 'Boat', caption: 'On the water', credit: 'Agency' });
  });

  it('treats Google Docs\' <b style="font-weight:normal"> wrapper as plain text and styled spans as bold/italic', () => {
    const { doc } = plain('<b style="font-weight:normal;" id="docs-internal-guid-1"><span style="font-weight:700">Loud</span> and <span style="font-style:italic">slanted</span></b>');
    expect(doc.content).toEqual([p(text('Loud', bold), text(' and '), text('slanted', italic))]);
  });

  it('gives an empty document for empty or whitespace-only input, spacer paragraphs included', () => {
    expect(plain('').doc).toEqual({ type: 'doc', content: [] });
    expect(wp('\n\n  <p> </p>\n<p>&nbsp;</p><p><br></p>').doc).toEqual({ type: 'doc', content: [] });
  });

  it('renders through the public renderer as the matching HTML', () => {
    const { doc } = wp('<h3>Heading</h3>\nSome <em>text</em>.\n<blockquote>Quote</blockquote>\n<ol><li>one</li></ol>\n<hr>');
    expect(renderDocToHtml(doc)).toBe(['<h3>Heading</h3>', '<p>Some <em>text</em>.</p>', '<blockquote><p>Quote</p></blockquote>', '<ol><li><p>one</p></li></ol>', '<hr />'].join('\n'));
  });
});

describe('resolveBodyImages', () => {
  const html =
    '<p>Intro</p><img src="https://old.example/a.jpg" alt="Has alt"><img class="wp-image-5" src="https://old.example/b.jpg" alt=""><blockquote><img src="https://gone.example/c.jpg" alt="Gone"></blockquote>';

  it('swaps placeholders for media ids, fills missing alt text from the library, and drops images it could not get', async () => {
    const converted = wp(html);
    const { doc, missing } = await resolveBodyImages(converted, async (ref) => {
      if (ref.url?.includes('gone.example')) return null;
      return ref.attachmentId === '5' ? { mediaId: 'media00000005', alt: 'Library alt', caption: 'Library caption' } : { mediaId: 'media0000000a' };
    });
    expect(doc.content).toEqual([
      p(text('Intro')),
      { type: 'image', attrs: { mediaId: 'media0000000a', alt: 'Has alt', caption: '', credit: '' } },
      { type: 'image', attrs: { mediaId: 'media00000005', alt: 'Library alt', caption: 'Library caption', credit: '' } },
    ]);
    expect(missing.map((m) => m.url)).toEqual(['https://gone.example/c.jpg']);
    expectEditorSafe(doc);
    const rendered = renderDocToHtml(doc, new Map([['media00000005', { src: '/m/5.webp', srcset: '/m/5.webp 640w', width: 640, height: 480 }]]));
    expect(rendered).toContain('<figcaption>Library caption</figcaption>');
    expect(rendered).toContain('alt="Library alt"');
  });
});

describe('htmlToPlainText (comments)', () => {
  it('keeps paragraphs and line breaks, shows link addresses and drops markup and scripts', () => {
    expect(htmlToPlainText('Hello <b>there</b>\nfriend\n\nSee <a href="https://ex.org/a">this</a> and <a href="https://ex.org/b">https://ex.org/b</a><script>x()</script>', { autop: true })).toBe(
      'Hello there\nfriend\n\nSee this (https://ex.org/a) and https://ex.org/b',
    );
    expect(htmlToPlainText('<p>One</p><p>Two &amp; three</p>')).toBe('One\n\nTwo & three');
  });
});

describe('every block the converter emits', () => {
  it('is a node type the editor and the renderer know', () => {
    const all = [wp('a\n\n[caption]<img src="https://o.example/x.jpg" alt="x">c[/caption]'), plain('<h2>h</h2><ul><li>l</li></ul><blockquote class="pull-quote">q</blockquote><hr>')];
    const known = new Set<BlockNode['type']>(['paragraph', 'heading', 'blockquote', 'pullQuote', 'bulletList', 'orderedList', 'horizontalRule', 'embed', 'image']);
    for (const { doc } of all) for (const b of doc.content) expect(known.has(b.type)).toBe(true);
  });
});
