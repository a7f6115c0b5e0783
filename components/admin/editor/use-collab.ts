'use client';

import { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { COLLAB_PATH, collabDocumentName, colourFor } from '@/lib/collab/fields';

/** A person in the story, as their browser announces them (the server stamps the name from their session). */
export type Collaborator = { id: string; name: string; colour: string };

/**
 * connecting: waiting for the shared document (the fields wait too); live: co-editing; offline:
 * co-editing without a connection (changes merge on reconnect); unavailable: no WebSocket or no
 * server (the editor works as before, with version-checked saves); refused: access was lost.
 */
export type CollabStatus = 'connecting' | 'live' | 'offline' | 'unavailable' | 'refused';

export type Collab = { doc: Y.Doc; provider: HocuspocusProvider; status: CollabStatus; others: Collaborator[]; me: Collaborator };

// Generous: a busy server may take a while to open a document the first time.
const FIRST_SYNC_TIMEOUT_MS = 15_000;
// With a local copy, how long to wait for the server before working on that copy offline.
const LOCAL_COPY_AFTER_MS = 2_000;

/**
 * This browser's copy of the shared document in IndexedDB (per person and article): what was typed
 * offline survives a reload or a closed tab, and merges into the shared document on reconnect.
 */
function localCopy(articleId: string, userId: string, doc: Y.Doc): IndexeddbPersistence | null {
  if (typeof indexedDB === 'undefined') return null;
  try {
    return new IndexeddbPersistence(`broadsheet-collab:${userId}:${articleId}`, doc);
  } catch {
    return null; // storage refused (private mode, quota): co-editing works without the local copy
  }
}

function others(provider: HocuspocusProvider, me: Collaborator): Collaborator[] {
  const seen = new Map<string, Collaborator>();
  for (const [clientId, state] of provider.awareness?.getStates() ?? []) {
    const user = state.user as Collaborator | undefined;
    if (clientId === provider.document.clientID || !user?.id || user.id === me.id) continue;
    seen.set(user.id, user);
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The article's shared document and who else is in it; null status fields until the browser has connected once. */
export function useCollab(articleId: string | undefined, userId: string | undefined, userName: string | undefined): Collab | { status: CollabStatus } {
  const [state, setState] = useState<Collab | { status: CollabStatus }>({ status: articleId && userId ? 'connecting' : 'unavailable' });
  useEffect(() => {
    if (!articleId || !userId) return;
    if (typeof WebSocket === 'undefined') {
      const timer = setTimeout(() => setState({ status: 'unavailable' }), 0);
      return () => clearTimeout(timer);
    }
    const me: Collaborator = { id: userId, name: userName ?? '', colour: colourFor(userId) };
    const doc = new Y.Doc();
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`;
    // synced: the server's document has arrived once; ready: the fields work on the document (the
    // server's, or the local copy while the server is out of reach).
    let synced = false;
    let ready = false;
    const local = localCopy(articleId, userId, doc);
    const provider = new HocuspocusProvider({ url, name: collabDocumentName(articleId), document: doc, token: 'session-cookie' });
    const update = (status?: CollabStatus) =>
      setState((prev) => ({ doc, provider, me, others: others(provider, me), status: status ?? ('status' in prev && 'doc' in prev ? prev.status : 'connecting') }));
    // `color` too: the name y-tiptap's carets read.
    provider.setAwarenessField('user', { ...me, color: me.colour });
    provider.on('synced', () => {
      synced = ready = true;
      update('live');
    });
    provider.on('status', ({ status }: { status: string }) => {
      if (!ready) return;
      update(status === 'connected' && synced ? 'live' : 'offline');
    });
    provider.on('authenticationFailed', () => {
      // Access is gone: this browser keeps no copy of the story either.
      void local?.clearData();
      if (ready) update('refused');
      else setState({ status: 'unavailable' });
      provider.destroy();
    });
    provider.awareness?.on('change', () => {
      if (ready) update();
    });
    // Offline with a local copy from an earlier visit: work on it now, it merges when the server answers.
    const workOnLocalCopy = () => {
      if (ready || !local?.synced || doc.store.clients.size === 0) return;
      ready = true;
      update('offline');
    };
    let unreachable = false;
    void local?.whenSynced.then(() => {
      if (unreachable || !navigator.onLine) workOnLocalCopy();
    });
    provider.on('disconnect', () => {
      unreachable = true;
      workOnLocalCopy();
    });
    const localTimer = setTimeout(workOnLocalCopy, LOCAL_COPY_AFTER_MS);
    // The browser knows first when the network goes: stop sending at once, and reconnect (merging both sides) when it is back.
    const goOffline = () => {
      provider.disconnect();
      if (ready) update('offline');
      else workOnLocalCopy();
    };
    const goOnline = () => void provider.connect();
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    // No server answering (development server, a proxy that drops WebSockets): the editor works as before.
    const timer = setTimeout(() => {
      if (ready) return;
      provider.destroy();
      setState({ status: 'unavailable' });
    }, FIRST_SYNC_TIMEOUT_MS);
    return () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      clearTimeout(timer);
      clearTimeout(localTimer);
      provider.destroy();
      doc.destroy(); // closes the local copy too
    };
  }, [articleId, userId, userName]);
  return state;
}

/** Whether the editor works on the shared document (it has connected once, even if offline now). */
export const isCoediting = (c: Collab | { status: CollabStatus }): c is Collab => 'doc' in c && c.status !== 'connecting';

/** Applies a field's new value to its shared text as the smallest change (common start and end kept), so carets elsewhere stay put. */
export function applyTextChange(text: Y.Text, next: string) {
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let end = 0;
  while (end < prev.length - start && end < next.length - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
  text.doc?.transact(() => {
    if (prev.length - start - end > 0) text.delete(start, prev.length - start - end);
    if (next.length - start - end > 0) text.insert(start, next.slice(start, next.length - end));
  });
}

/**
 * Resolves once the server has every change typed here (or after `maxMs`, e.g. while offline), so a
 * save that takes the shared document never misses the last keystrokes.
 */
export function whenShared(provider: HocuspocusProvider, maxMs = 3000): Promise<void> {
  if (provider.unsyncedChanges === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      provider.off('unsyncedChanges', check);
      resolve();
    };
    const check = () => {
      if (provider.unsyncedChanges === 0) done();
    };
    const timer = setTimeout(done, maxMs);
    provider.on('unsyncedChanges', check);
  });
}
