import 'server-only';
import { isCDATA, isComment, isTag, isText, type ChildNode, type Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { bodyDocSchema, SAFE_HREF, type BlockNode, type BodyDoc, type Mark, type ParagraphNode } from '@/lib/articles/body-schema';
import { Container, embedNode, ImageCollector, paragraph, Reporter, withMark, type ImageInput } from './body-builder';
import type { ConvertedBody } from './records';
import { absoluteUrl, cleanText, textFromHtml } from './text';
import { expandShortcodes } from './wp-shortcodes';

export { resolveBodyImages, type ResolvedImage } from './resolve-images';

// HTML from outside the dashboard (WordPress post_content, Ghost cards rendered to HTML, the
// Admin API's `html` input) to the editor's structured body. The result validates against
// bodyDocSchema and renders through lib/articles/body.ts exactly as the editor shows it: only
// node types the editor has are produced, and nothing of the markup survives except text,
// bold/italic, safe links, images (as media placeholders) and embeds rebuilt from their URL.

export type HtmlToBodyOptions = {
  /** WordPress post_content: expand shortcodes, read block comments, wpautop classic posts, embed bare video URLs. */
  wordpress?: boolean;
  /** Base for relative links and image sources (the old site's URL). */
  baseUrl?: string | null;
  /** Where an image URL lives under the source's uploads tree (for `--media-dir`), if it does. */
  mediaPathOf?: (url: string) => string | null;
  /** HTML of a WordPress reusable block (`<!-- wp:block {"ref":N} /-->`), by id. */
  reusableBlock?: (id: string) => string | null;
  /** Counts from an earlier stage (Ghost card conversion) to add to this report. */
  report?: ConvertedBody['report'];
};

type Ctx = { marks: Mark[]; pre: boolean; autop: boolean; depth: number };

const REMOVED: Record<string, string> = {
  script: 'script',
  style: 'style',
  object: 'object',
  embed: 'object',
  applet: 'object',
  param: 'object',
  form: 'form',
  input: 'form',
  button: 'form',
  select: 'form',
  textarea: 'form',
  frame: 'iframe',
  frameset: 'iframe',
  svg: 'svg',
  math: 'math',
  canvas: 'canvas',
};
const IGNORED = new Set(['head', 'title', 'meta', 'link', 'base', 'template', 'noscript', 'map', 'area', 'track', 'source', 'wbr', 'colgroup', 'col']);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'address',
  'center',
  'details',
  'summary',
  'nav',
  'hgroup',
  'fieldset',
  'legend',
  'dl',
  'dt',
  'dd',
  'figcaption',
  'body',
  'html',
  'caption',
  'menu',
  'dialog',
  'search',
]);
const SIMPLIFIED_MARKS: Record<string, string> = {
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'inline-code',
  kbd: 'inline-code',
  samp: 'inline-code',
  tt: 'inline-code',
  sup: 'superscript',
  sub: 'subscript',
  mark: 'highlight',
};
const CORE_BLOCKS = new Set([
  'paragraph',
  'heading',
  'list',
  'list-item',
  'quote',
  'pullquote',
  'image',
  'gallery',
  'embed',
  'separator',
  'html',
  'shortcode',
  'code',
  'preformatted',
  'verse',
  'table',
  'freeform',
  'classic',
  'more',
  'nextpage',
  'spacer',
  'columns',
  'column',
  'group',
  'buttons',
  'button',
  'cover',
  'media-text',
  'audio',
  'video',
  'file',
  'details',
  'missing',
  'block',
  'row',
  'stack',
  'text-columns',
  'subhead',
]);
const SILENT_SELF_CLOSING = new Set(['more', 'nextpage', 'spacer', 'separator']);

const hasClass = (el: Element, re: RegExp) => re.test(el.attribs.class ?? '');
const isEl = (n: ChildNode): n is Element => isTag(n);

class Converter {
  readonly reporter = new Reporter();
  readonly images = new ImageCollector();
  constructor(private readonly opts: HtmlToBodyOptions) {}

