// The article body's shape: a ProseMirror/TipTap-compatible JSON document validated with zod.
// No server-only import and no HTML here, so the browser editor shares the exact schema,
// the embed URL rules, the plain-text conversion and the word count with the server.
import { z } from 'zod';

export type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } };

export type InlineNode = { type: 'text'; text: string; marks?: Mark[] } | { type: 'hardBreak' };

export type ParagraphNode = { type: 'paragraph'; content?: InlineNode[] };

export type EmbedProvider = 'youtube' | 'vimeo' | 'x' | 'link';

export type BlockNode =
  | ParagraphNode
  | { type: 'heading'; attrs: { level: 2 | 3 | 4 }; content?: InlineNode[] }
  | { type: 'blockquote'; content: BlockNode[] }
  | { type: 'pullQuote'; content: ParagraphNode[] }
  | { type: 'bulletList' | 'orderedList'; content: { type: 'listItem'; content: BlockNode[] }[] }
  | { type: 'horizontalRule' }
  | { type: 'embed'; attrs: { provider: EmbedProvider; url: string } }
  | ImageNode;

/** An image from the media library: the server looks the file up by id; the words travel with the node. */
export type ImageNode = { type: 'image'; attrs: { mediaId: string; alt: string; caption: string; credit: string } };

/** Media ids are generated lower-case letters and digits (lib/media). */
export const MEDIA_ID = /^[a-z0-9]{8,40}$/;

/** Alt text, caption and credit limits, shared by the media library form and the image node. */
export const IMAGE_TEXT_LIMITS = { alt: 300, caption: 500, credit: 200 } as const;

export const ALT_REQUIRED_MESSAGE = 'Describe the image in the alt text before inserting it (what a reader who cannot see it needs to know).';

export type BodyDoc = { type: 'doc'; content: BlockNode[] };

/** Links may point to the web, to mail, or within the site; never javascript:, data: and the like. */
export const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

const safeHref = z
  .string()
  .max(2048)
  .refine((v) => SAFE_HREF.test(v), 'Links must start with http://, https://, mailto:, / or #');

export type ParsedEmbed = { provider: EmbedProvider; url: string; id?: string };

/**
 * What an embed URL points to, in canonical form, or null when it cannot be embedded.
 * Video players are rebuilt from the id alone, so nothing of the pasted URL reaches an iframe.
 */
export function parseEmbedUrl(raw: string): ParsedEmbed | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (u.username || u.password || raw.length > 2048) return null;
  const host = u.hostname.toLowerCase().replace(/^(www\.|m\.)/, '');
  const parts = u.pathname.split('/').filter(Boolean);
  const videoId = /^[A-Za-z0-9_-]{11}$/;
  if (host === 'youtube.com' || host === 'youtube-nocookie.com' || host === 'youtu.be') {
    const id = host === 'youtu.be' ? parts[0] : parts[0] === 'watch' ? u.searchParams.get('v') : ['embed', 'shorts', 'live'].includes(parts[0] ?? '') ? parts[1] : null;
    return id && videoId.test(id) ? { provider: 'youtube', id, url: `https://www.youtube.com/watch?v=${id}` } : null;
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = host === 'vimeo.com' ? parts[0] : parts[0] === 'video' ? parts[1] : null;
    return id && /^\d{1,12}$/.test(id) ? { provider: 'vimeo', id, url: `https://vimeo.com/${id}` } : null;
  }
  if (host === 'x.com' || host === 'twitter.com' || host === 'mobile.twitter.com') {
    const [user, kind, id] = parts;
    return user && /^\w{1,15}$/.test(user) && kind === 'status' && id && /^\d{1,25}$/.test(id) ? { provider: 'x', id, url: `https://x.com/${user}/status/${id}` } : null;
  }
  return { provider: 'link', url: u.toString() };
}

const markSchema: z.ZodType<Mark> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('link'), attrs: z.object({ href: safeHref }) }),
]);

const inlineSchema: z.ZodType<InlineNode> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().max(100_000), marks: z.array(markSchema).max(5).optional() }),
  z.object({ type: z.literal('hardBreak') }),
]);

const paragraphSchema = z.object({ type: z.literal('paragraph'), content: z.array(inlineSchema).optional() });

