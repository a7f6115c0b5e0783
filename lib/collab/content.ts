import 'server-only';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { bodySchema } from '@/lib/articles/body-extensions';
import { bodyDocSchema, type BodyDoc } from '@/lib/articles/body-schema';
import { COLLAB_FIELDS } from './fields';

export type SharedContent = { title: string; standfirst: string; bodyJson: BodyDoc };

const EMPTY: BodyDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

/** The title, standfirst and body the shared document holds now (the body checked against the server's schema). */
export function readSharedContent(doc: Y.Doc): SharedContent {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(COLLAB_FIELDS.body));
  const parsed = bodyDocSchema.safeParse(json);
  return {
    title: doc.getText(COLLAB_FIELDS.title).toString(),
    standfirst: doc.getText(COLLAB_FIELDS.standfirst).toString(),
    bodyJson: parsed.success && parsed.data.content.length ? parsed.data : EMPTY,
  };
}

/** Replaces what the shared document holds with `content`, in one transaction (a restore, an API write, the first load). */
export function writeSharedContent(doc: Y.Doc, content: SharedContent, origin?: unknown): void {
  doc.transact(() => {
    for (const field of ['title', 'standfirst'] as const) {
      const text = doc.getText(COLLAB_FIELDS[field]);
      if (text.toString() === content[field]) continue;
      text.delete(0, text.length);
      text.insert(0, content[field]);
    }
    const body = doc.getXmlFragment(COLLAB_FIELDS.body);
    const json = content.bodyJson.content.length ? content.bodyJson : EMPTY;
    // An unchanged body is left alone: replacing it would move everyone's carets and orphan the notes anchored in it.
    if (body.length && JSON.stringify(readSharedContent(doc).bodyJson) === JSON.stringify(json)) return;
    if (body.length) body.delete(0, body.length);
    prosemirrorJSONToYXmlFragment(bodySchema(), json, body);
  }, origin);
}

/** A new document holding `content`, as a Yjs update. */
export function encodeSharedContent(content: SharedContent): Uint8Array {
  const doc = new Y.Doc();
  writeSharedContent(doc, content);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
