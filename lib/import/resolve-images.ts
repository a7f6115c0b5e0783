import 'server-only';
import { bodyDocSchema, IMAGE_TEXT_LIMITS, type BlockNode, type BodyDoc, type ImageNode } from '@/lib/articles/body-schema';
import type { BodyImageRef, ConvertedBody } from './records';
import { cleanText } from './text';

/** What the job found for an image: the library id, and the library's alt/caption to fill gaps with. */
export type ResolvedImage = { mediaId: string; alt?: string | null; caption?: string | null };

/**
 * Swaps image placeholders for real media ids. `resolve` is asked once per image occurrence;
 * null (unreachable, refused) drops that image from the body and lists it in `missing`.
 * Alt text: the source's, else the library's, else the stand-in the converter chose.
 */
export async function resolveBodyImages(
  body: Pick<ConvertedBody, 'doc' | 'images'>,
  resolve: (ref: BodyImageRef) => ResolvedImage | null | Promise<ResolvedImage | null>,
): Promise<{ doc: BodyDoc; missing: BodyImageRef[] }> {
  const byKey = new Map(body.images.map((r) => [r.key, r]));
  const answers = new Map<string, ResolvedImage | null>();
  for (const ref of body.images) answers.set(ref.key, await resolve(ref));
  const missing: BodyImageRef[] = [];
  const swap = (node: ImageNode): ImageNode | null => {
    const ref = byKey.get(node.attrs.mediaId);
    const found = ref ? answers.get(ref.key) : null;
    if (!ref || !found) {
      if (ref) missing.push(ref);
      return null;
    }
    const alt = ref.alt || cleanText(found.alt) || node.attrs.alt;
    const caption = node.attrs.caption || cleanText(found.caption);
    return { type: 'image', attrs: { ...node.attrs, mediaId: found.mediaId, alt: alt.slice(0, IMAGE_TEXT_LIMITS.alt), caption: caption.slice(0, IMAGE_TEXT_LIMITS.caption) } };
  };
  const walk = (blocks: BlockNode[]): BlockNode[] =>
    blocks.flatMap((b): BlockNode[] => {
      if (b.type === 'image') {
        const n = swap(b);
        return n ? [n] : [];
      }
      if (b.type === 'blockquote') {
        const content = walk(b.content);
        return content.length ? [{ ...b, content }] : [];
      }
      if (b.type === 'bulletList' || b.type === 'orderedList') {
        return [{ ...b, content: b.content.map((li) => ({ ...li, content: walk(li.content) })) }];
      }
      return [b];
    });
  const doc = bodyDocSchema.parse({ type: 'doc', content: walk(body.doc.content) });
  return { doc, missing };
}
