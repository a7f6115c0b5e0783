// Snippets come back from the database as plain text with MARK_START/MARK_END around each
// match. They are split into segments (React renders them as text and <mark>), or escaped
// first and only then given <mark> tags: reader or author text never becomes markup.
import { MARK_END, MARK_START } from './query';

export type HighlightSegment = { text: string; mark: boolean };

/** Plain-text segments of a marked snippet; unbalanced markers are tolerated. */
export function highlightSegments(marked: string): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  let mark = false;
  let buf = '';
  const flush = () => {
    if (buf) {
      const last = out.at(-1);
      if (last && last.mark === mark) last.text += buf;
      else out.push({ text: buf, mark });
    }
    buf = '';
  };
  for (const ch of marked) {
    if (ch === MARK_START || ch === MARK_END) {
      flush();
      mark = ch === MARK_START;
    } else buf += ch;
  }
  flush();
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** HTML of a marked snippet: the text escaped, then each match wrapped in <mark>. */
export function highlightHtml(marked: string): string {
  return highlightSegments(marked)
    .map((s) => (s.mark ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text)))
    .join('');
}

/** Text for the index: markers and characters XML/HTML cannot carry are removed, whitespace collapsed. */
export function cleanIndexText(text: string): string {
  return text
    .replace(/[\uE000\uE001\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
