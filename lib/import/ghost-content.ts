import 'server-only';
import { marked } from 'marked';
import type { Reporter } from './body-builder';

// Ghost's editor formats (Lexical since 5.x, Mobiledoc before, Markdown in 0.x/1.x) written out
// as plain HTML, which html-to-body.ts then converts like any other HTML: one conversion path,
// one sanitiser. Cards become the HTML our converter understands (figures, `<div data-embed-url>`
// for embeds and bookmarks); cards with no equivalent are counted.

type Json = Record<string, unknown>;

const esc = (s: unknown) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** Markdown (Ghost's markdown card, Ghost 0.x posts) as HTML; raw HTML in it is sanitised later. */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true, breaks: true }) as string;
}

const embedDiv = (url: string) => `<div data-embed-url="${esc(url)}"></div>`;
const captionP = (caption: string) => (caption.trim() ? `<p>${caption}</p>` : '');

/** A Ghost card (same names and payloads in Lexical and Mobiledoc) as HTML. */
function cardToHtml(name: string, p: Json, reporter: Reporter): string {
  switch (name) {
    case 'image':
      return `<figure><img src="${esc(p.src)}" alt="${esc(p.alt)}" title="${esc(p.title)}">${str(p.caption) ? `<figcaption>${str(p.caption)}</figcaption>` : ''}</figure>`;
    case 'gallery': {
      const images = arr(p.images).map(obj);
      const inner = images.map((i) => `<figure><img src="${esc(i.src)}" alt="${esc(i.alt)}" title="${esc(i.title)}">${str(i.caption) ? `<figcaption>${str(i.caption)}</figcaption>` : ''}</figure>`);
      return `<figure>${inner.join('')}${str(p.caption) ? `<figcaption>${str(p.caption)}</figcaption>` : ''}</figure>`;
    }
    case 'embed':
      return (str(p.url) ? embedDiv(str(p.url)) : str(p.html)) + captionP(str(p.caption));
    case 'bookmark':
      return (str(p.url) ? embedDiv(str(p.url)) : '') + captionP(str(p.caption));
    case 'html':
      return str(p.html);
    case 'markdown':
    case 'card-markdown':
      return markdownToHtml(str(p.markdown));
    case 'hr':
    case 'horizontalrule':
      return '<hr>';
    case 'code':
    case 'codeblock':
      return `<pre><code>${esc(p.code)}</code></pre>${captionP(str(p.caption))}`;
    case 'callout':
      reporter.count('simplified', 'callout');
      // One paragraph: the emoji, then the text without its own paragraph wrapper.
      return `<p>${esc(p.calloutEmoji)} ${str(p.calloutText).replace(/^\s*<p[^>]*>|<\/p>\s*$/g, '')}</p>`;
    case 'toggle':
      reporter.count('simplified', 'toggle');
      return `<p><strong>${str(p.heading)}</strong></p>${str(p.content)}`;
    case 'button':
      reporter.count('simplified', 'button');
      return str(p.buttonUrl) ? `<p><a href="${esc(p.buttonUrl)}">${esc(p.buttonText) || esc(p.buttonUrl)}</a></p>` : '';
    case 'video':
    case 'audio':
      reporter.count('simplified', name);
      return (str(p.src) ? embedDiv(str(p.src)) : '') + captionP(str(p.caption));
    case 'file':
      reporter.count('simplified', 'file');
      return str(p.src) ? `<p><a href="${esc(p.src)}">${esc(p.fileTitle) || esc(p.fileName) || esc(p.src)}</a></p>${captionP(esc(p.fileCaption))}` : '';
    case 'product':
      reporter.count('simplified', 'product');
      return `<p><strong>${str(p.productTitle)}</strong></p>${str(p.productDescription)}${str(p.productUrl) ? `<p><a href="${esc(p.productUrl)}">${esc(p.productButton) || esc(p.productUrl)}</a></p>` : ''}`;
    case 'header':
      reporter.count('simplified', 'header');
      return `${str(p.header) ? `<h2>${str(p.header)}</h2>` : ''}${str(p.subheader) ? `<p>${str(p.subheader)}</p>` : ''}${str(p.buttonUrl) ? `<p><a href="${esc(p.buttonUrl)}">${esc(p.buttonText) || esc(p.buttonUrl)}</a></p>` : ''}`;
    case 'call-to-action':
      reporter.count('simplified', 'call-to-action');
      return `${str(p.textValue)}${str(p.buttonUrl) ? `<p><a href="${esc(p.buttonUrl)}">${esc(p.buttonText) || esc(p.buttonUrl)}</a></p>` : ''}`;
    default:
      // signup, paywall, email, email-cta, collection, transistor…: membership and newsletter furniture.
      reporter.count('simplified', `card:${name}`);
      return '';
  }
}

// ---- Lexical ----------------------------------------------------------------------------------

const FORMAT_TAGS: [number, string][] = [
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [8, 'u'],
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
  [128, 'mark'],
];