  container() {
    return new Container(!!this.opts.wordpress);
  }

  walk(nodes: ChildNode[], c: Container, ctx: Ctx) {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (isComment(node)) {
        if (this.opts.wordpress) i = this.blockComment(nodes, i, c, ctx);
        continue;
      }
      this.node(node, c, ctx);
    }
  }

  /** A Gutenberg block delimiter: handles the block it opens; returns the index to continue after. */
  private blockComment(nodes: ChildNode[], i: number, c: Container, ctx: Ctx): number {
    const data = (nodes[i] as { data: string }).data;
    const m = /^\s*(\/)?wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)\s*(\{[\s\S]*\})?\s*(\/)?\s*$/.exec(data);
    if (!m || m[1]) return i;
    const name = m[2]!.includes('/') ? m[2]! : `core/${m[2]}`;
    const short = name.startsWith('core/') ? name.slice(5) : name;
    let attrs: Record<string, unknown> = {};
    try {
      attrs = m[3] ? (JSON.parse(m[3]) as Record<string, unknown>) : {};
    } catch {
      attrs = {};
    }
    if (m[4]) {
      if (short === 'block' && attrs.ref !== undefined) this.reusable(String(attrs.ref), c, ctx);
      else if (!SILENT_SELF_CLOSING.has(short)) this.reporter.count('simplified', `dynamic-block:${name}`);
      return i;
    }
    // Find the matching closer among the siblings.
    let depth = 0;
    let j = i + 1;
    for (; j < nodes.length; j++) {
      const n = nodes[j]!;
      if (!isComment(n)) continue;
      const mm = /^\s*(\/)?wp:([a-z][a-z0-9_/-]*)[\s{]*/.exec(n.data);
      if (!mm || mm[2] !== m[2]) continue;
      if (/\/\s*$/.test(n.data) && !mm[1]) continue;
      if (!mm[1]) depth++;
      else if (depth === 0) break;
      else depth--;
    }
    if (j >= nodes.length) return i;
    const inner = nodes.slice(i + 1, j);
    const isEmbed = short === 'embed' || short.startsWith('core-embed/');
    if (isEmbed) {
      const url = typeof attrs.url === 'string' ? attrs.url : undefined;
      const node = embedNode(url);
      if (node) {
        c.block(node);
        // The caption, if any, follows as text.
        for (const n of inner) if (isEl(n)) for (const cap of DomUtils.findAll((e) => e.name === 'figcaption', [n])) this.walk(cap.children, c, ctx);
        c.flush();
        return j;
      }
    } else if (!CORE_BLOCKS.has(short) && !short.startsWith('core-embed/')) {
      this.reporter.count('simplified', `block:${name}`);
    }
    this.walk(inner, c, ctx);
    return j;
  }

  private reusable(ref: string, c: Container, ctx: Ctx) {
    const html = this.opts.reusableBlock?.(ref);
    if (!html || ctx.depth > 3) {
      this.reporter.count('simplified', 'reusable-block-missing');
      return;
    }
    this.walk(parse(expandShortcodes(html, this.reporter)), c, { ...ctx, depth: ctx.depth + 1 });
  }

  node(node: ChildNode, c: Container, ctx: Ctx) {
    if (isText(node)) return this.text(node.data, c, ctx);
    if (isCDATA(node)) return this.walk(node.children, c, ctx);
    if (isEl(node)) this.element(node, c, ctx);
  }

  private text(data: string, c: Container, ctx: Ctx) {
    const marks = ctx.marks;
    if (ctx.pre) {
      data
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .forEach((line, i) => {
          if (i) c.inline({ t: 'br', soft: false });
          if (line) c.inline({ t: 'text', text: line.replace(/\t/g, '    '), marks, pre: true });
        });
      return;
    }
    // HTML whitespace collapses; a no-break space is text.
    if (!ctx.autop) {
      c.inline({ t: 'text', text: data.replace(/[ \t\n\f\r]+/g, ' '), marks });
      return;
    }
    // wpautop: a blank line ends the paragraph, a single newline is a line break.
    for (const part of data.replace(/\r\n?/g, '\n').split(/(\n[ \t\f]*\n[ \t\n\f]*|\n)/)) {
      if (!part) continue;
      if (part.startsWith('\n')) c.inline(part === '\n' ? { t: 'br', soft: true } : { t: 'para' });
      else c.inline({ t: 'text', text: part.replace(/[ \t\f]+/g, ' '), marks });
    }
  }

  private element(el: Element, c: Container, ctx: Ctx) {
    const name = el.name.toLowerCase();
    for (const attr of Object.keys(el.attribs)) if (/^on/i.test(attr)) this.reporter.count('removed', 'event-handler');
    if (REMOVED[name]) return this.reporter.count('removed', REMOVED[name]);
    if (IGNORED.has(name)) return;
    if (el.attribs['data-embed-url'] !== undefined) return this.embed(el.attribs['data-embed-url'], c);
    switch (name) {
      case 'br':
        return c.inline({ t: 'br', soft: false });
      case 'img':
        return this.image(el, c, '');
      case 'iframe':
        return this.iframe(el, c);
      case 'video':
      case 'audio': {
        this.reporter.count('simplified', name);
        const src = el.attribs.src ?? DomUtils.findOne((e) => e.name === 'source' && !!e.attribs.src, el.children)?.attribs.src;
        const node = embedNode(src ? absoluteUrl(src, this.opts.baseUrl) : null);
        if (node) c.block(node);
        return;
      }
      case 'hr':
        return c.block({ type: 'horizontalRule' });
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return this.heading(el, c, ctx);
      case 'ul':
      case 'ol':
        return this.list(el, c, ctx);
      case 'blockquote':
        return this.blockquote(el, c, ctx);
      case 'figure':
        return this.figure(el, c, ctx);
      case 'table':
        return this.table(el, c, ctx);
      case 'pre':
        this.reporter.count('simplified', 'code-block');
        c.flush();
        this.walk(el.children, c, { ...ctx, pre: true });
        return c.flush();
      case 'a':
        return this.link(el, c, ctx);
    }
    if (name === 'div' && (hasClass(el, /\bwp-caption\b/) || el.attribs['data-import-caption'] !== undefined)) return this.figure(el, c, ctx);
    if (BLOCKS.has(name)) {
      c.flush();
      this.walk(el.children, c, ctx);
      return c.flush();
    }
    this.walk(el.children, c, { ...ctx, marks: this.marksFor(el, name, ctx.marks) });
  }

  private marksFor(el: Element, name: string, marks: Mark[]): Mark[] {
    const style = (el.attribs.style ?? '').toLowerCase();
    // Google Docs wraps pasted text in <b style="font-weight:normal">: not bold at all.
    if ((name === 'strong' || name === 'b') && !/font-weight:\s*(normal|400)/.test(style)) return withMark(marks, { type: 'bold' });
    if (['em', 'i', 'cite', 'dfn', 'var'].includes(name)) return withMark(marks, { type: 'italic' });
    if (SIMPLIFIED_MARKS[name]) this.reporter.count('simplified', SIMPLIFIED_MARKS[name]);
    let out = marks;
    if (/font-weight:\s*(bold|[6-9]00)/.test(style)) out = withMark(out, { type: 'bold' });
    if (/font-style:\s*italic/.test(style)) out = withMark(out, { type: 'italic' });
    return out;
  }

  private link(el: Element, c: Container, ctx: Ctx) {
    const raw = (el.attribs.href ?? '').trim();
    let marks = ctx.marks;
    if (raw) {
      const href = raw.startsWith('#') || /^mailto:/i.test(raw) ? raw : absoluteUrl(raw, this.opts.baseUrl);
      if (href && SAFE_HREF.test(href) && href.length <= 2048) marks = withMark(marks, { type: 'link', attrs: { href } });
      else this.reporter.count('removed', 'unsafe-link');
    }
    this.walk(el.children, c, { ...ctx, marks });
  }

  private embed(url: string | undefined, c: Container) {
    const node = embedNode(url ? absoluteUrl(url, this.opts.baseUrl) : null);
    if (node) c.block(node);
    else this.reporter.count('removed', 'embed-without-url');
  }

  private iframe(el: Element, c: Container) {
    const src = absoluteUrl(el.attribs.src ?? el.attribs['data-src'] ?? '', this.opts.baseUrl);
    const node = embedNode(src);
    if (node?.type === 'embed' && node.attrs.provider !== 'link') c.block(node);
    else this.reporter.count('removed', 'iframe');
  }

  private heading(el: Element, c: Container, ctx: Ctx) {
    const tag = el.name.toLowerCase();
    const level = tag === 'h1' || tag === 'h2' ? 2 : tag === 'h3' ? 3 : 4;
    if (tag === 'h1' || tag === 'h5' || tag === 'h6') this.reporter.count('simplified', tag);
    const sub = this.container();
    this.walk(el.children, sub, { ...ctx, autop: false });
    const blocks = sub.finish();
    const content = blocks.flatMap((b, i) => (b.type === 'paragraph' ? [...(i ? [{ type: 'text' as const, text: ' ' }] : []), ...(b.content ?? [])] : []));
    const text = content.filter((n) => n.type === 'text');
    if (text.length) c.block({ type: 'heading', attrs: { level }, content: cleanHeading(content) });
    for (const b of blocks) if (b.type !== 'paragraph') c.block(b);
  }

  private list(el: Element, c: Container, ctx: Ctx) {
    const items: { type: 'listItem'; content: BlockNode[] }[] = [];
    let loose: ChildNode[] = [];
    const push = (nodes: ChildNode[]) => {
      const sub = this.container();
      this.walk(nodes, sub, ctx);
      const blocks = sub.finish();
      if (!blocks.length && !nodes.length) return;
      if (blocks[0]?.type !== 'paragraph') blocks.unshift({ type: 'paragraph' });
      items.push({ type: 'listItem', content: blocks });
    };
    for (const child of el.children) {
      if (isEl(child) && child.name === 'li') {
        if (loose.length) push(loose);
        loose = [];
        push(child.children);
      } else if (isEl(child) && (child.name === 'ul' || child.name === 'ol') && items.length) {
        // A list nested directly in a list belongs to the item before it.
        const sub = this.container();
        this.list(child, sub, ctx);
        items[items.length - 1]!.content.push(...sub.finish());
      } else if (isEl(child) || (isText(child) && child.data.trim())) {
        loose.push(child);
      }
    }
    if (loose.length) push(loose);
    if (items.length) c.block({ type: el.name === 'ol' ? 'orderedList' : 'bulletList', content: items });
  }

  private blockquote(el: Element, c: Container, ctx: Ctx) {
    if (hasClass(el, /\btwitter-tweet\b/)) {
      const links = DomUtils.findAll((e) => e.name === 'a' && !!e.attribs.href, el.children).map((a) => embedNode(a.attribs.href));
      const tweet = links.reverse().find((n) => n?.type === 'embed' && n.attrs.provider === 'x');
      if (tweet) return c.block(tweet);
    }
    const permalink = el.attribs['data-instgrm-permalink'] ?? (hasClass(el, /\b(instagram-media|tiktok-embed)\b/) ? el.attribs.cite : undefined);
    if (permalink) return this.embed(permalink, c);
    if (hasClass(el, /\b(wp-block-pullquote|pull-?quote|kg-blockquote-alt)\b/)) return this.pullQuote(el.children, c, ctx);
    const sub = this.container();
    this.quoteContent(el.children, sub, ctx);
    const blocks = sub.finish();
    if (blocks.length) c.block({ type: 'blockquote', content: blocks });
  }

  /** Quote content, with a `<cite>` that stands on its own line as an attribution paragraph. */
  private quoteContent(nodes: ChildNode[], sub: Container, ctx: Ctx) {
    for (const n of nodes) {
      if (isEl(n) && (n.name === 'cite' || n.name === 'footer')) {
        const text = cleanText(DomUtils.textContent(n));
        if (text) sub.block({ type: 'paragraph', content: [{ type: 'text', text: `— ${text.replace(/^[—–-]\s*/, '')}` }] });
      } else this.walk([n], sub, ctx);
    }
  }

  private pullQuote(nodes: ChildNode[], c: Container, ctx: Ctx) {
    const sub = this.container();
    const inner = nodes.find((n): n is Element => isEl(n) && n.name === 'blockquote');
    this.quoteContent(inner ? inner.children : nodes, sub, ctx);
    const paragraphs: ParagraphNode[] = [];
    const after: BlockNode[] = [];
    const flatten = (b: BlockNode) => {
      if (b.type === 'paragraph' || b.type === 'heading') {
        const p = paragraph(b.content ?? []);
        if (p) paragraphs.push(p);
      } else if (b.type === 'blockquote' || b.type === 'pullQuote') (b.content as BlockNode[]).forEach(flatten);
      else if (b.type === 'bulletList' || b.type === 'orderedList') b.content.forEach((li) => li.content.forEach(flatten));
      else if (b.type !== 'horizontalRule') after.push(b);
    };
    sub.finish().forEach(flatten);
    if (paragraphs.length) c.block({ type: 'pullQuote', content: paragraphs.slice(0, 20) });
    for (const p of paragraphs.slice(20)) c.block(p);
    for (const b of after) c.block(b);
  }

  private figure(el: Element, c: Container, ctx: Ctx) {
    if (hasClass(el, /\bwp-block-pullquote\b/)) return this.pullQuote(el.children, c, ctx);
    const caption = (scope: ChildNode[]) => DomUtils.findAll((e) => e.name === 'figcaption' || hasClass(e, /\bwp-caption-(text|dd)\b/), scope).filter((e) => !insideNestedFigure(e, el));
    const gallery = el.attribs['data-import-gallery'];
    if (gallery !== undefined) {
      for (const id of gallery.split(',').filter(Boolean)) c.block(this.images.add(this.imageInput({ attachmentId: id })));
      return;
    }
    const bookmark = hasClass(el, /\bkg-bookmark-card\b/) ? DomUtils.findOne((e) => e.name === 'a' && !!e.attribs.href, el.children) : null;
    const embedUrl = hasClass(el, /\b(wp-block-embed|kg-embed-card)\b/) ? embedUrlIn(el) : bookmark?.attribs.href;
    if (embedUrl) {
      this.embed(embedUrl, c);
      for (const cap of caption(el.children)) this.walk(cap.children, c, ctx);
      return c.flush();
    }
    const nested = DomUtils.findAll((e) => e.name === 'figure', el.children).filter((f) => !insideNestedFigure(f, el));
    if (nested.length) {
      // A gallery: each inner figure is an image with its own caption; the gallery's caption follows.
      for (const f of nested) this.figure(f, c, ctx);
      for (const cap of caption(el.children)) this.walk(cap.children, c, ctx);
      return c.flush();
    }
    const imgs = DomUtils.findAll((e) => e.name === 'img', el.children).filter((img) => !caption(el.children).some((cap) => containsNode(cap, img)));
    if (!imgs.length) {
      c.flush();
      this.walk(el.children, c, ctx);
      return c.flush();
    }
    const captions = caption(el.children);
    let text = captions.map((cap) => cleanText(DomUtils.textContent(cap))).join(' ');
    // [caption] puts the caption after the image, outside any element; older ones in an attribute.
    if (!text && el.attribs['data-import-caption'] !== undefined) {
      text = textFromHtml(el.attribs['data-import-caption']) || leftoverText(el);
    }
    if (imgs.length === 1) return this.image(imgs[0]!, c, text);
    for (const img of imgs) this.image(img, c, '');
    if (text) c.block({ type: 'paragraph', content: [{ type: 'text', text }] });
  }

  private table(el: Element, c: Container, ctx: Ctx) {
    this.reporter.count('simplified', 'table');
    c.flush();
    const cap = DomUtils.findOne((e) => e.name === 'caption', el.children, false);
    if (cap) this.walk(cap.children, c, ctx);
    c.flush();
    for (const row of DomUtils.findAll((e) => e.name === 'tr', el.children)) {
      const cells = row.children.filter((n): n is Element => isEl(n) && (n.name === 'td' || n.name === 'th'));
      cells.forEach((cell, i) => {
        if (i) c.inline({ t: 'text', text: ' | ', marks: [] });
        const marks = cell.name === 'th' ? withMark(ctx.marks, { type: 'bold' }) : ctx.marks;
        this.walkInline(cell.children, c, { ...ctx, marks });
      });
      c.flush();
    }
  }

  /** Cell content kept on one line: paragraphs inside become spaces. */
  private walkInline(nodes: ChildNode[], c: Container, ctx: Ctx) {
    const sub = this.container();
    this.walk(nodes, sub, { ...ctx, autop: false });
    sub.finish().forEach((b, i) => {
      if (b.type === 'paragraph') {
        if (i) c.inline({ t: 'text', text: ' ', marks: [] });
        for (const n of b.content ?? []) c.inline(n.type === 'text' ? { t: 'text', text: n.text, marks: n.marks ?? [] } : { t: 'br', soft: false });
      } else c.block(b);
    });
  }

  image(el: Element, c: Container, caption: string) {
    const a = el.attribs;
    const cls = a.class ?? '';
    // Emoji WordPress swapped for images read as text again.
    if (/\b(wp-smiley|emoji)\b/.test(cls) && a.alt) return c.inline({ t: 'text', text: a.alt, marks: [] });
    if (a.width === '1' && a.height === '1') return this.reporter.count('removed', 'tracking-pixel');
    const raw = a['data-src'] ?? a['data-lazy-src'] ?? a.src ?? (a.srcset ?? '').split(/\s+/)[0] ?? '';
    if (/^data:/i.test(raw.trim())) return this.reporter.count('removed', 'data-image');
    const url = raw.trim() ? absoluteUrl(raw, this.opts.baseUrl) : null;
    if (!url || !/^(https?:\/\/|\/)/i.test(url)) return this.reporter.count('removed', 'image-without-source');
    const attachmentId = /\bwp-image-(\d+)\b/.exec(cls)?.[1] ?? (/^\d+$/.test(a['data-id'] ?? '') ? a['data-id']! : null);
    const figure = el.parent && isEl(el.parent as ChildNode) ? closestFigure(el) : null;
    const mediaId = figure?.attribs['data-media-id'] ?? null;
    c.block(this.images.add(this.imageInput({ url, attachmentId, mediaId, alt: a.alt ?? '', title: a.title ?? '', caption, credit: figure?.attribs['data-credit'] ?? '' })));
  }

  private imageInput(p: Partial<ImageInput>): ImageInput {
    const url = p.url ?? null;
    return {
      url,
      attachmentId: p.attachmentId ?? null,
      mediaId: p.mediaId && /^[a-z0-9]{8,40}$/.test(p.mediaId) ? p.mediaId : null,
      relativePath: url ? (this.opts.mediaPathOf?.(url) ?? null) : null,
      alt: p.alt ?? '',
      caption: p.caption ?? '',
      credit: p.credit ?? '',
      title: p.title ?? '',
    };
  }
}