const embedSchema = z
  .object({
    type: z.literal('embed'),
    attrs: z.object({ provider: z.enum(['youtube', 'vimeo', 'x', 'link']), url: z.string().max(2048) }),
  })
  .refine((n) => {
    const parsed = parseEmbedUrl(n.attrs.url);
    return parsed?.provider === n.attrs.provider && parsed.url === n.attrs.url;
  }, 'Embeds must be a YouTube, Vimeo or X link, or an http(s) page for a link card.');

const imageSchema = z.object({
  type: z.literal('image'),
  attrs: z.object({
    mediaId: z.string().regex(MEDIA_ID, 'Choose the image again from the media library.'),
    alt: z.string().trim().min(1, ALT_REQUIRED_MESSAGE).max(IMAGE_TEXT_LIMITS.alt),
    caption: z
      .string()
      .trim()
      .max(IMAGE_TEXT_LIMITS.caption)
      .nullish()
      .transform((v) => v ?? ''),
    credit: z
      .string()
      .trim()
      .max(IMAGE_TEXT_LIMITS.credit)
      .nullish()
      .transform((v) => v ?? ''),
  }),
});

/** One block of the body (paragraph, heading, list, image, …); exported so the API document can name it. */
export const blockSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    paragraphSchema,
    z.object({
      type: z.literal('heading'),
      attrs: z.object({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }),
      content: z.array(inlineSchema).optional(),
    }),
    z.object({ type: z.literal('blockquote'), content: z.array(blockSchema) }),
    z.object({ type: z.literal('pullQuote'), content: z.array(paragraphSchema).max(20) }),
    z.object({
      type: z.enum(['bulletList', 'orderedList']),
      content: z.array(z.object({ type: z.literal('listItem'), content: z.array(blockSchema) })),
    }),
    z.object({ type: z.literal('horizontalRule') }),
    embedSchema,
    imageSchema,
  ]),
);

/** Unknown node types, marks and attributes are refused or stripped: only what the renderer knows survives. */
export const bodyDocSchema: z.ZodType<BodyDoc> = z.object({
  type: z.literal('doc'),
  content: z.array(blockSchema).max(5000),
});

/** Plain text (paragraphs separated by blank lines, line breaks kept) to a body document. */
export function plainTextToDoc(text: string): BodyDoc {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    type: 'doc',
    content: paragraphs.map((p) => ({
      type: 'paragraph',
      content: p.split('\n').flatMap((line, i): InlineNode[] => {
        const nodes: InlineNode[] = i === 0 ? [] : [{ type: 'hardBreak' }];
        if (line) nodes.push({ type: 'text', text: line });
        return nodes;
      }),
    })),
  };
}

function inlineText(nodes: InlineNode[] | undefined): string {
  return (nodes ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

function blockText(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.content);
    case 'blockquote':
    case 'pullQuote':
      return (block.content as BlockNode[]).map(blockText).filter(Boolean).join('\n\n');
    case 'bulletList':
    case 'orderedList':
      return block.content.map((item) => item.content.map(blockText).join('\n')).join('\n');
    case 'horizontalRule':
    case 'embed':
    case 'image':
      return '';
  }
}

/** The document as plain text, blocks separated by blank lines (for search, diffs and word counts). */
export function docToPlainText(doc: BodyDoc): string {
  return doc.content.map(blockText).filter(Boolean).join('\n\n');
}

export function countWords(doc: BodyDoc): number {
  return docToPlainText(doc).split(/\s+/).filter(Boolean).length;
}

/** Minutes to read at 230 words a minute, at least one for any text. */
export function readingMinutes(words: number): number {
  return words ? Math.max(1, Math.round(words / 230)) : 0;
}

/** True when the document holds nothing a reader would see (no text, no embed, no image, no rule). */
export function isDocEmpty(doc: BodyDoc): boolean {
  return !countWords(doc) && !JSON.stringify(doc.content).match(/"type":"(embed|horizontalRule|image)"/);
}

/** The media ids of every image in the document, once each. */
export function imageIdsOf(doc: BodyDoc): string[] {
  const ids = new Set<string>();
  const walk = (nodes: BlockNode[]) => {
    for (const n of nodes) {
      if (n.type === 'image') ids.add(n.attrs.mediaId);
      else if (n.type === 'blockquote') walk(n.content);
      else if (n.type === 'bulletList' || n.type === 'orderedList') n.content.forEach((li) => walk(li.content));
    }
  };
  walk(doc.content);
  return [...ids];
}
