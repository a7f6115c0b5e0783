import 'server-only';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Forbidden } from '@hocuspocus/common';
import { Redis as HocuspocusRedis } from '@hocuspocus/extension-redis';
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import { onShutdown } from '@/lib/process-hooks.mjs';
import { createRedisConnection, redisConfigured } from '@/lib/redis.mjs';
import { collabAccess, sessionFromCookie, type CollabUser } from './access';
import { persistence } from './persistence';
import { articleIdOfDocument } from './fields';
import { COLLAB_HANDLER } from './handler-key';

export { collabInstance } from './instance';

/** What each connection carries: who it is, and the socket, so that losing access drops it. */
export type CollabContext = { user: CollabUser; articleId: string; socket: WebSocket };

const ACCESS_CHECK_MS = Number(process.env.COLLAB_ACCESS_CHECK_MS || 5000);
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** Refuses a connection whose session or article access does not hold (the provider is told it is forbidden). */
const authentication: Extension<CollabContext> = {
  extensionName: 'broadsheet-access',
  async onAuthenticate({ documentName, requestHeaders, connectionConfig }) {
    const articleId = articleIdOfDocument(documentName);
    if (!articleId) throw new Error('Not a shared document.');
    const session = await sessionFromCookie(requestHeaders.get('cookie'));
    if (!session) throw new Error('Sign in to edit.');
    const user = await collabAccess(session.user.id, session.sessionVersion, articleId);
    if (user.readOnly) connectionConfig.readOnly = true;
    return { user, articleId };
  },
  // Carets and names come from the session, never from what a browser claims to be.
  async beforeHandleAwareness({ context, states }) {
    if (!context?.user) return;
    for (const state of states.values()) if (state.user) state.user = { ...state.user, id: context.user.id, name: context.user.name };
  },
};

function createInstance() {
  const extensions: Extension[] = [];
  if (redisConfigured()) {
    // Every instance holding the document hears every other's updates and presence through Redis.
    extensions.push(new HocuspocusRedis({ createClient: () => createRedisConnection('collab') as never, prefix: process.env.COLLAB_REDIS_PREFIX || 'broadsheet:collab', disconnectDelay: 200 }));
  }
  extensions.push(authentication, persistence);
  return new Hocuspocus<CollabContext>({ quiet: true, debounce: 1500, maxDebounce: 8000, extensions });
}

/** Drops every connection whose user lost access (deactivated, signed out everywhere, taken off the story). */
async function recheckAccess(hocuspocus: Hocuspocus<CollabContext>) {
  const verdicts = new Map<string, Promise<boolean>>();
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.connections.keys()) {
      const { user, articleId, socket } = connection.context ?? {};
      if (!user || !articleId) continue;
      const key = `${user.id}:${user.sessionVersion}:${articleId}`;
      if (!verdicts.has(key)) {
        verdicts.set(
          key,
          collabAccess(user.id, user.sessionVersion, articleId).then(
            (now) => now.readOnly === user.readOnly,
            (e: unknown) => (e as { code?: string }).code === undefined, // a database hiccup keeps people connected
          ),
        );
      }
      if (!(await verdicts.get(key))) {
        connection.close(Forbidden);
        socket?.terminate();
      }
    }
  }
}

/** Starts the co-editing server of this process and offers its WebSocket handler to scripts/server.mjs. */
export function startCollabServer() {
  const g = globalThis as Record<symbol, unknown>;
  if (g[COLLAB_HANDLER]) return;
  const hocuspocus = createInstance();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const handler = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { headers });
      const connection = hocuspocus.handleConnection(ws, request, { socket: ws } as Partial<CollabContext> as CollabContext);
      ws.on('message', (data: Buffer) => connection.handleMessage(new Uint8Array(data)));
      ws.on('close', (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
      ws.on('error', () => ws.terminate());
    });
  };
  g[COLLAB_HANDLER] = { handler, hocuspocus };
  const timer = setInterval(() => void recheckAccess(hocuspocus).catch((e) => console.error('collab: access check failed', e)), ACCESS_CHECK_MS);
  timer.unref();
  onShutdown(
    'collab',
    async () => {
      clearInterval(timer);
      // Every document's pending store now, and waited for: the database closes after this hook.
      await storeAllNow(hocuspocus);
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
    },
    40,
  );
}

/**
 * Runs each document's pending store at once and waits for it, and for any store already
 * running (Hocuspocus's own flushPendingStores starts them without waiting).
 */
async function storeAllNow(hocuspocus: Hocuspocus) {
  const runs: Promise<unknown>[] = [];
  hocuspocus.documents.forEach((document) => {
    const id = `onStoreDocument-${document.name}`;
    if (!document.isLoading && hocuspocus.debouncer.isDebounced(id)) runs.push(Promise.resolve(hocuspocus.debouncer.executeNow(id)));
    else if (document.saveMutex.isLocked()) runs.push(document.saveMutex.waitForUnlock());
  });
  await Promise.allSettled(runs);
}
