import { describe, expect, it } from 'vitest';
import {
  bodyDocSchema,
  countWords,
  docToPlainText,
  imageIdsOf,
  isDocEmpty,
  parseEmbedUrl,
  plainTextToDoc,
  readingMinutes,
  renderDocBlocks,
  renderDocToHtml,
  sanitizeRenderedBlock,
  type BlockNode,
  type BodyDoc,
} from './body';

const text = (t: string) => ({ type: 'text' as const, text: t });
const para = (...content: object[]) => ({ type: 'paragraph', content }) as BodyDoc['content'][number];
const doc = (...content: BodyDoc['content']): BodyDoc => ({ type: 'doc', content });

describe('plainTextToDoc', () => {
  it('starts a paragraph at each blank line and keeps single line breaks', () => {
    expect(plainTextToDoc('First line\nsecond line\n\nNext paragraph')).toEqual(doc(para(text('First line'), { type: 'hardBreak' }, text('second line')), para(text('Next paragraph'))));
  });

  it('treats Windows line endings, whitespace-only lines and extra blank lines like blank lines', () => {
    expect(plainTextToDoc('  One\r\n \r\n\r\n\n Two  \r\n')).toEqual(doc(para(text('One')), para(text('Two'))));
  });

  it('gives an empty document for blank input', () => {
    expect(plainTextToDoc('')).toEqual(doc());
    expect(plainTextToDoc(' \n\n \n')).toEqual(doc());
  });

  it('always produces a document the schema accepts', () => {
    expect(bodyDocSchema.safeParse(plainTextToDoc('<b>hi</b>\n\nthere\nfriend')).success).toBe(true);
  });
});

describe('renderDocToHtml', () => {
  it('renders paragraphs, breaks, marks, headings, lists and quotes', () => {
    const html = renderDocToHtml(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Heading')] } as BodyDoc['content'][number],
        para({ type: 'text', text: 'bold', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: 'it', marks: [{ type: 'italic' }] }),
        { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('item'))] }] },
        { type: 'blockquote', content: [para(text('quoted'))] },
        { type: 'horizontalRule' },
      ),
    );
    expect(html).toBe(['<h2>Heading</h2>', '<p><strong>bold</strong><br /><em>it</em></p>', '<ul><li><p>item</p></li></ul>', '<blockquote><p>quoted</p></blockquote>', '<hr />'].join('\n'));
  });

  it('shows hostile text as text, never as markup', () => {
    const html = renderDocToHtml(plainTextToDoc('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> & \'quotes\''));
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror="alert(2)"&gt; &amp;');
    // The only elements are the paragraphs themselves.
    expect(html.match(/<[a-z]+/g)).toEqual(['<p', '<p']);
  });

  it('cannot break out of a link attribute with a quote', () => {
    const hostile = doc(para({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://example.com/" onclick="alert(1)' } }] }));
    expect(bodyDocSchema.safeParse(hostile).success).toBe(true);
    const html = renderDocToHtml(hostile);
    expect(html).not.toMatch(/onclick="/);
    expect(html).toMatch(/^<p><a href="https:\/\/example\.com\/[^"]*" rel="noopener">x<\/a><\/p>$/);
  });

  it('drops a javascript: link that bypassed validation, keeping the text', () => {
    const html = renderDocToHtml(doc(para({ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] })));
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('click');
  });

  it('renders one sanitised string per block for ad placement', () => {
    expect(renderDocBlocks(plainTextToDoc('a\n\nb\n\nc'))).toEqual(['<p>a</p>', '<p>b</p>', '<p>c</p>']);
  });
});

describe('renderDocBlocks without the parser', () => {
  // Text-only blocks are written directly instead of being parsed again by sanitize-html; the
  // result must be byte for byte what the sanitiser gives, for any text.
  const texts = [
    'plain',
    '',
    ' ',
    'Tom & Jerry',
    '&amp; &lt; &#39; &copy; &nbsp;',
    '<script>alert(1)</script>',
    'a<b',
    'x > y',
    `"double" 'single' \`tick\``,
    'line\r\nbreak\ttab',
    'café 🌊 \u00a0 \u2028 ﬁ',
    '&',
    '&&&;',
    '&#x3c;',
    ']]>',
    '<!-- no -->',
    '\u0000nul',
  ];
  const inline = (t: string, i: number) => [
    { type: 'text' as const, text: t },
    { type: 'text' as const, text: t, marks: [{ type: 'bold' as const }] },
    { type: 'text' as const, text: `${t}${i}`, marks: [{ type: 'italic' as const }, { type: 'bold' as const }] },
    { type: 'hardBreak' as const },
  ];
  const blocks: BlockNode[] = texts.flatMap((t, i): BlockNode[] => [
    { type: 'paragraph', content: [{ type: 'text', text: t }] },
    { type: 'paragraph', content: inline(t, i) },
    { type: 'paragraph' },
    { type: 'heading', attrs: { level: ((i % 3) + 2) as 2 | 3 | 4 }, content: inline(t, i) },
    { type: 'blockquote', content: [{ type: 'paragraph', content: inline(t, i) }, { type: 'paragraph' }] },
    { type: 'pullQuote', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: inline(t, i) }] },
        { type: 'listItem', content: [] },
      ],
    },
    {
      type: 'orderedList',
      content: [{ type: 'listItem', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] }] }] }],
    },
    { type: 'horizontalRule' },
    { type: 'paragraph', content: [{ type: 'text', text: t, marks: [{ type: 'link', attrs: { href: `https://example.org/?q=${encodeURIComponent(t)}` } }] }] },
  ]);

  it('gives exactly what sanitize-html gives for every kind of text block', () => {
    const doc = bodyDocSchema.parse({ type: 'doc', content: blocks });
    expect(doc.content.length).toBe(blocks.length);
    expect(renderDocBlocks(doc)).toEqual(doc.content.map((b) => sanitizeRenderedBlock(b)).filter(Boolean));
  });
});

