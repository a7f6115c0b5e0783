import 'server-only';
import * as Y from 'yjs';
import { db } from '@/lib/db';
import { readSharedContent, writeSharedContent, type SharedContent } from './content';
import { collabDocumentName } from './fields';
import { collabInstance } from './instance';
import { appendSharedUpdate, storedSharedDoc } from './store';

/**
 * The title, standfirst and body of an article's shared document at this moment (what "Save
 * draft", publish and update take), or null when the article was never co-edited. With the
 * co-editing server in this process the document is opened (with Redis, it first hears every
 * other instance's latest state); otherwise it is read as stored.
 */
export async function currentSharedContent(articleId: string): Promise<SharedContent | null> {
  if (!(await db.collabDocument.findUnique({ where: { articleId }, select: { articleId: true } }))) return null;
  const server = collabInstance();
  if (server) {
    const connection = await server.openDirectConnection(collabDocumentName(articleId));
    try {
      return connection.document ? readSharedContent(connection.document) : null;
    } finally {
      await connection.disconnect();
    }
  }
  const doc = await storedSharedDoc(articleId);
  if (!doc) return null;
  const content = readSharedContent(doc);
  doc.destroy();
  return content;
}

/**
 * Puts `content` into the article's shared document for everyone editing it (a restored revision,
 * a save through the API or a browser without WebSocket). Nothing to do when it was never co-edited:
 * it starts from the saved article when first opened.
 */
export async function replaceSharedContent(articleId: string, content: SharedContent): Promise<void> {
  if (!(await db.collabDocument.findUnique({ where: { articleId }, select: { articleId: true } }))) return;
  const server = collabInstance();
  if (server) {
    const connection = await server.openDirectConnection(collabDocumentName(articleId));
    try {
      await connection.transact((doc) => writeSharedContent(doc, content));
    } finally {
      await connection.disconnect();
    }
    return;
  }
  const doc = await storedSharedDoc(articleId);
  if (!doc) return;
  const before = Y.encodeStateVector(doc);
  writeSharedContent(doc, content);
  await appendSharedUpdate(articleId, Y.encodeStateAsUpdate(doc, before));
  doc.destroy();
}
