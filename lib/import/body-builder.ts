import 'server-only';
import { IMAGE_TEXT_LIMITS, parseEmbedUrl, type BlockNode, type ImageNode, type InlineNode, type Mark, type ParagraphNode } from '@/lib/articles/body-schema';
import type { BodyImageRef, BodyReport } from './records';
import { cleanText, fitText, filenameOf, shortHash } from './text';

// The pieces html-to-body.ts assembles a document from: inline tokens normalised into
// ProseMirror-valid inline content (no empty text nodes, merged runs, marks in schema order),
// block containers, image placeholders and the conversion report.

/** Inline content while a paragraph is being collected: soft breaks come from bare newlines (wpautop). */
export type Tok = { t: 'text'; text: string; marks: Mark[]; pre?: boolean } | { t: 'br'; soft: boolean } | { t: 'para' };

const MAX_TEXT = 100_000;
// The editor's schema ranks marks link, bold, italic (ProseMirror sorts them so on load).
const MARK_ORDER: Record<Mark['type'], number> = { link: 0, bold: 1, italic: 2 };

/** Adds a mark to a set (one link at most: the innermost wins), in the editor's schema order. */
export function withMark(marks: Mark[], mark: Mark): Mark[] {
  const rest = marks.filter((m) => m.type !== mark.type);
  return [...rest, mark].sort((a, b) => MARK_ORDER[a.type] - MARK_ORDER[b.type]);
}

const sameMarks = (a: Mark[], b: Mark[]) => JSON.stringify(a) === JSON.stringify(b);

/** One paragraph's tokens as inline nodes: whitespace collapsed across runs, breaks trimmed at the edges. */
export function inlineFromTokens(toks: Tok[]): InlineNode[] {
  const out: (InlineNode & { pre?: boolean })[] = [];
  let spaceBefore = true; // at the start of the paragraph, leading spaces go
  let lastBreak = false;
  for (const tok of toks) {
    if (tok.t === 'para') continue;
    if (tok.t === 'br') {
      // A newline right after <br> is the same line break (wpautop), not a second one.
      if (tok.soft && lastBreak) continue;
      const prev = out[out.length - 1];
      if (prev?.type === 'text' && !prev.pre) prev.text = prev.text.replace(/ +$/, '');
      if (prev?.type === 'text' && !prev.text) out.pop();
      out.push({ type: 'hardBreak' });
      spaceBefore = true;
      lastBreak = true;
      continue;
    }
    let text = tok.text;
    if (!tok.pre && spaceBefore) text = text.replace(/^ +/, '');
    if (!text) continue;
    lastBreak = false;
    spaceBefore = !tok.pre && text.endsWith(' ');
    const prev = out[out.length - 1];
    if (prev?.type === 'text' && sameMarks(prev.marks ?? [], tok.marks) && prev.text.length + text.length <= MAX_TEXT) {
      prev.text += text;
      prev.pre = prev.pre || tok.pre;
    } else {
      out.push({ type: 'text', text, ...(tok.marks.length ? { marks: tok.marks } : {}), ...(tok.pre ? { pre: true } : {}) });
    }
  }
  // Trim the edges: no leading or trailing breaks, no trailing spaces.
  while (out[0]?.type === 'hardBreak') out.shift();
  for (;;) {
    const last = out[out.length - 1];
    if (last?.type === 'hardBreak') out.pop();
    else if (last?.type === 'text' && !last.pre && / $/.test(last.text)) {
      last.text = last.text.replace(/ +$/, '');
      if (!last.text) out.pop();
    } else break;
  }
  const result: InlineNode[] = [];
  for (const n of out) {
    if (n.type !== 'text') {
      result.push(n);
      continue;
    }
    for (let i = 0; i < n.text.length; i += MAX_TEXT) {
      result.push({ type: 'text', text: n.text.slice(i, i + MAX_TEXT), ...(n.marks ? { marks: n.marks } : {}) });
    }
  }
  return result;
}

/** Counts what a conversion dropped or simplified. */
export class Reporter {
  readonly report: BodyReport = { unknownShortcodes: {}, removed: {}, simplified: {} };
  count(group: keyof BodyReport, key: string, n = 1) {
    this.report[group][key] = (this.report[group][key] ?? 0) + n;
  }
  merge(other: BodyReport) {
    for (const group of ['unknownShortcodes', 'removed', 'simplified'] as const) {
      for (const [k, v] of Object.entries(other[group])) this.count(group, k, v);
    }
  }
}

