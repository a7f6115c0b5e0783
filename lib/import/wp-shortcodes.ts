import 'server-only';
import type { Reporter } from './body-builder';

// WordPress shortcodes in post_content, expanded the way WordPress would before its HTML is
// parsed: [caption] and [gallery] become figures, [embed], [video], [audio] and Jetpack's
// [youtube]/[vimeo]/[tweet] become embed markers (`<div data-embed-url>`, the editor's own
// embed markup). Anything else stays in the text as typed and is counted by name.

type Shortcode = { name: string; attrs: Record<string, string>; positional: string[]; content: string | null; end: number };

const NAME = /^[A-Za-z][\w-]*/;
const ENCLOSING = new Set(['caption', 'wp_caption', 'embed', 'video', 'audio']);
const KNOWN = new Set(['caption', 'wp_caption', 'gallery', 'embed', 'video', 'audio', 'youtube', 'vimeo', 'tweet', 'playlist']);

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `key="v" key='v' key=v positional "quoted positional"` as WordPress's shortcode_parse_atts reads them. */
function parseAttrs(text: string): { attrs: Record<string, string>; positional: string[] } {
  const attrs: Record<string, string> = {};
  const positional: string[] = [];
  const re = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of text.matchAll(re)) {
    if (m[1]) attrs[m[1].toLowerCase()] = m[2]!;
    else if (m[3]) attrs[m[3].toLowerCase()] = m[4]!;
    else if (m[5]) attrs[m[5].toLowerCase()] = m[6]!;
    else positional.push(m[7] ?? m[8] ?? m[9] ?? '');
  }
  return { attrs, positional };
}

/** The shortcode opening at `start` ("[name …]"), with its content when it encloses; null when it is not one. */
function readShortcode(src: string, start: number): Shortcode | null {
  const name = NAME.exec(src.slice(start + 1, start + 80))?.[0];
  if (!name) return null;
  const close = src.indexOf(']', start);
  if (close < 0) return null;
  const inner = src.slice(start + 1 + name.length, close);
  // Jetpack writes [youtube=https://…]; everything else needs a space or the end after the name.
  if (inner && !/^[\s=/]/.test(inner)) return null;
  if (inner.includes('[')) return null;
  const selfClosing = /\/\s*$/.test(inner);
  const { attrs, positional } = parseAttrs(inner.replace(/^=/, ' ').replace(/\/\s*$/, ''));
  let content: string | null = null;
  let end = close + 1;
  if (!selfClosing) {
    const closing = src.toLowerCase().indexOf(`[/${name.toLowerCase()}]`, end);
    const nextOpen = src.toLowerCase().indexOf(`[${name.toLowerCase()}`, end);
    if (closing >= 0 && (ENCLOSING.has(name.toLowerCase()) || !KNOWN.has(name.toLowerCase())) && (nextOpen < 0 || nextOpen > closing || !ENCLOSING.has(name.toLowerCase()))) {
      content = src.slice(end, closing);
      end = closing + name.length + 3;
    }
  }
  return { name: name.toLowerCase(), attrs, positional, content, end };
}

const embedMarker = (url: string) => `<div data-embed-url="${escapeAttr(url.trim())}"></div>`;

function mediaUrl(sc: Shortcode): string {
  const a = sc.attrs;
  return a.src ?? a.mp4 ?? a.m4v ?? a.webm ?? a.ogv ?? a.mp3 ?? a.ogg ?? a.wav ?? a.m4a ?? a.url ?? sc.positional[0] ?? (sc.content ?? '').trim();
}

function expandKnown(sc: Shortcode, reporter: Reporter): string {
  switch (sc.name) {
    case 'caption':
    case 'wp_caption': {
      // Older WordPress kept the caption in an attribute; newer puts it after the image.
      const caption = sc.attrs.caption ? ` data-import-caption="${escapeAttr(sc.attrs.caption)}"` : ' data-import-caption=""';
      return `<figure class="wp-caption"${caption}>${sc.content ?? ''}</figure>`;
    }
    case 'gallery': {
      const ids = (sc.attrs.ids ?? sc.attrs.include ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => /^\d+$/.test(s));
      if (!ids.length) {
        reporter.count('simplified', 'gallery-of-attached-images');
        return '';
      }
      return `<figure data-import-gallery="${ids.join(',')}"></figure>`;
    }
    case 'embed':
      return embedMarker((sc.content ?? '').trim() || (sc.attrs.src ?? ''));
    case 'video':
    case 'audio': {
      reporter.count('simplified', sc.name);
      const url = mediaUrl(sc);
      return url ? embedMarker(url) : '';
    }
    case 'youtube':
    case 'vimeo': {
      const arg = sc.positional[0] ?? sc.attrs.id ?? sc.attrs.url ?? '';
      const url = /^https?:/.test(arg) ? arg.split('&')[0]! : sc.name === 'vimeo' ? `https://vimeo.com/${arg}` : `https://www.youtube.com/watch?v=${arg}`;
      return embedMarker(url);
    }
    case 'tweet': {
      const arg = sc.positional[0] ?? sc.attrs.tweet ?? '';
      return /^https?:/.test(arg) ? embedMarker(arg) : /^\d+$/.test(arg) ? embedMarker(`https://x.com/i/status/${arg}`) : '';
    }
    case 'playlist':
      reporter.count('simplified', 'playlist');
      return '';
    default:
      return '';
  }
}

/**
 * Expands the shortcodes WordPress core (and Jetpack's video ones) understand, counts the rest.
 * Text inside HTML tags is left alone; `[[name]]` is WordPress's escape and becomes `[name]`.
 */
export function expandShortcodes(html: string, reporter: Reporter): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const lb = html.indexOf('[', i);
    if (lb < 0) break;
    if (lt >= 0 && lt < lb) {
      const gt = html.indexOf('>', lt);
      const upto = gt < 0 ? html.length : gt + 1;
      out += html.slice(i, upto);
      i = upto;
      continue;
    }
    out += html.slice(i, lb);
    if (html[lb + 1] === '[') {
      const sc = readShortcode(html, lb + 1);
      if (sc && html[sc.end] === ']') {
        out += html.slice(lb + 1, sc.end);
        i = sc.end + 1;
        continue;
      }
    }
    const sc = readShortcode(html, lb);
    if (!sc) {
      out += '[';
      i = lb + 1;
      continue;
    }
    if (KNOWN.has(sc.name)) {
      out += expandKnown(sc, reporter);
      i = sc.end;
      continue;
    }
    // Unknown: count it when it looks like a shortcode rather than a bracketed aside ("[sic]", "[1]").
    const looksLikeShortcode = sc.content !== null || Object.keys(sc.attrs).length > 0 || /[_-]/.test(sc.name) || /\/\s*\]$/.test(html.slice(lb, html.indexOf(']', lb) + 1));
    if (looksLikeShortcode) reporter.count('unknownShortcodes', sc.name);
    out += html.slice(lb, html.indexOf(']', lb) + 1);
    i = html.indexOf(']', lb) + 1;
  }
  return out + html.slice(i);
}