describe('bodyDocSchema', () => {
  const withHref = (href: string) => doc(para({ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href } }] }));

  it.each(['https://example.com', 'http://example.com/a?b=c', 'mailto:desk@example.com', '/articles/x', '#notes'])('accepts the link %s', (href) => {
    expect(bodyDocSchema.safeParse(withHref(href)).success).toBe(true);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', ' javascript:alert(1)'])('rejects the link %s', (href) => {
    const r = bodyDocSchema.safeParse(withHref(href));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/Links must start with/);
  });

  it('rejects unknown node types and heading levels', () => {
    expect(bodyDocSchema.safeParse(doc({ type: 'script' } as never)).success).toBe(false);
    expect(bodyDocSchema.safeParse(doc({ type: 'heading', attrs: { level: 1 }, content: [] } as never)).success).toBe(false);
  });
});

describe('docToPlainText and countWords', () => {
  it('round-trips plain text through a document', () => {
    const original = 'The council met on Tuesday.\nIt adjourned at noon.\n\nA second paragraph, with <angle> & "quotes".';
    expect(docToPlainText(plainTextToDoc(original))).toBe(original);
  });

  it('normalises what the document cannot hold (surrounding blank lines and spaces)', () => {
    expect(docToPlainText(plainTextToDoc('\n\n  Hello  \n\n\n\nWorld\n'))).toBe('Hello\n\nWorld');
  });

  it('counts words across paragraphs and line breaks', () => {
    expect(countWords(plainTextToDoc('One two  three\nfour\n\nfive'))).toBe(5);
    expect(countWords(plainTextToDoc(''))).toBe(0);
  });
});

