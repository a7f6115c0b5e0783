import 'server-only';
import { DomUtils, parseDocument } from 'htmlparser2';
import { SaxesParser } from 'saxes';
import { ImportFormatError, readText } from './input';
import type { ImportInput, ReadProgress } from './records';

// WXR read as a stream: saxes parses the XML chunk by chunk and each child of <channel>
// (an author, a category, an item with its comments and meta) is handed over as a small
// tree, then forgotten. Memory holds one such element at a time, whatever the file's size.

/** One XML element: qualified name as written (`wp:post_id`), attributes, text, children. */
export type XNode = { name: string; attrs: Record<string, string>; text: string; children: XNode[]; line: number };

export type XmlEvent = { type: 'element'; node: XNode } | { type: 'warning'; message: string; line: number | null };

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const entityCache = new Map<string, string | undefined>();

/** HTML named entities (&nbsp; &eacute;…) that hand-edited or old WXR files use outside CDATA. */
function htmlEntity(name: string): string | undefined {
  if (!entityCache.has(name)) {
    const decoded = /^[A-Za-z][A-Za-z0-9]{1,31}$/.test(name) ? DomUtils.textContent(parseDocument(`&${name};`)) : `&${name};`;
    entityCache.set(name, decoded === `&${name};` ? undefined : decoded);
  }
  return entityCache.get(name);
}

/** Characters XML 1.0 forbids (control characters WordPress lets through); dropped before parsing. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Channel children of a WXR file, in file order, with recoverable XML errors as warnings. */
export async function* readWxrElements(input: ImportInput, pass: 1 | 2, totalBytes: number | null, onProgress?: (p: ReadProgress) => void): AsyncGenerator<XmlEvent> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const baseEntities = parser.ENTITIES;
  parser.ENTITIES = new Proxy(baseEntities, {
    get: (target, prop) => (typeof prop === 'string' && !XML_ENTITIES.has(prop) ? (target[prop] ?? htmlEntity(prop)) : target[prop as string]),
  });
  const queue: XmlEvent[] = [];
  const stack: XNode[] = [];
  let depth = 0;
  let root: string | null = null;
  let warnings = 0;
  parser.on('error', (err) => {
    warnings++;
    if (warnings <= 100) queue.push({ type: 'warning', message: err.message.replace(/^[^:]*:\d+:\d+: /, ''), line: parser.line });
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 1) {
      root = tag.name;
      if (tag.name !== 'rss') throw new ImportFormatError(`This is not a WordPress export: the file starts with <${tag.name}>, not <rss>.`);
      return;
    }
    if (depth < 3) return;
    const node: XNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, text: '', children: [], line: parser.line };
    stack[stack.length - 1]?.children.push(node);
    stack.push(node);
  });
  const onText = (text: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (depth >= 3) {
      const node = stack.pop()!;
      if (depth === 3) queue.push({ type: 'element', node });
    }
    depth--;
  });
  let started = false;
  for await (const chunk of readText(input, pass, totalBytes, onProgress)) {
    if (!started && chunk.trim()) {
      started = true;
      if (!chunk.trimStart().startsWith('<')) throw new ImportFormatError('This is not a WordPress export (WXR): the file is not XML.');
    }
    parser.write(chunk.replace(INVALID_XML, ''));
    yield* queue.splice(0);
  }
  parser.close();
  yield* queue.splice(0);
  if (root !== 'rss') throw new ImportFormatError('This is not a WordPress export (WXR): no <rss> element was found.');
  if (warnings > 100) yield { type: 'warning', message: `${warnings - 100} more XML errors were recovered from.`, line: null };
}

export function child(node: XNode, name: string): XNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function children(node: XNode, name: string): XNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Text of a child element as written (CDATA included), or ''. */
export function text(node: XNode, name: string): string {
  return child(node, name)?.text ?? '';
}

/** Text of a child, trimmed. */
export function field(node: XNode, name: string): string {
  return text(node, name).trim();
}

/** `wp:postmeta` / `wp:commentmeta` / `wp:termmeta` as a map (first value of each key). */
export function metaOf(node: XNode, name: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of children(node, name)) {
    const key = field(m, 'wp:meta_key');
    if (key && !map.has(key)) map.set(key, text(m, 'wp:meta_value'));
  }
  return map;
}
