// The article body: a ProseMirror/TipTap-compatible JSON document, validated with zod
// and rendered to sanitised HTML on the server. No server-only import: the editor can
// reuse the schema and the plain-text conversion in the browser.
import sanitizeHtml from 'sanitize-html';
import { z } from 'zod';

export type Mark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'link'; attrs: { href: string } };

export type InlineNode = { type: 'text'; text: string; marks?: Mark[] } | { type: 'hardBreak' };

export type BlockNode =
  | { type: 'paragraph'; content?: InlineNode[] }
  | { type: 'heading'; attrs: { level: 2 | 3 | 4 }; content?: InlineNode[] }
  | { type: 'blockquote'; content: BlockNode[] }
  | { type: 'bulletList' | 'orderedList'; content: { type: 'listItem'; content: BlockNode[] }[] }
  | { type: 'horizontalRule' };

export type BodyDoc = { type: 'doc'; content: BlockNode[] };

const safeHref = z
  .string()
  .max(2048)
  .refine((v) => /^(https?:|mailto:|\/|#)/i.test(v), 'Links must start with http://, https://, mailto:, / or #');

const markSchema: z.ZodType<Mark> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('link'), attrs: z.object({ href: safeHref }) }),
]);

const inlineSchema: z.ZodType<InlineNode> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().max(100_000), marks: z.array(markSchema).max(5).optional() }),
  z.object({ type: z.literal('hardBreak') }),
]);

const blockSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('paragraph'), content: z.array(inlineSchema).optional() }),
    z.object({
      type: z.literal('heading'),
      attrs: z.object({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }),
      content: z.array(inlineSchema).optional(),
    }),
    z.object({ type: z.literal('blockquote'), content: z.array(blockSchema) }),
    z.object({
      type: z.enum(['bulletList', 'orderedList']),
      content: z.array(z.object({ type: z.literal('listItem'), content: z.array(blockSchema) })),
    }),
    z.object({ type: z.literal('horizontalRule') }),
  ]),
);

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
      return block.content.map(blockText).join('\n\n');
    case 'bulletList':
    case 'orderedList':
      return block.content.map((item) => item.content.map(blockText).join('\n')).join('\n');
    case 'horizontalRule':
      return '';
  }
}

/** The document as plain text, blocks separated by blank lines (for the plain editor, search and word counts). */
export function docToPlainText(doc: BodyDoc): string {
  return doc.content.map(blockText).filter(Boolean).join('\n\n');
}

export function countWords(doc: BodyDoc): number {
  return docToPlainText(doc).split(/\s+/).filter(Boolean).length;
}

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

function renderBlock(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${renderInline(block.content)}</p>`;
    case 'heading':
      return `<h${block.attrs.level}>${renderInline(block.content)}</h${block.attrs.level}>`;
    case 'blockquote':
      return `<blockquote>${block.content.map(renderBlock).join('')}</blockquote>`;
    case 'bulletList':
    case 'orderedList': {
      const tag = block.type === 'bulletList' ? 'ul' : 'ol';
      return `<${tag}>${block.content.map((li) => `<li>${li.content.map(renderBlock).join('')}</li>`).join('')}</${tag}>`;
    }
    case 'horizontalRule':
      return '<hr>';
  }
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'a', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'hr'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
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