function lexicalInline(nodes: unknown[], reporter: Reporter): string {
  return nodes
    .map(obj)
    .map((n) => {
      const type = str(n.type).replace(/^extended-/, '');
      if (type === 'text') {
        let html = esc(n.text);
        const format = typeof n.format === 'number' ? n.format : 0;
        for (const [bit, tag] of FORMAT_TAGS) if (format & bit) html = `<${tag}>${html}</${tag}>`;
        return html;
      }
      if (type === 'linebreak') return '<br>';
      if (type === 'tab') return ' ';
      if (type === 'link' || type === 'autolink' || type === 'at-link') return `<a href="${esc(n.url)}">${lexicalInline(arr(n.children), reporter)}</a>`;
      if (Array.isArray(n.children)) return lexicalInline(n.children, reporter);
      if (typeof n.text === 'string') return esc(n.text);
      return '';
    })
    .join('');
}

function lexicalBlock(n: Json, reporter: Reporter): string {
  const type = str(n.type).replace(/^extended-/, '');
  const inline = () => lexicalInline(arr(n.children), reporter);
  switch (type) {
    case 'paragraph':
      return `<p>${inline()}</p>`;
    case 'heading': {
      const tag = /^h[1-6]$/.test(str(n.tag)) ? str(n.tag) : 'h2';
      return `<${tag}>${inline()}</${tag}>`;
    }
    case 'quote':
      return `<blockquote><p>${inline()}</p></blockquote>`;
    case 'aside':
      return `<blockquote class="pull-quote"><p>${inline()}</p></blockquote>`;
    case 'list': {
      const tag = str(n.listType) === 'number' || str(n.tag) === 'ol' ? 'ol' : 'ul';
      const items = arr(n.children)
        .map(obj)
        .map((li) => {
          const kids = arr(li.children).map(obj);
          const nested = kids
            .filter((k) => str(k.type) === 'list')
            .map((k) => lexicalBlock(k, reporter))
            .join('');
          return `<li>${lexicalInline(
            kids.filter((k) => str(k.type) !== 'list'),
            reporter,
          )}${nested}</li>`;
        });
      return `<${tag}>${items.join('')}</${tag}>`;
    }
    case 'horizontalrule':
      return '<hr>';
    default:
      if (Array.isArray(n.children))
        return arr(n.children)
          .map((c) => lexicalBlock(obj(c), reporter))
          .join('');
      return cardToHtml(type, n, reporter);
  }
}

/** A Ghost Lexical document (the `lexical` column, a JSON string) as HTML. */
export function lexicalToHtml(lexical: string, reporter: Reporter): string {
  const root = obj(obj(JSON.parse(lexical)).root);
  return arr(root.children)
    .map((c) => lexicalBlock(obj(c), reporter))
    .join('\n');
}

// ---- Mobiledoc --------------------------------------------------------------------------------

/** A Mobiledoc document (the `mobiledoc` column, a JSON string, versions 0.3.x) as HTML. */
export function mobiledocToHtml(mobiledoc: string, reporter: Reporter): string {
  const doc = obj(JSON.parse(mobiledoc));
  const markups = arr(doc.markups).map((m) => arr(m));
  const atoms = arr(doc.atoms).map((a) => arr(a));
  const cards = arr(doc.cards).map((c) => arr(c));
  const openTag = (i: number) => {
    const [tag, attrs] = markups[i] ?? [];
    const name = str(tag).toLowerCase();
    const list = arr(attrs);
    const href = name === 'a' ? list[list.indexOf('href') + 1] : undefined;
    return { name, html: name === 'a' ? `<a href="${esc(href)}">` : /^[a-z]+$/.test(name) ? `<${name}>` : '' };
  };
  const markers = (list: unknown[]) => {
    let html = '';
    const open: string[] = [];
    for (const raw of list) {
      const [type, opens, closes, value] = arr(raw);
      for (const i of arr(opens)) {
        const t = openTag(Number(i));
        html += t.html;
        open.push(t.html ? t.name : '');
      }
      if (type === 1) {
        const [name, text] = atoms[Number(value)] ?? [];
        html += str(name) === 'soft-return' ? '<br>' : esc(text);
      } else html += esc(value);
      for (let k = 0; k < Number(closes); k++) {
        const name = open.pop();
        if (name) html += `</${name}>`;
      }
    }
    while (open.length) {
      const name = open.pop();
      if (name) html += `</${name}>`;
    }
    return html;
  };
  return arr(doc.sections)
    .map((raw) => {
      const s = arr(raw);
      const kind = Number(s[0]);
      if (kind === 1) {
        const tag = str(s[1]).toLowerCase();
        if (tag === 'aside') return `<blockquote class="pull-quote"><p>${markers(arr(s[2]))}</p></blockquote>`;
        if (tag === 'blockquote') return `<blockquote><p>${markers(arr(s[2]))}</p></blockquote>`;
        const safe = /^(p|h[1-6])$/.test(tag) ? tag : 'p';
        return `<${safe}>${markers(arr(s[2]))}</${safe}>`;
      }
      if (kind === 2) return `<figure><img src="${esc(s[1])}" alt=""></figure>`;
      if (kind === 3) {
        const tag = str(s[1]) === 'ol' ? 'ol' : 'ul';
        return `<${tag}>${arr(s[2])
          .map((item) => `<li>${markers(arr(item))}</li>`)
          .join('')}</${tag}>`;
      }
      if (kind === 10) {
        const [name, payload] = cards[Number(s[1])] ?? [];
        return cardToHtml(str(name), obj(payload), reporter);
      }
      return '';
    })
    .join('\n');
}