describe('hostile input', () => {
  const parse = (d: unknown) => bodyDocSchema.safeParse(d);
  const render = (d: unknown) => renderDocToHtml(bodyDocSchema.parse(d));
  const embed = (provider: string, url: string) => doc({ type: 'embed', attrs: { provider, url } } as never);

  it('escapes script tags in headings, quotes, pull quotes and list items', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const html = render(
      doc({ type: 'heading', attrs: { level: 3 }, content: [text(evil)] }, { type: 'blockquote', content: [para(text(evil))] }, { type: 'pullQuote', content: [para(text(evil))] } as never, {
        type: 'orderedList',
        content: [{ type: 'listItem', content: [para(text(evil))] }],
      }),
    );
    expect(html).not.toMatch(/<script|<img/i);
    expect(html.match(/&lt;script&gt;/g)).toHaveLength(4);
    expect(html.match(/<[a-z0-9]+/g)).toEqual(['<h3', '<blockquote', '<p', '<blockquote', '<p', '<ol', '<li', '<p']);
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', '//evil.example/x', 'vbscript:msgbox(1)', 'file:///etc/passwd'])(
    'refuses the link %s',
    (href) => {
      expect(parse(doc(para({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }))).success).toBe(false);
    },
  );

  it('strips event handlers, styles and classes smuggled in as attributes', () => {
    const smuggled = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { onclick: 'alert(1)', style: 'background:url(javascript:alert(1))', class: 'x' },
          content: [{ type: 'text', text: 'hi', marks: [{ type: 'link', attrs: { href: 'https://ok.example', onmouseover: 'alert(1)', target: '_blank' } }] }],
        },
        { type: 'heading', attrs: { level: 2, onload: 'alert(1)' }, content: [text('h')] },
        { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', srcdoc: '<script>alert(1)</script>', onload: 'alert(1)' } },
      ],
    };
    const parsed = bodyDocSchema.parse(smuggled);
    expect(JSON.stringify(parsed)).not.toMatch(/onclick|onmouseover|onload|style|srcdoc|target/);
    const html = renderDocToHtml(parsed);
    expect(html).not.toMatch(/onclick|onmouseover|onload|style=|srcdoc|target=|class="x"/);
  });

  it('refuses unknown nodes and marks anywhere in the tree', () => {
    expect(parse(doc({ type: 'iframe', attrs: { src: 'https://evil.example' } } as never)).success).toBe(false);
    expect(parse(doc({ type: 'blockquote', content: [{ type: 'rawHtml', html: '<script>' }] } as never)).success).toBe(false);
    expect(parse(doc({ type: 'pullQuote', content: [{ type: 'heading', attrs: { level: 2 } }] } as never)).success).toBe(false);
    expect(parse(doc(para({ type: 'text', text: 'x', marks: [{ type: 'code' }] }))).success).toBe(false);
    expect(parse({ type: 'doc', content: 'nope' }).success).toBe(false);
    expect(parse({ type: 'html', content: [] }).success).toBe(false);
  });

  it.each([
    ['youtube', 'https://evil.example/embed/dQw4w9WgXcQ'],
    ['youtube', 'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ'],
    ['vimeo', 'https://evil.example/123456'],
    ['vimeo', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['x', 'https://evil.example/someone/status/1'],
    ['youtube', 'javascript:alert(1)'],
    ['link', 'javascript:alert(1)'],
    ['link', 'data:text/html,<script>alert(1)</script>'],
    ['link', 'https://user:pass@example.com/'],
    ['iframe', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
  ])('refuses a %s embed of %s', (provider, url) => {
    expect(parse(embed(provider, url)).success).toBe(false);
  });

  it('renders YouTube and Vimeo as sandboxed, titled iframes on the privacy hosts only', () => {
    const yt = render(embed('youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'));
    expect(yt).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube video"');
    expect(yt).toMatch(/sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"/);
    const vimeo = render(embed('vimeo', 'https://vimeo.com/76979871'));
    expect(vimeo).toContain('<iframe src="https://player.vimeo.com/video/76979871" title="Vimeo video"');
    expect(vimeo).toContain('sandbox=');
  });

  it('renders X posts and other pages as link cards, with no script and no iframe', () => {
    const x = render(embed('x', 'https://x.com/jack/status/20'));
    expect(x).toBe(
      '<figure class="embed embed-card"><a href="https://x.com/jack/status/20" rel="noopener nofollow"><span class="embed-provider">Post on X</span> <span class="embed-url">https://x.com/jack/status/20</span></a></figure>',
    );
    const card = render(embed('link', 'https://example.com/a?b=%22%3Cscript%3E'));
    expect(card).not.toMatch(/<script|<iframe/);
    expect(card).toContain('<span class="embed-provider">example.com</span>');
  });

  it('canonicalises embed URLs so the stored one is the one validated', () => {
    expect(parseEmbedUrl('https://youtu.be/dQw4w9WgXcQ?t=3')).toEqual({ provider: 'youtube', id: 'dQw4w9WgXcQ', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
    expect(parseEmbedUrl('https://twitter.com/jack/status/20')).toEqual({ provider: 'x', id: '20', url: 'https://x.com/jack/status/20' });
    expect(parseEmbedUrl('https://player.vimeo.com/video/76979871')?.url).toBe('https://vimeo.com/76979871');
    expect(parseEmbedUrl('https://www.youtube.com/watch?v=<script>')).toBeNull();
    expect(parseEmbedUrl('ftp://example.com/file')).toBeNull();
    expect(parse(embed('youtube', 'https://youtu.be/dQw4w9WgXcQ')).success).toBe(false);
  });

  it('drops iframes on any other host even when handed to the sanitiser directly', () => {
    // Belt and braces: the sanitiser's iframe host list is the last line behind parseEmbedUrl.
    const html = renderDocToHtml({ type: 'doc', content: [{ type: 'embed', attrs: { provider: 'youtube', url: 'https://evil.example/embed/x' } }] });
    expect(html).not.toMatch(/iframe/);
  });

  it('renders pull quotes with their class and skips empty paragraphs', () => {
    expect(render(doc({ type: 'pullQuote', content: [para(text('Said it'))] } as never, { type: 'paragraph' }))).toBe('<blockquote class="pull-quote"><p>Said it</p></blockquote>');
  });
});

describe('reading helpers', () => {
  it('counts reading time and emptiness', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(460)).toBe(2);
    expect(isDocEmpty({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe(true);
    expect(isDocEmpty({ type: 'doc', content: [{ type: 'horizontalRule' }] })).toBe(false);
  });
});

describe('image nodes', () => {
  const MEDIA = 'abc123def456abc123de';
  const images = new Map([
    [
      MEDIA,
      {
        src: '/media/abc123def456abc123de/w960.webp',
        srcset: '/media/abc123def456abc123de/w320.webp 320w, /media/abc123def456abc123de/w960.webp 960w',
        avifSrcset: '/media/abc123def456abc123de/w640.avif 640w',
        width: 960,
        height: 540,
      },
    ],
  ]);
  const image = (attrs: Record<string, unknown>) => ({ type: 'doc', content: [{ type: 'image', attrs: { mediaId: MEDIA, alt: 'A fox', caption: '', credit: '', ...attrs } }] });

  it('renders a figure with srcset, sizes, width, height, alt and "caption — credit"', () => {
    const html = renderDocToHtml(bodyDocSchema.parse(image({ caption: 'The fox at dawn', credit: 'Jo Bloggs/Agency' })), images);
    expect(html).toBe(
      '<figure class="media-figure"><picture><source type="image/avif" srcset="/media/abc123def456abc123de/w640.avif 640w" sizes="(min-width: 1024px) 720px, 100vw" />' +
        '<img src="/media/abc123def456abc123de/w960.webp" srcset="/media/abc123def456abc123de/w320.webp 320w, /media/abc123def456abc123de/w960.webp 960w" sizes="(min-width: 1024px) 720px, 100vw" width="960" height="540" alt="A fox" loading="lazy" decoding="async" /></picture>' +
        '<figcaption>The fox at dawn — <span class="media-credit">Jo Bloggs/Agency</span></figcaption></figure>',
    );
  });

  it('refuses an image without alt text, with a message that says what to write', () => {
    const r = bodyDocSchema.safeParse(image({ alt: '   ' }));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/alt text/);
  });

  it('refuses media ids that are not library ids', () => {
    for (const mediaId of ['../../etc/passwd', 'javascript:alert(1)', 'ABC', '"><script>', '']) {
      expect(bodyDocSchema.safeParse(image({ mediaId })).success).toBe(false);
    }
  });

  it('escapes hostile alt, caption and credit, and never takes a src from the node', () => {
    const evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const parsed = bodyDocSchema.parse({
      type: 'doc',
      content: [{ type: 'image', attrs: { mediaId: MEDIA, alt: evil, caption: evil, credit: evil, src: 'javascript:alert(3)', onerror: 'alert(4)', srcset: 'https://evil.example/x.png 1w' } }],
    });
    expect(Object.keys((parsed.content[0] as { attrs: object }).attrs).sort()).toEqual(['alt', 'caption', 'credit', 'mediaId']);
    const html = renderDocToHtml(parsed, images);
    expect(html).not.toMatch(/<script|evil\.example|javascript:/i);
    // One real <img>, whose attributes are only the renderer's (escaped values hold no raw quotes).
    const tags = html.match(/<img\s[^>]*>/g) ?? [];
    expect(tags).toHaveLength(1);
    expect([...tags[0]!.matchAll(/\s([a-z-]+)="[^"]*"/g)].map((m) => m[1])).toEqual(['src', 'srcset', 'sizes', 'width', 'height', 'alt', 'loading', 'decoding']);
    expect(html).toContain('alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"');
  });

  it('drops image URLs with unsafe schemes even when the lookup holds them', () => {
    const bad = new Map([[MEDIA, { src: 'javascript:alert(1)', srcset: 'javascript:alert(1) 1w', width: 1, height: 1 }]]);
    expect(renderDocToHtml(bodyDocSchema.parse(image({})), bad)).not.toMatch(/javascript:/);
  });

  it('renders nothing for an image whose media is gone, and counts an image as content', () => {
    const parsed = bodyDocSchema.parse(image({}));
    expect(renderDocToHtml(parsed, new Map())).toBe('');
    expect(isDocEmpty(parsed)).toBe(false);
    expect(imageIdsOf({ type: 'doc', content: [...parsed.content, { type: 'blockquote', content: parsed.content }] })).toEqual([MEDIA]);
  });
});
