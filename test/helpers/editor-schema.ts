// The article editor's ProseMirror schema, for tests that check a body document is exactly what
// the editor would show and save. Mirrors components/admin/rich-text-editor.tsx: the same
// StarterKit configuration and the same three custom nodes (content expressions and attributes).
import { getSchema, Node } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { bodyDocSchema, type BodyDoc } from '@/lib/articles/body-schema';

const PullQuote = Node.create({ name: 'pullQuote', group: 'block', content: 'paragraph+', defining: true });
const Embed = Node.create({ name: 'embed', group: 'block', atom: true, addAttributes: () => ({ provider: { default: 'link' }, url: { default: '' } }) });
const LibraryImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  addAttributes: () => ({ mediaId: { default: '' }, alt: { default: '' }, caption: { default: '' }, credit: { default: '' } }),
});

export const editorSchema = getSchema([
  StarterKit.configure({ heading: { levels: [2, 3, 4] }, code: false, codeBlock: false, strike: false, underline: false, link: { openOnClick: false } }),
  PullQuote,
  Embed,
  LibraryImage,
]);

/**
 * The document as the editor holds it after loading `doc` and saving it back: throws when the
 * editor's schema refuses it (a list item not starting with a paragraph, an empty text node…).
 */
export function throughEditor(doc: BodyDoc): BodyDoc {
  // An empty body (as plainTextToDoc('') gives) opens as one empty paragraph, which renders to nothing.
  if (!doc.content.length) return doc;
  const node = editorSchema.nodeFromJSON(doc);
  node.check();
  return bodyDocSchema.parse(node.toJSON());
}
