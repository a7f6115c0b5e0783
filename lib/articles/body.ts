// The article body rendered to sanitised HTML on the server. The schema and the plain-text
// helpers live in body-schema.ts (shared with the browser editor); they are re-exported here.
import sanitizeHtml from 'sanitize-html';
import { EMBED_IFRAME_HOSTS, EMBED_PLAYER_HOSTS } from './embed-hosts.mjs';
import { parseEmbedUrl, type BlockNode, type BodyDoc, type ImageNode, type InlineNode } from './body-schema';

export * from './body-schema';

/** Text or an attribute value made safe to put in HTML. */
export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function renderInline(nodes: InlineNode[] | undefined): string {
  return (nodes ?? [])
    .map((n) => {
      if (n.type === 'hardBreak') return '<br>';
      let html = escapeHtml(n.text);
      for (const m of n.marks ?? []) {
        if (m.type === 'bold') html = `<strong>${html}</strong>`;
        else if (m.type === 'italic') html = `<em>${html}</em>`;
        else if (m.type === 'link') html = `<a href="${escapeHtml(m.attrs.href)}" rel="noopener">${html}</a>`;
      }
      return html;
    })
    .join('');
}

const PROVIDER_NAME = { youtube: 'YouTube', vimeo: 'Vimeo', x: 'X' } as const;

/** Video players come from the id alone, on the privacy-friendly hosts; everything else is a plain link card. */
function renderEmbed(url: string): string {
  const parsed = parseEmbedUrl(url);
  if (!parsed) return '';
  const href = escapeHtml(parsed.url);
  if ((parsed.provider === 'youtube' || parsed.provider === 'vimeo') && parsed.id) {
    const src = parsed.provider === 'youtube' ? `https://${EMBED_PLAYER_HOSTS.youtube}/embed/${parsed.id}` : `https://${EMBED_PLAYER_HOSTS.vimeo}/video/${parsed.id}`;
    const name = PROVIDER_NAME[parsed.provider];
    return (
      `<figure class="embed embed-video"><iframe src="${src}" title="${name} video" loading="lazy" ` +
      `sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" allow="encrypted-media; picture-in-picture; fullscreen" ` +
      `allowfullscreen referrerpolicy="strict-origin-when-cross-origin"></iframe>` +
      `<figcaption><a href="${href}" rel="noopener nofollow">Watch on ${name}</a></figcaption></figure>`
    );
  }
  const label = parsed.provider === 'x' ? 'Post on X' : new URL(parsed.url).hostname.replace(/^www\./, '');
  return `<figure class="embed embed-card"><a href="${href}" rel="noopener nofollow">` + `<span class="embed-provider">${escapeHtml(label)}</span> <span class="embed-url">${href}</span></a></figure>`;
}

/** What the renderer needs to know about a library image: its files and its intrinsic size. */
export type RenderableImage = {
  src: string;
  /** WebP renditions, "url 640w, url 1280w". */
  srcset: string;
  /** AVIF renditions, when there are any. */
  avifSrcset?: string;
  width: number;
  height: number;
};
export type ImageLookup = ReadonlyMap<string, RenderableImage>;

/** The body column is at most ~720 px wide on large screens. */
export const BODY_IMAGE_SIZES = '(min-width: 1024px) 720px, 100vw';

/**
 * An image node as a figure. Files come from the lookup by media id (never from the node);
 * width and height reserve the space before the file arrives, so nothing shifts. A node
 * whose media no longer exists renders nothing.
 */
function renderImage(node: ImageNode, images: ImageLookup): string {
  const img = images.get(node.attrs.mediaId);
  if (!img) return '';
  const { alt, caption, credit } = node.attrs;
  const sizes = escapeHtml(BODY_IMAGE_SIZES);
  const avif = img.avifSrcset ? `<source type="image/avif" srcset="${escapeHtml(img.avifSrcset)}" sizes="${sizes}">` : '';
  const tag =
    `<img src="${escapeHtml(img.src)}" srcset="${escapeHtml(img.srcset)}" sizes="${sizes}" width="${Math.round(img.width)}" height="${Math.round(img.height)}" ` +
    `alt="${escapeHtml(alt)}" loading="lazy" decoding="async">`;
  const captionHtml =
    caption || credit ? `<figcaption>${escapeHtml(caption)}${caption && credit ? ' — ' : ''}${credit ? `<span class="media-credit">${escapeHtml(credit)}</span>` : ''}</figcaption>` : '';
  return `<figure class="media-figure"><picture>${avif}${tag}</picture>${captionHtml}</figure>`;
}

