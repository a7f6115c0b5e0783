import 'server-only';
import { createHash } from 'node:crypto';
import { DomUtils, parseDocument } from 'htmlparser2';
import { slugify } from '@/lib/slug';
import type { ImportNote } from './records';

// Small text helpers shared by the readers: decoding, fitting into limits, slugs, dates, paths.

/** Text of an HTML fragment: tags stripped, entities decoded, whitespace collapsed (titles, names, captions). */
export function textFromHtml(html: string | null | undefined): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return cleanText(html);
  // Script and style content is code, not words (a title "<script>…</script>" is hostile, not a headline).
  const doc = parseDocument(html, { decodeEntities: true });
  DomUtils.findAll((el) => el.name === 'script' || el.name === 'style', doc.children).forEach((el) => DomUtils.removeElement(el));
  return cleanText(DomUtils.textContent(doc));
}

/** Whitespace collapsed (no-break spaces kept), trimmed, control characters and NUL removed. */
export function cleanText(s: string | null | undefined): string {
  return (s ?? '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim();
}

/** At most `max` characters, cut at a word boundary when one is near; `cut` says whether anything was lost. */
export function fitText(s: string, max: number): { text: string; cut: boolean } {
  const chars = Array.from(s);
  if (chars.length <= max) return { text: s, cut: false };
  let text = chars.slice(0, max).join('');
  const space = text.lastIndexOf(' ');
  if (space > max * 0.6) text = text.slice(0, space);
  return { text: text.replace(/[\s,;:–—-]+$/, ''), cut: true };
}

/** fitText that records a note when it had to cut. */
export function fitWithNote(s: string, max: number, what: string, notes: ImportNote[]): string {
  const { text, cut } = fitText(s, max);
  if (cut) notes.push({ code: `${what}-shortened`, message: `The ${what} was longer than ${max} characters and was shortened.` });
  return text;
}

/** A percent-encoded WordPress slug decoded ("caf%c3%a9" → "café"); undecodable input is kept. */
export function decodeSlug(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A Broadsheet slug from the source's slug, else the title, else `fallback`. Non-Latin slugs that
 * slugify cannot keep fall through to the next candidate. Notes a changed or invented slug.
 */
export function importSlug(candidates: (string | null | undefined)[], fallback: string, notes: ImportNote[] | null): string {
  const original = candidates[0] ? decodeSlug(candidates[0]).trim() : '';
  for (const c of candidates) {
    const raw = c ? decodeSlug(c).trim() : '';
    if (!raw) continue;
    const slug = slugify(raw);
    if (slug !== 'untitled' || /^untitled\b/i.test(raw)) {
      if (notes && original && slug !== original.toLowerCase()) {
        notes.push({ code: 'slug-changed', message: `The slug "${original}" became "${slug}" (Broadsheet slugs are lowercase ASCII letters, digits and hyphens, 80 at most).` });
      }
      return slug;
    }
  }
  const slug = slugify(fallback);
  if (notes) notes.push({ code: 'slug-invented', message: original ? `The slug "${original}" has no Latin letters or digits; used "${slug}".` : `The source had no slug; used "${slug}".` });
  return slug;
}

/** `YYYY-MM-DD HH:MM:SS` in UTC (WordPress *_gmt columns), or null for the zero date and junk. */
export function parseSqlUtc(s: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec((s ?? '').trim());
  if (!m || m[1] === '0000' || m[2] === '00') return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** An ISO string, RFC 822 date or epoch milliseconds, as an ISO string; null for junk and dates before 1971. */
export function parseAnyDate(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  const d = typeof v === 'number' ? new Date(v) : new Date(String(v));
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1971) return null;
  return d.toISOString();
}

/** Path and query of a URL ("/2019/03/harbour/?p=1"), or null when it is not a URL. Root-relative input is kept. */
export function pathOf(url: string | null | undefined): string | null {
  const s = (url ?? '').trim();
  if (!s) return null;
  if (s.startsWith('/') && !s.startsWith('//')) return s;
  try {
    const u = new URL(s);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.pathname}${u.search}`;
  } catch {
    return null;
  }
}

/** Unique, non-empty paths, in order. */
export function uniquePaths(paths: (string | null | undefined)[]): string[] {
  return [...new Set(paths.filter((p): p is string => !!p && p.startsWith('/')))];
}

/** `url` made absolute against `base`; root-relative URLs stay root-relative when there is no base. */
export function absoluteUrl(url: string, base: string | null | undefined): string | null {
  const s = url.trim();
  if (!s) return null;
  if (s.startsWith('//')) return `https:${s}`;
  try {
    return new URL(s, base || undefined).toString();
  } catch {
    return s.startsWith('/') ? s : null;
  }
}

/** An http(s) URL, or null. */
export function httpUrl(url: string | null | undefined): string | null {
  const s = (url ?? '').trim();
  if (!/^https?:\/\//i.test(s)) return null;
  try {
    return new URL(s).toString();
  } catch {
    return null;
  }
}

export function emailOrEmpty(s: string | null | undefined): string {
  const e = cleanText(s).toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? e : '';
}

/** Short stable hex digest (placeholder ids). */
export function shortHash(s: string, length: number): string {
  return createHash('sha256').update(s).digest('hex').slice(0, length);
}

const MIME_BY_EXT: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
};

export function mimeTypeOf(filename: string): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  return (ext && MIME_BY_EXT[ext]) || null;
}

export function filenameOf(urlOrPath: string): string {
  const path = pathOf(urlOrPath) ?? urlOrPath;
  return decodeSlug(path.split('?')[0]!.split('/').filter(Boolean).pop() ?? '');
}

/**
 * Items with parents put after their parents (file order kept otherwise); a parent that is
 * missing or part of a cycle makes the item top-level.
 */
export function parentsFirst<T extends { originalId: string; parentOriginalId: string | null }>(items: T[]): T[] {
  const ids = new Set(items.map((i) => i.originalId));
  const out: T[] = [];
  const placed = new Set<string>();
  let pending = items.map((i) => (i.parentOriginalId && !ids.has(i.parentOriginalId) ? { ...i, parentOriginalId: null } : i));
  while (pending.length) {
    const ready = pending.filter((i) => !i.parentOriginalId || placed.has(i.parentOriginalId));
    if (!ready.length) {
      out.push(...pending.map((i) => ({ ...i, parentOriginalId: null })));
      break;
    }
    for (const i of ready) {
      out.push(i);
      placed.add(i.originalId);
    }
    const readySet = new Set(ready);
    pending = pending.filter((i) => !readySet.has(i));
  }
  return out;
}