/** A place blocks go into (the document, a blockquote, a list item), with its pending paragraph. */
export class Container {
  readonly blocks: BlockNode[] = [];
  private toks: Tok[] = [];
  constructor(private readonly embedBareUrls: boolean) {}

  inline(tok: Tok) {
    this.toks.push(tok);
  }

  /** The pending inline content as paragraphs (split at blank lines). */
  flush() {
    if (!this.toks.length) return;
    let run: Tok[] = [];
    const emit = () => {
      const content = inlineFromTokens(run);
      run = [];
      // "<p>&nbsp;</p>" spacers (common in WordPress) carry nothing a reader would miss.
      if (content.every((n) => n.type === 'hardBreak' || !n.text.trim())) return;
      this.blocks.push(this.bareUrlEmbed(content) ?? { type: 'paragraph', content });
    };
    for (const tok of this.toks) {
      if (tok.t === 'para') emit();
      else run.push(tok);
    }
    emit();
    this.toks = [];
  }

  block(node: BlockNode) {
    this.flush();
    this.blocks.push(node);
  }

  finish(): BlockNode[] {
    this.flush();
    return this.blocks;
  }

  /** WordPress turns a YouTube/Vimeo/X URL alone in its paragraph into a player (oEmbed); so do we. */
  private bareUrlEmbed(content: InlineNode[]): BlockNode | null {
    if (!this.embedBareUrls || content.length !== 1) return null;
    const only = content[0]!;
    if (only.type !== 'text' || !/^https?:\/\/\S+$/.test(only.text)) return null;
    const link = only.marks?.find((m) => m.type === 'link');
    if (only.marks?.some((m) => m.type !== 'link') || (link?.type === 'link' && link.attrs.href !== only.text)) return null;
    const parsed = parseEmbedUrl(only.text);
    return parsed && parsed.provider !== 'link' ? { type: 'embed', attrs: { provider: parsed.provider, url: parsed.url } } : null;
  }
}

/** A paragraph node from inline content, or null when there is nothing in it. */
export function paragraph(content: InlineNode[]): ParagraphNode | null {
  return content.length ? { type: 'paragraph', content } : null;
}

export function embedNode(url: string | null | undefined): BlockNode | null {
  const parsed = url ? parseEmbedUrl(url) : null;
  return parsed ? { type: 'embed', attrs: { provider: parsed.provider, url: parsed.url } } : null;
}

export type ImageInput = {
  url: string | null;
  attachmentId: string | null;
  mediaId: string | null;
  relativePath: string | null;
  alt: string;
  caption: string;
  credit: string;
  title: string;
};

/** A readable stand-in when the source gave no alt text: the caption, the title, else the file name. */
export function fallbackAlt(input: Pick<ImageInput, 'caption' | 'title' | 'url' | 'relativePath'>): string {
  const fromFile = filenameOf(input.relativePath ?? input.url ?? '')
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/-(\d+x\d+|scaled|rotated|e\d{10,})$/i, '')
    .replace(/[-_+.]+/g, ' ')
    .trim();
  const informative = fromFile && !/^(img|dsc|dscn|image|photo|pic|screenshot|untitled)?[\s\d]*$/i.test(fromFile) ? fromFile : '';
  const text = cleanText(input.caption) || cleanText(input.title) || informative || 'Image';
  return fitText(text, IMAGE_TEXT_LIMITS.alt).text;
}

/** Collects a conversion's images: each occurrence gets its own placeholder key. */
export class ImageCollector {
  readonly refs: BodyImageRef[] = [];

  add(input: ImageInput): ImageNode {
    const identity = input.mediaId ? `m:${input.mediaId}` : input.attachmentId ? `a:${input.attachmentId}` : `u:${input.url}`;
    const key = `imp${shortHash(identity, 24)}${this.refs.length.toString(36).padStart(4, '0')}`;
    const alt = fitText(cleanText(input.alt), IMAGE_TEXT_LIMITS.alt).text;
    const caption = fitText(cleanText(input.caption), IMAGE_TEXT_LIMITS.caption).text;
    const credit = fitText(cleanText(input.credit), IMAGE_TEXT_LIMITS.credit).text;
    this.refs.push({ key, url: input.url, attachmentId: input.attachmentId, mediaId: input.mediaId, relativePath: input.relativePath, alt, caption, credit });
    return { type: 'image', attrs: { mediaId: key, alt: alt || fallbackAlt(input), caption, credit } };
  }
}
