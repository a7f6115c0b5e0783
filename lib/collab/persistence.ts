import 'server-only';
import type { Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { syncArticleFromShared } from './article-sync';
import { readSharedContent } from './content';
import { articleIdOfDocument } from './fields';
import { appendSharedUpdate, compactSharedDocument, loadSharedState } from './store';

const APPEND_EVERY_MS = 250;

type Pending = { updates: Uint8Array[]; users: Set<string>; timer: NodeJS.Timeout | null };
const pending = new Map<string, Pending>();

/** Writes what arrived for one document since the last write, as one merged update. */
async function flush(articleId: string) {
  const p = pending.get(articleId);
  if (!p || !p.updates.length) return;
  const update = Y.mergeUpdates(p.updates);
  const users = [...p.users];
  p.updates = [];
  p.users.clear();
  if (p.timer) clearTimeout(p.timer);
  p.timer = null;
  await appendSharedUpdate(articleId, update, users).catch((e) => {
    // Kept for the next write: the document in memory still has it, and compaction stores it anyway.
    console.error('collab: could not store an update', e);
    p.updates.unshift(update);
    for (const u of users) p.users.add(u);
  });
}

/**
 * Stores shared documents in the database: every update a browser sends here is kept within a
 * quarter of a second (so a crash loses nothing), and after a pause in typing the document is
 * compacted into one snapshot and the article's draft follows it (lib/collab/article-sync.ts).
 * With Redis, one instance at a time compacts (the Redis extension's lock runs first).
 */
export const persistence: Extension = {
  extensionName: 'broadsheet-persistence',
  async onLoadDocument({ documentName, document }) {
    const articleId = articleIdOfDocument(documentName);
    if (!articleId) return;
    const state = await loadSharedState(articleId);
    if (!state) throw new Error('This article no longer exists.');
    Y.applyUpdate(document, state, { source: 'local', skipStoreHooks: true });
  },
  async onChange({ documentName, update, transactionOrigin, context }) {
    const articleId = articleIdOfDocument(documentName);
    const origin = transactionOrigin as { source?: string } | undefined;
    // Only what reached this instance first: updates relayed through Redis are stored by the instance that received them.
    if (!articleId || origin?.source !== 'connection') return;
    let p = pending.get(articleId);
    if (!p) pending.set(articleId, (p = { updates: [], users: new Set(), timer: null }));
    p.updates.push(update);
    const userId = (context as { user?: { id: string } } | undefined)?.user?.id;
    if (userId) p.users.add(userId);
    p.timer ??= setTimeout(() => void flush(articleId), APPEND_EVERY_MS);
  },
  async onStoreDocument({ documentName, document }) {
    const articleId = articleIdOfDocument(documentName);
    if (!articleId) return;
    await flush(articleId);
    await compactSharedDocument(articleId, document);
    await syncArticleFromShared(articleId, readSharedContent(document));
  },
  async afterUnloadDocument({ documentName }) {
    const articleId = articleIdOfDocument(documentName);
    if (articleId) await flush(articleId);
    if (articleId && !pending.get(articleId)?.updates.length) pending.delete(articleId);
  },
};
