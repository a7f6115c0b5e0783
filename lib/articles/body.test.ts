import { describe, expect, it } from 'vitest';
import { bodyDocSchema, countWords, docToPlainText, plainTextToDoc, renderDocBlocks, renderDocToHtml, type BodyDoc } from './body';

const text = (t: string) => ({ type: 'text' as const, text: t });
const para = (...content: object[]) => ({ type: 'paragraph', content }) as BodyDoc['content'][number];
const doc = (...content: BodyDoc['content']): BodyDoc => ({ type: 'doc', content });

describe('plainTextToDoc', () => {
  it('starts a paragraph at each blank line and keeps single line breaks', () => {
    expect(plainTextToDoc('First line\nsecond line\n\nNext paragraph')).toEqual(
      doc(para(text('First line'), { type: 'hardBreak' }, text('second line')), para(text('Next paragraph'))),
    );
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
    expect(html).toBe(
      ['<h2>Heading</h2>', '<p><strong>bold</strong><br /><em>it</em></p>', '<ul><li><p>item</p></li></ul>', '<blockquote><p>quoted</p></blockquote>', '<hr />'].join('\n'),
    );
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

describe('bodyDocSchema', () => {
  const withHref = (href: string) => doc(para({ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href } }] }));

  it.each(['https://example.com', 'http://example.com/a?b=c', 'mailto:desk@example.com', '/articles/x', '#notes'])('accepts the link %s', (href) => {
    expect(bodyDocSchema.safeParse(withHref(href)).success).toBe(true);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', ' javascript:alert(1)'])(
    'rejects the link %s',
    (href) => {
      const r = bodyDocSchema.safeParse(withHref(href));
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/Links must start with/);
    },
  );

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
