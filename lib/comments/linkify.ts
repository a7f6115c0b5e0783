/**
 * Splits a plain-text comment into text runs and links, for rendering with React (which
 * escapes every run). Only http(s) URLs and bare `www.` hosts become links; anything else —
 * `javascript:`, `data:`, markup — stays text. No 'server-only': the renderer is shared
 * by server components and unit tests, and it holds no secrets.
 */
export type BodySegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// A candidate URL runs to the next whitespace, quote or angle bracket.
const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?*_~]+$/;

/** Trims punctuation a sentence puts after a link, and a closing bracket that opened before it. */
function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, '');
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ] as const) {
      if (url.endsWith(close) && url.split(open).length < url.split(close).length) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

/** The safe href for a candidate, or null when it is not a well-formed http(s) URL with a host. */
export function safeHref(text: string): string | null {
  const withScheme = /^www\./i.test(text) ? `https://${text}` : text;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password) return null;
  // URL serialisation percent-encodes quotes, spaces and brackets in the path and query.
  return url.href;
}

export function linkifyText(text: string): BodySegment[] {
  const out: BodySegment[] = [];
  let last = 0;
  const push = (t: string) => {
    if (!t) return;
    const prev = out[out.length - 1];
    if (prev?.kind === 'text') prev.text += t;
    else out.push({ kind: 'text', text: t });
  };
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index;
    const url = trimUrl(m[0]);
    const href = url.length > 3 ? safeHref(url) : null;
    push(text.slice(last, start));
    if (href) out.push({ kind: 'link', text: url, href });
    else push(url);
    last = start + url.length;
  }
  push(text.slice(last));
  return out;
}

/** The rel every link in reader content carries: no ranking credit, user-generated, no window.opener. */
export const COMMENT_LINK_REL = 'nofollow ugc noopener';