function renderBlock(block: BlockNode, images: ImageLookup): string {
  switch (block.type) {
    case 'paragraph':
      // Empty paragraphs (two presses of Enter) are spacing in the editor, not content.
      return block.content?.length ? `<p>${renderInline(block.content)}</p>` : '';
    case 'heading':
      return `<h${block.attrs.level}>${renderInline(block.content)}</h${block.attrs.level}>`;
    case 'blockquote':
      return `<blockquote>${block.content.map((b) => renderBlock(b, images)).join('')}</blockquote>`;
    case 'pullQuote':
      return `<blockquote class="pull-quote">${block.content.map((b) => renderBlock(b, images)).join('')}</blockquote>`;
    case 'bulletList':
    case 'orderedList': {
      const tag = block.type === 'bulletList' ? 'ul' : 'ol';
      return `<${tag}>${block.content.map((li) => `<li>${li.content.map((b) => renderBlock(b, images)).join('')}</li>`).join('')}</${tag}>`;
    }
    case 'horizontalRule':
      return '<hr>';
    case 'embed':
      return renderEmbed(block.attrs.url);
    case 'image':
      return renderImage(block, images);
  }
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'a', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'hr', 'figure', 'figcaption', 'span', 'iframe', 'picture', 'source', 'img'],
  allowedAttributes: {
    a: ['href', 'rel'],
    img: ['src', 'srcset', 'sizes', 'width', 'height', 'alt', 'loading', 'decoding'],
    source: ['type', 'srcset', 'sizes'],
    iframe: ['src', 'title', 'loading', 'sandbox', 'allow', 'allowfullscreen', 'referrerpolicy'],
  },
  allowedClasses: {
    blockquote: ['pull-quote'],
    figure: ['embed', 'embed-video', 'embed-card', 'media-figure'],
    span: ['embed-provider', 'embed-url', 'media-credit'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { iframe: ['https'], img: ['http', 'https'], source: ['http', 'https'] },
  // The same list gives the Content-Security-Policy its frame-src (lib/security/headers.mjs).
  allowedIframeHostnames: [...EMBED_IFRAME_HOSTS],
  allowIframeRelativeUrls: false,
  selfClosing: [...sanitizeHtml.defaults.selfClosing, 'source'],
  allowProtocolRelative: false,
};

const NO_IMAGES: ImageLookup = new Map();

/** Text as sanitize-html writes it back: its entities decoded, then & < > escaped (quotes stay as they are). */
const sanitizedText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function plainInline(nodes: InlineNode[] | undefined): string | null {
  let html = '';
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') {
      html += '<br />';
      continue;
    }
    let text = sanitizedText(n.text);
    for (const m of n.marks ?? []) {
      if (m.type === 'bold') text = `<strong>${text}</strong>`;
      else if (m.type === 'italic') text = `<em>${text}</em>`;
      else return null;
    }
    html += text;
  }
  return html;
}

/**
 * What sanitize-html makes of a block built only of text, bold, italic and line breaks
 * (paragraphs, headings, lists, quotes, rules), written directly: tags it allows as they are,
 * text escaped its way. Parsing such a block again changes nothing else, and costs most of an
 * article's rendering (an import renders thousands). null for anything with a link, an image or
 * an embed, whose attributes the sanitiser must check. body.test.ts holds both paths equal.
 */
function plainBlock(block: BlockNode): string | null {
  const blocks = (list: BlockNode[]) => {
    let html = '';
    for (const b of list) {
      const one = plainBlock(b);
      if (one === null) return null;
      html += one;
    }
    return html;
  };
  switch (block.type) {
    case 'paragraph': {
      if (!block.content?.length) return '';
      const inner = plainInline(block.content);
      return inner === null ? null : `<p>${inner}</p>`;
    }
    case 'heading': {
      const inner = plainInline(block.content);
      return inner === null ? null : `<h${block.attrs.level}>${inner}</h${block.attrs.level}>`;
    }
    case 'blockquote':
    case 'pullQuote': {
      const inner = blocks(block.content);
      return inner === null ? null : `<blockquote${block.type === 'pullQuote' ? ' class="pull-quote"' : ''}>${inner}</blockquote>`;
    }
    case 'bulletList':
    case 'orderedList': {
      const tag = block.type === 'bulletList' ? 'ul' : 'ol';
      let items = '';
      for (const li of block.content) {
        const inner = blocks(li.content);
        if (inner === null) return null;
        items += `<li>${inner}</li>`;
      }
      return `<${tag}>${items}</${tag}>`;
    }
    case 'horizontalRule':
      return '<hr />';
    default:
      return null;
  }
}

/** A block's sanitised HTML the long way, through sanitize-html: what plainBlock must equal (body.test.ts). */
export function sanitizeRenderedBlock(block: BlockNode, images: ImageLookup = NO_IMAGES): string {
  return sanitizeHtml(renderBlock(block, images), SANITIZE);
}

/** Sanitised HTML of each top-level block, in order (pages insert ads between them); images come from `images`. */
export function renderDocBlocks(doc: BodyDoc, images: ImageLookup = NO_IMAGES): string[] {
  return doc.content.map((b) => plainBlock(b) ?? sanitizeRenderedBlock(b, images)).filter(Boolean);
}

/** Sanitised HTML of the whole body, as stored in Article.bodyHtml. */
export function renderDocToHtml(doc: BodyDoc, images: ImageLookup = NO_IMAGES): string {
  return renderDocBlocks(doc, images).join('\n');
}
