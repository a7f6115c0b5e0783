// Co-editing under load: N editors (default 20) in one article's shared document on the production
// server (scripts/server.mjs, /collab), each typing CHARS_PER_SECOND characters a second into the
// body for the given time. Prints p50/p99 sync latency (a keystroke's update leaving one editor to
// its arrival at each of the others), the server's CPU and resident memory, and the stored document
// (snapshot plus updates) at its largest during the run and after compaction.
//
//   npx tsx --conditions=react-server bench/collab.ts [editors=20] [seconds=60] [instances=1]
//
// Editors are the real client (@hocuspocus/provider over a WebSocket, signed in with a session
// cookie each). With instances=2 they are spread over two servers sharing Redis. Uses its own SQLite
// database (bench/results/bench-collab.db) and the existing build (.next).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { encode } from 'next-auth/jwt';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { sessionCookieName } from '../lib/auth/auth-url.ts';
import { ROOT } from '../lib/db-config.ts';
import { migrateDeploy } from '../scripts/db/engine.ts';
import { percentile, rssMiB, startServer, stopServer } from './server.ts';

const EDITORS = Number(process.argv[2] ?? 20);
const SECONDS = Number(process.argv[3] ?? 60);
const INSTANCES = Math.max(1, Math.min(2, Number(process.argv[4] ?? 1)));
const CHARS_PER_SECOND = 5;
const PORT = Number(process.env.BENCH_PORT ?? 3980);
const SECRET = crypto.randomBytes(32).toString('base64url');
const dbFile = path.join(ROOT, 'bench/results/bench-collab.db');
const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  BROADSHEET_ENV: 'test',
  NEXT_TELEMETRY_DISABLED: '1',
  NEXTAUTH_SECRET: SECRET,
  BROADSHEET_SCHEDULER: 'off',
  BROADSHEET_WEBHOOKS: 'off',
  BROADSHEET_JOBS: 'off',
  ...(INSTANCES > 1 ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', COLLAB_REDIS_PREFIX: `broadsheet-bench:${crypto.randomBytes(4).toString('hex')}:collab` } : {}),
};
Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, BROADSHEET_ENV: 'test' });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU seconds used so far by a process (user + system). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function main() {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const s of ['', '-wal', '-shm']) fs.rmSync(dbFile + s, { force: true });
  await migrateDeploy(env.DATABASE_URL);
  const { db } = await import('../lib/db.ts');
  const { createArticle, createUser } = await import('../test/fixtures.ts');
  const users = await Promise.all(Array.from({ length: EDITORS }, (_, i) => createUser('EDITOR', `Bench editor ${i + 1}`)));
  const article = await createArticle({ status: 'DRAFT', authorIds: [users[0]!.id] });

  const servers = [];
  for (let i = 0; i < INSTANCES; i++) servers.push(await startServer(PORT + i, { ...env, SITE_URL: `http://127.0.0.1:${PORT + i}` }));
  const rssBefore = servers.map((s) => rssMiB(s.pid!));

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const editors = await Promise.all(
    users.map(async (user, i) => {
      const cookie = `${sessionCookieName(false)}=${await encode({ secret: SECRET, token: { sub: user.id, uid: user.id, name: user.name, role: user.role, sv: 0 } })}`;
      const doc = new Y.Doc();
      const socket = new HocuspocusProviderWebsocket({
        url: `ws://127.0.0.1:${PORT + (i % INSTANCES)}/collab`,
        WebSocketPolyfill: class extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { headers: { cookie } });
          }
        } as unknown as typeof globalThis.WebSocket,
      });
      const provider = new HocuspocusProvider({ websocketProvider: socket, name: `article:${article.id}`, document: doc, token: 'session-cookie' });
      // A provider given its own socket connects when attached.
      provider.attach();
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== provider) return;
        const now = Date.now();
        for (const struct of Y.decodeUpdate(update).structs) {
          const at = sentAt.get(`${struct.id.client}:${struct.id.clock}`);
          if (at !== undefined) latencies.push(now - at);
        }
      });
      await new Promise<void>((resolve, reject) => {
        provider.on('synced', () => resolve());
        provider.on('authenticationFailed', () => reject(new Error('authentication failed')));
      });
      return { doc, provider, socket };
    }),
  );
  console.log(`${EDITORS} editors connected to ${INSTANCES} instance(s); typing ${CHARS_PER_SECOND} chars/s each for ${SECONDS} s`);

  const storedBytes = async () => {
    const [snap, updates] = await Promise.all([
      db.collabDocument.findUnique({ where: { articleId: article.id }, select: { snapshot: true } }),
      db.collabUpdate.findMany({ where: { articleId: article.id }, select: { data: true } }),
    ]);
    return { bytes: (snap?.snapshot.byteLength ?? 0) + updates.reduce((n, u) => n + u.data.byteLength, 0), updates: updates.length };
  };
  let largest = { bytes: 0, updates: 0 };
  const cpuStart = servers.map((s) => cpuSeconds(s.pid!));
  const started = Date.now();
  const timers = editors.map(({ doc }, i) =>
    setInterval(() => {
      const paragraph = doc.getXmlFragment('body').get(0) as Y.XmlElement | undefined;
      const text = paragraph?.get(0) as Y.XmlText | undefined;
      if (!text) return;
      const clock = Y.getState(doc.store, doc.clientID);
      sentAt.set(`${doc.clientID}:${clock}`, Date.now());
      text.insert(text.length, String.fromCharCode(97 + (i % 26)));
    }, 1000 / CHARS_PER_SECOND),
  );
  while (Date.now() - started < SECONDS * 1000) {
    await sleep(1000);
    const now = await storedBytes();
    if (now.bytes > largest.bytes) largest = now;
  }
  timers.forEach(clearInterval);
  const elapsed = (Date.now() - started) / 1000;
  const cpu = servers.map((s, i) => ((cpuSeconds(s.pid!) - cpuStart[i]!) / elapsed) * 100);
  const rssDuring = servers.map((s) => rssMiB(s.pid!));
  await sleep(1500);
  const stateBytes = Y.encodeStateAsUpdate(editors[0]!.doc).byteLength;
  const converged = editors.every(({ doc }) => doc.getXmlFragment('body').toString() === editors[0]!.doc.getXmlFragment('body').toString());
  for (const e of editors) {
    e.provider.destroy();
    e.socket.destroy();
  }
  // The last one out stores the document: compaction folds the updates into the snapshot.
  await sleep(4000);
  const after = await storedBytes();

  latencies.sort((a, b) => a - b);
  console.log(`keystrokes: ${sentAt.size}; deliveries measured: ${latencies.length}; all editors ended with the same text: ${converged ? 'yes' : 'NO'}`);
  console.log(`sync latency: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms`);
  console.log(`server CPU while typing: ${cpu.map((c) => `${c.toFixed(0)} %`).join(', ')} of one core`);
  console.log(`server RSS: ${rssBefore.map((r) => `${r.toFixed(0)} MiB`).join(', ')} idle → ${rssDuring.map((r) => `${r.toFixed(0)} MiB`).join(', ')} with ${EDITORS} editors`);
  console.log(
    `stored document: largest ${(largest.bytes / 1024).toFixed(1)} KiB (${largest.updates} updates beside the snapshot) → ${(after.bytes / 1024).toFixed(1)} KiB after compaction (${after.updates} updates left); the document's own state ${(stateBytes / 1024).toFixed(1)} KiB`,
  );
  await Promise.all(servers.map(stopServer));
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