function cleanHeading(content: NonNullable<ParagraphNode['content']>) {
  // Headings hold one line: breaks become spaces.
  return content
    .map((n) => (n.type === 'hardBreak' ? { type: 'text' as const, text: ' ' } : n))
    .reduce<typeof content>((acc, n) => {
      const prev = acc[acc.length - 1];
      if (prev?.type === 'text' && n.type === 'text' && JSON.stringify(prev.marks ?? []) === JSON.stringify(n.marks ?? [])) {
        acc[acc.length - 1] = { ...prev, text: `${prev.text}${n.text}`.replace(/ {2,}/g, ' ') };
      } else acc.push(n);
      return acc;
    }, []);
}

function containsNode(ancestor: Element, node: Element): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

function insideNestedFigure(node: Element, root: Element): boolean {
  for (let p = node.parent; p && p !== root; p = p.parent) if (isEl(p as ChildNode) && (p as Element).name === 'figure') return true;
  return false;
}

function closestFigure(el: Element): Element | null {
  for (let p = el.parent; p; p = p.parent) if (isEl(p as ChildNode) && (p as Element).name === 'figure') return p as Element;
  return null;
}

/** The URL a Gutenberg or Ghost embed figure shows: the wrapper's text, else its iframe. */
function embedUrlIn(el: Element): string | undefined {
  const wrapper = DomUtils.findOne((e) => hasClass(e, /\bwp-block-embed__wrapper\b/), el.children);
  const text = cleanText(DomUtils.textContent(wrapper ?? el))
    .split(' ')
    .find((w) => /^https?:\/\//.test(w));
  return text ?? DomUtils.findOne((e) => e.name === 'iframe' && !!e.attribs.src, el.children)?.attribs.src;
}

/** The text of a [caption] figure outside its image and link (the caption itself). */
function leftoverText(el: Element): string {
  const parts: string[] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (isText(n)) parts.push(n.data);
      else if (isEl(n) && n.name !== 'img') visit(n.name === 'a' && DomUtils.findOne((e) => e.name === 'img', n.children) ? [] : n.children);
    }
  };
  visit(el.children);
  return cleanText(parts.join(' '));
}

