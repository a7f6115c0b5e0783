import 'server-only';
import * as Y from 'yjs';
import { bodyDocSchema } from '@/lib/articles/body-schema';
import { db } from '@/lib/db';
import { encodeSharedContent, type SharedContent } from './content';

// A shared document is stored as a snapshot (the whole state) plus the updates received since;
// compaction folds the updates into the snapshot. Loading applies both: Yjs updates commute
// and repeat harmlessly, so an update that is in the snapshot already changes nothing.

const bytes = (u: Uint8Array) => new Uint8Array(u.buffer, u.byteOffset, u.byteLength) as Uint8Array<ArrayBuffer>;

async function articleContent(articleId: string): Promise<SharedContent | null> {
  const a = await db.article.findUnique({ where: { id: articleId }, select: { title: true, standfirst: true, bodyJson: true } });
  if (!a) return null;
  const body = bodyDocSchema.safeParse(a.bodyJson);
  return { title: a.title, standfirst: a.standfirst, bodyJson: body.success ? body.data : { type: 'doc', content: [] } };
}

/**
 * The stored state of an article's shared document, as one update; the first time, a document
 * made from the article as saved. Two instances opening a new document at once agree on one
 * starting state (the row is created once), so its text is never doubled. Null when the article is gone.
 */
export async function loadSharedState(articleId: string): Promise<Uint8Array | null> {
  let row = await db.collabDocument.findUnique({ where: { articleId }, select: { snapshot: true } });
  if (!row) {
    const content = await articleContent(articleId);
    if (!content) return null;
    try {
      row = await db.collabDocument.create({ data: { articleId, snapshot: bytes(encodeSharedContent(content)) }, select: { snapshot: true } });
    } catch {
      // Another instance created it first: theirs is the starting state.
      row = await db.collabDocument.findUnique({ where: { articleId }, select: { snapshot: true } });
      if (!row) return null;
    }
  }
  const updates = await db.collabUpdate.findMany({ where: { articleId }, orderBy: { createdAt: 'asc' }, select: { data: true } });
  return updates.length ? Y.mergeUpdates([row.snapshot, ...updates.map((u) => u.data)]) : row.snapshot;
}

/** Keeps one update (already applied in memory) until the next compaction, and notes who made it. */
export async function appendSharedUpdate(articleId: string, update: Uint8Array, contributorIds: string[] = []): Promise<void> {
  await db.collabUpdate.create({ data: { articleId, data: bytes(update) } });
  if (contributorIds.length) await addContributors(articleId, contributorIds);
}

async function addContributors(articleId: string, ids: string[]) {
  const row = await db.collabDocument.findUnique({ where: { articleId }, select: { contributorIds: true } });
  if (!row) return;
  const known = new Set(Array.isArray(row.contributorIds) ? (row.contributorIds as string[]) : []);
  if (ids.every((id) => known.has(id))) return;
  for (const id of ids) known.add(id);
  await db.collabDocument.update({ where: { articleId }, data: { contributorIds: [...known] } });
}

/**
 * Folds the stored updates into a new snapshot taken from `doc` (the document in memory, which
 * has every stored update applied first, so none is lost). Returns the sizes before and after.
 */
export async function compactSharedDocument(articleId: string, doc: Y.Doc): Promise<{ before: number; after: number }> {
  const rows = await db.collabUpdate.findMany({ where: { articleId }, select: { id: true, data: true } });
  const current = await db.collabDocument.findUnique({ where: { articleId }, select: { snapshot: true } });
  if (!current) return { before: 0, after: 0 };
  const before = current.snapshot.byteLength + rows.reduce((n, r) => n + r.data.byteLength, 0);
  // Updates another instance stored that have not reached this one yet are applied, not dropped
  // (with the snapshot they build on: applying what the document already has changes nothing).
  const origin = { source: 'local', skipStoreHooks: true };
  Y.applyUpdate(doc, Y.mergeUpdates([current.snapshot, ...rows.map((r) => r.data)]), origin);
  const snapshot = Y.encodeStateAsUpdate(doc);
  await db.$transaction([db.collabDocument.update({ where: { articleId }, data: { snapshot: bytes(snapshot) } }), db.collabUpdate.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })]);
  return { before, after: snapshot.byteLength };
}

/** The document's state as stored, in a Y.Doc of its own (for reads where no server holds it in memory). */
export async function storedSharedDoc(articleId: string): Promise<Y.Doc | null> {
  const state = await loadSharedState(articleId);
  if (!state) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** Who typed since the last revision (their names), and forgets them: the caller is recording that revision. */
export async function takeContributors(articleId: string): Promise<string[]> {
  const row = await db.collabDocument.findUnique({ where: { articleId }, select: { contributorIds: true } });
  const ids = Array.isArray(row?.contributorIds) ? (row.contributorIds as string[]) : [];
  if (!row) return [];
  await db.collabDocument.update({ where: { articleId }, data: { contributorIds: [], revisedAt: new Date() } });
  if (!ids.length) return [];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { name: true }, orderBy: { name: 'asc' } });
  return users.map((u) => u.name);
}
