import { Parser } from 'htmlparser2';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentBody } from '@/components/comments/comment-body';
import { XSS_PAYLOADS } from '@/test/xss-payloads';
import { COMMENT_LINK_REL, linkifyText, safeHref } from './linkify';

const links = (text: string) => linkifyText(text).filter((s) => s.kind === 'link');

describe('linkifyText', () => {
  it('keeps plain text as one run', () => {
    expect(linkifyText('Just words.\nTwo lines.')).toEqual([{ kind: 'text', text: 'Just words.\nTwo lines.' }]);
    expect(linkifyText('')).toEqual([]);
  });

  it('links http(s) URLs and bare www. hosts, leaving sentence punctuation outside', () => {
    expect(linkifyText('See https://example.com/a?b=1. Or www.example.org, then (http://x.example/y).')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '. Or ' },
      { kind: 'link', text: 'www.example.org', href: 'https://www.example.org/' },
      { kind: 'text', text: ', then (' },
      { kind: 'link', text: 'http://x.example/y', href: 'http://x.example/y' },
      { kind: 'text', text: ').' },
    ]);
  });

  it('keeps balanced brackets that belong to the URL', () => {
    expect(links('https://en.wikipedia.org/wiki/Foo_(bar)')[0]).toMatchObject({ text: 'https://en.wikipedia.org/wiki/Foo_(bar)' });
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'ftp://files.example', 'https://', 'http://user:pw@example.com', 'mailto:a@example.com'])(
    'does not link %j',
    (text) => expect(links(text)).toEqual([]),
  );

  it('stops a URL at quotes and angle brackets, so it cannot break out of the attribute', () => {
    expect(links('https://example.com/"onmouseover="alert(1)')).toEqual([{ kind: 'link', text: 'https://example.com/', href: 'https://example.com/' }]);
    expect(links("http://example.com/'><img src=x>")[0]!.href).toBe('http://example.com/');
    expect(links('https://example.com/<script>')[0]!.href).toBe('https://example.com/');
  });

  it('only ever produces http(s) hrefs', () => {
    for (const p of XSS_PAYLOADS) for (const l of links(p)) expect(safeHref(l.href)).toMatch(/^https?:\/\//);
  });

  it('loses no text: the runs concatenate to the input', () => {
    for (const p of [...XSS_PAYLOADS, 'a https://b.example c'])
      expect(
        linkifyText(p)
          .map((s) => s.text)
          .join(''),
      ).toBe(p);
  });
});

/** Every element and the decoded text of rendered markup. */
function parse(html: string) {
  const elements: { name: string; attrs: Record<string, string> }[] = [];
  let text = '';
  let depth = 0;
  const parser = new Parser(
    {
      onopentag: (name, attrs) => {
        depth++;
        elements.push({ name, attrs });
      },
      ontext: (t) => {
        if (depth > 0) text += t;
      },
      onclosetag: () => depth--,
      // A comment, CDATA or processing instruction in the output would mean markup got through.
      oncomment: () => elements.push({ name: '#comment', attrs: {} }),
      onprocessinginstruction: (name) => elements.push({ name: `#pi:${name}`, attrs: {} }),
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { elements, text };
}

describe(`the comment renderer against ${XSS_PAYLOADS.length} hostile payloads`, () => {
  it('has at least 200 distinct payloads', () => {
    expect(new Set(XSS_PAYLOADS).size).toBeGreaterThanOrEqual(200);
  });

  it.each(XSS_PAYLOADS.map((p, i) => [i, p] as const))('payload %i renders as inert text: %s', (_i, payload) => {
    const html = renderToStaticMarkup(CommentBody({ text: payload }));
    const { elements, text } = parse(html);
    // One paragraph, holding nothing but our own links.
    expect(elements[0]).toEqual({ name: 'p', attrs: { class: expect.any(String) } });
    for (const el of elements.slice(1)) {
      expect(el.name).toBe('a');
      expect(Object.keys(el.attrs).sort()).toEqual(['class', 'href', 'rel']);
      expect(el.attrs.rel).toBe(COMMENT_LINK_REL);
      expect(new URL(el.attrs.href!).protocol).toMatch(/^https?:$/);
    }
    // What the reader typed is what the reader sees, character for character.
    expect(text).toBe(payload);
    expect(html).not.toMatch(/<(?!\/?(p|a)[\s>])/i);
  });
});