function parse(html: string): ChildNode[] {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }).children;
}

/**
 * Converts HTML to the editor's body. Image nodes carry placeholder media ids (`images[].key`)
 * until the caller resolves them with resolveBodyImages; everything dropped is counted in `report`.
 */
export function htmlToBody(html: string, options: HtmlToBodyOptions = {}): ConvertedBody {
  const converter = new Converter(options);
  if (options.report) converter.reporter.merge(options.report);
  let source = (html ?? '').replace(/\u0000/g, '');
  const wordpress = !!options.wordpress;
  if (wordpress) source = expandShortcodes(source, converter.reporter);
  const autop = wordpress && !/<!--\s*wp:/.test(source);
  const root = converter.container();
  converter.walk(parse(source), root, { marks: [], pre: false, autop, depth: 0 });
  let content = root.finish();
  if (content.length > 5000) {
    converter.reporter.count('simplified', 'blocks-over-limit', content.length - 5000);
    content = content.slice(0, 5000);
  }
  const doc = bodyDocSchema.parse({ type: 'doc', content } satisfies BodyDoc);
  return { doc, images: converter.images.refs, report: converter.reporter.report };
}

/** HTML (a WordPress comment) as plain text: paragraphs split by blank lines, links keep their address. */
export function htmlToPlainText(html: string, options: { autop?: boolean } = {}): string {
  const out: string[] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (isText(n)) out.push(options.autop ? n.data.replace(/[^\S\n]+/g, ' ') : n.data.replace(/\s+/g, ' '));
      else if (isEl(n)) {
        const name = n.name.toLowerCase();
        if (REMOVED[name] || IGNORED.has(name)) continue;
        if (name === 'br') out.push('\n');
        else if (name === 'a') {
          const text = cleanText(DomUtils.textContent(n));
          const href = (n.attribs.href ?? '').trim();
          out.push(text);
          if (/^https?:\/\//i.test(href) && href !== text && !text.includes(href)) out.push(` (${href})`);
        } else if (BLOCKS.has(name) || ['li', 'blockquote', 'ul', 'ol', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table'].includes(name)) {
          out.push('\n\n');
          visit(n.children);
          out.push('\n\n');
        } else visit(n.children);
      }
    }
  };
  // Most comments are plain text: no parse needed.
  if (/[<&]/.test(html ?? '')) visit(parse(html));
  else out.push(options.autop ? (html ?? '') : (html ?? '').replace(/\s+/g, ' '));
  return out
    .join('')
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.replace(/[^\S\n]+/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}
