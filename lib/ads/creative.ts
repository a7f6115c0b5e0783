import 'server-only';
import sanitizeHtml from 'sanitize-html';

// Creatives come from advertisers, so they get less than article bodies: no scripts, styles,
// frames, forms or event handlers, and only http(s) URLs. Every link is marked as paid
// (the transform overwrites whatever rel the advertiser wrote).
const AD_SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'span', 'div', 'a', 'img', 'h2', 'h3', 'h4', 'ul', 'ol', 'li'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'width', 'height'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { a: ['http', 'https', 'mailto'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'sponsored noopener', target: '_blank' }) },
};

/** An advertiser's HTML made safe to render inside our pages. */
export function sanitizeAdHtml(html: string): string {
  return sanitizeHtml(html, AD_SANITIZE).trim();
}

/** The URL when it is http(s) or site-relative; anything else (javascript:, data:, //host) is dropped. */
export function safeAdUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
