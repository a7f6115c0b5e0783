import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { encode } from 'next-auth/jwt';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieName } from '@/lib/auth/auth-url';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { StaffUser } from '@/lib/users';
import { createArticle, createUser } from '@/test/fixtures';
import { COLLAB_FIELDS } from './fields';
import { startCollabServer } from './server';
import { serveCollabUpgrade } from './upgrade.mjs';

// The /collab WebSocket as the production server serves it: a real HTTP server, the real client.
let server: http.Server;
let port: number;
let author: StaffUser;
let otherAuthor: StaffUser;

beforeAll(async () => {
  startCollabServer();
  server = http.createServer((_req, res) => res.end());
  server.on('upgrade', (req, socket, head) => {
    if (!serveCollabUpgrade(req, socket, head, false)) socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  [author, otherAuthor] = await Promise.all([createUser('AUTHOR'), createUser('AUTHOR')]);
});
afterAll(() => new Promise((r) => server.close(r)));

async function connect(user: StaffUser, articleId: string, sessionVersion = 0) {
  const cookie = `${sessionCookieName(false)}=${await encode({ secret: env.NEXTAUTH_SECRET, token: { sub: user.id, uid: user.id, name: user.name, role: user.role, sv: sessionVersion } })}`;
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${port}/collab`,
    WebSocketPolyfill: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie } });
      }
    } as unknown as typeof globalThis.WebSocket,
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: `article:${articleId}`, document: doc, token: 'session-cookie' });
  // A provider given its own socket connects when attached.
  provider.attach();
  const outcome = await new Promise<'synced' | 'refused'>((resolve) => {
    provider.on('synced', () => resolve('synced'));
    provider.on('authenticationFailed', () => resolve('refused'));
  });
  return { doc, provider, socket, outcome, close: () => (provider.destroy(), socket.destroy()) };
}

describe('the /collab WebSocket', () => {
  it('opens the story for its writer, with the saved text, and refuses another writer', async () => {
    const article = await createArticle({ status: 'DRAFT', title: 'Ferry timetable', authorIds: [author.id] });
    const mine = await connect(author, article.id);
    expect(mine.outcome).toBe('synced');
    expect(mine.doc.getText(COLLAB_FIELDS.title).toString()).toBe('Ferry timetable');
    const theirs = await connect(otherAuthor, article.id);
    expect(theirs.outcome).toBe('refused');
    mine.close();
    theirs.close();
  });

  it('refuses a session ended by "Sign out everywhere"', async () => {
    const user = await createUser('EDITOR');
    const article = await createArticle({ status: 'DRAFT', authorIds: [author.id] });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 1 } });
    const ended = await connect(user, article.id, 0);
    expect(ended.outcome).toBe('refused');
    ended.close();
  });

  it('stores what is typed: the draft follows after a pause', async () => {
    const article = await createArticle({ status: 'DRAFT', title: 'Tram works', authorIds: [author.id] });
    const mine = await connect(author, article.id);
    mine.doc.getText(COLLAB_FIELDS.title).insert(0, 'Late ');
    await expect.poll(async () => (await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { title: true } })).title, { timeout: 15_000 }).toBe('Late Tram works');
    expect(await db.collabUpdate.count({ where: { articleId: article.id } })).toBe(0);
    mine.close();
  }, 30_000);
});
