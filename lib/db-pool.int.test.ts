import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedPool } from '@/lib/db-pool';
import { env } from '@/lib/env';
import { pgConfig } from '@/lib/pg-config';

// The pool between the app and a PostgreSQL that goes away, comes back and freezes: a TCP relay
// of this test's own stands in for the server (refusing, forwarding, or swallowing everything).
const postgres = env.DATABASE_PROVIDER === 'postgresql';
const upstream = postgres ? pgConfig(env.DATABASE_URL) : null;
let mode: 'up' | 'down' | 'frozen' = 'up';
const sockets = new Set<net.Socket>();
let relay: net.Server;
let port = 0;

beforeAll(async () => {
  if (!postgres) return;
  relay = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (mode === 'down') return void client.destroy();
    if (mode === 'frozen') return; // accepted, never answered
    const server = net.connect(upstream!.port!, upstream!.host!);
    sockets.add(server);
    server.on('error', () => client.destroy());
    client.on('error', () => server.destroy());
    client.pipe(server).pipe(client);
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
  port = (relay.address() as net.AddressInfo).port;
});

afterAll(async () => {
  if (!postgres) return;
  for (const s of sockets) s.destroy();
  await new Promise((r) => relay.close(r));
});

/** Stops forwarding: 'down' closes every connection and refuses new ones; 'frozen' keeps them open and silent. */
function setMode(next: typeof mode) {
  mode = next;
  for (const s of sockets) {
    if (next === 'down') s.destroy();
    else if (next === 'frozen') s.pause();
  }
}

const timed = async (f: () => Promise<unknown>) => {
  const started = performance.now();
  const outcome = await f().then(
    () => 'ok',
    (e: Error) => e.message,
  );
  return { outcome, ms: performance.now() - started };
};

describe.runIf(postgres)('the guarded PostgreSQL pool', () => {
  it('refuses at once while the server is away, and reopens by itself when it is back', async () => {
    mode = 'up';
    const pool = createGuardedPool({ ...upstream!, host: '127.0.0.1', port, connectionTimeoutMillis: 1000, max: 4 }, 'test database');
    try {
      expect((await pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
      setMode('down');
      // The pool hears that its idle connection closed, so the next query has to connect anew.
      await new Promise((r) => setTimeout(r, 100));
      const first = await timed(() => pool.query('SELECT 1'));
      expect(first.outcome).not.toBe('ok');
      expect(pool.health.down).toBe(true);
      // Every further request is refused without trying.
      const refused = await timed(() => pool.query('SELECT 1'));
      expect(refused.outcome).toMatch(/ECONNREFUSED .*unreachable for/);
      expect(refused.ms).toBeLessThan(50);

      mode = 'up';
      await expect.poll(() => pool.health.down, { timeout: 5000, interval: 50 }).toBe(false);
      expect((await pool.query('SELECT 2 AS two')).rows[0].two).toBe(2);
    } finally {
      mode = 'up';
      await pool.end();
    }
  });

  it('gives up queries held by a server that stopped answering within a few seconds', async () => {
    mode = 'up';
    const pool = createGuardedPool({ ...upstream!, host: '127.0.0.1', port, connectionTimeoutMillis: 1000, max: 4, query_timeout: 30_000 }, 'test database');
    try {
      await pool.query('SELECT 1');
      setMode('frozen');
      // The pooled connection is still open; without the watchdog this would wait for query_timeout (30 s).
      const held = await timed(() => pool.query('SELECT 1'));
      expect(held.outcome).not.toBe('ok');
      expect(held.ms).toBeLessThan(5000);
      expect(pool.health.down).toBe(true);
      const refused = await timed(() => pool.query('SELECT 1'));
      expect(refused.ms).toBeLessThan(50);

      mode = 'up';
      await expect.poll(() => pool.health.down, { timeout: 10_000, interval: 50 }).toBe(false);
      expect((await pool.query('SELECT 3 AS three')).rows[0].three).toBe(3);
    } finally {
      mode = 'up';
      await pool.end();
    }
  });
});
