// The article body rendered to sanitised HTML on the server. The schema and the plain-text
// helpers live in body-schema.ts (shared with the browser editor); they are re-exported here.
import sanitizeHtml from 'sanitize-html';
import { parseEmbedUrl, type BlockNode, type BodyDoc, type InlineNode } from './body-schema';

export * from './body-schema';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

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
    const src = parsed.provider === 'youtube' ? `https://www.youtube-nocookie.com/embed/${parsed.id}` : `https://player.vimeo.com/video/${parsed.id}`;
    const name = PROVIDER_NAME[parsed.provider];
    return (
      `<figure class="embed embed-video"><iframe src="${src}" title="${name} video" loading="lazy" ` +
      `sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" allow="encrypted-media; picture-in-picture; fullscreen" ` +
      `allowfullscreen referrerpolicy="strict-origin-when-cross-origin"></iframe>` +
      `<figcaption><a href="${href}" rel="noopener nofollow">Watch on ${name}</a></figcaption></figure>`
    );
  }
  const label = parsed.provider === 'x' ? 'Post on X' : new URL(parsed.url).hostname.replace(/^www\./, '');
  return (
    `<figure class="embed embed-card"><a href="${href}" rel="noopener nofollow">` +
    `<span class="embed-provider">${escapeHtml(label)}</span> <span class="embed-url">${href}</span></a></figure>`
  );
}

function renderBlock(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
      // Empty paragraphs (two presses of Enter) are spacing in the editor, not content.
      return block.content?.length ? `<p>${renderInline(block.content)}</p>` : '';
    case 'heading':
      return `<h${block.attrs.level}>${renderInline(block.content)}</h${block.attrs.level}>`;
    case 'blockquote':
      return `<blockquote>${block.content.map(renderBlock).join('')}</blockquote>`;
    case 'pullQuote':
      return `<blockquote class="pull-quote">${block.content.map(renderBlock).join('')}</blockquote>`;
    case 'bulletList':
    case 'orderedList': {
      const tag = block.type === 'bulletList' ? 'ul' : 'ol';
      return `<${tag}>${block.content.map((li) => `<li>${li.content.map(renderBlock).join('')}</li>`).join('')}</${tag}>`;
    }
    case 'horizontalRule':
      return '<hr>';
    case 'embed':
      return renderEmbed(block.attrs.url);
  }
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'a', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'hr', 'figure', 'figcaption', 'span', 'iframe'],
  allowedAttributes: {
    a: ['href', 'rel'],
    iframe: ['src', 'title', 'loading', 'sandbox', 'allow', 'allowfullscreen', 'referrerpolicy'],
  },
  allowedClasses: {
    blockquote: ['pull-quote'],
    figure: ['embed', 'embed-video', 'embed-card'],
    span: ['embed-provider', 'embed-url'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { iframe: ['https'] },
  allowedIframeHostnames: ['www.youtube-nocookie.com', 'player.vimeo.com'],
  allowIframeRelativeUrls: false,
  allowProtocolRelative: false,
};

/** Sanitised HTML of each top-level block, in order (pages insert ads between them). */
export function renderDocBlocks(doc: BodyDoc): string[] {
  return doc.content.map((b) => sanitizeHtml(renderBlock(b), SANITIZE)).filter(Boolean);
}

/** Sanitised HTML of the whole body, as stored in Article.bodyHtml. */
export function renderDocToHtml(doc: BodyDoc): string {
  return renderDocBlocks(doc).join('\n');
}
