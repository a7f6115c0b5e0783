import 'server-only';
import pg from 'pg';
import { databaseFault } from '@/lib/errors';
import { requestNotes } from '@/lib/process-hooks.mjs';

/** While the database is unreachable, a probe checks this often whether it is back. */
const RECOVERY_PROBE_MS = 500;
/** A query held this long makes the pool check, on a new connection, that the server still answers at all. */
const STALL_MS = 1500;
/** How long a probe may take before the server counts as not answering. */
const PROBE_TIMEOUT_MS = 1500;

export type DatabaseHealth = { down: boolean; since: number; reason: string };

/** The request being served met the outage: the server answers its failed page with 503. */
function noteOutage() {
  const notes = requestNotes();
  if (notes) notes.databaseUnavailable = true;
}

type Callback = (err: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void;

/**
 * A node-postgres pool that fails fast while the database is unreachable, instead of making every
 * request wait for its own connect timeout: once a connection attempt fails (refused, timed out,
 * server starting up or shutting down), every request is refused at once while a probe in the
 * background tries a new connection every 500 ms; the first probe that gets an answer reopens the
 * pool. The outage is logged once when it begins and once when it ends. Requests that meet it are
 * noted (lib/process-hooks.mjs), so the server answers their failed pages with 503 and Retry-After.
 *
 * A server that stops answering without closing its connections (a frozen host, a dead network
 * path) would hold every query until its timeout: when a query has waited 1.5 s, a probe checks
 * that the server answers within 1.5 s; if it does not, the pool counts as down and the
 * connections waiting on it are closed, so their requests fail now rather than later.
 */
export function createGuardedPool(config: pg.PoolConfig, label = 'database'): pg.Pool & { health: DatabaseHealth } {
  const pool = new pg.Pool(config) as pg.Pool & { health: DatabaseHealth };
  const health: DatabaseHealth = { down: false, since: 0, reason: '' };
  pool.health = health;
  const where = `${config.host ?? 'localhost'}:${config.port ?? 5432}`;
  let ended = false;
  // An idle connection the server closed (a restart, an idle timeout) is dropped by the pool; it
  // must never become an uncaught exception. Queries that meet an outage report it themselves.
  pool.on('error', () => {});

  /** One connection outside the pool and a trivial query, each within PROBE_TIMEOUT_MS. */
  const probe = async () => {
    const client = new pg.Client({ ...config, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      void client.end().catch(() => {});
    }
  };

  const recover = () => {
    if (ended || !health.down) return;
    probe().then(
      () => {
        console.log(`${label}: reachable again after ${((Date.now() - health.since) / 1000).toFixed(1)} s`);
        health.down = false;
      },
      () => setTimeout(recover, RECOVERY_PROBE_MS).unref(),
    );
  };

  const markDown = (reason: string) => {
    noteOutage();
    if (health.down) return;
    health.down = true;
    health.since = Date.now();
    health.reason = reason;
    console.error(`${label}: unreachable at ${where} (${reason}); requests that need it get 503 until it answers again`);
    setTimeout(recover, RECOVERY_PROBE_MS).unref();
  };

  /** Refused without trying: shaped like a socket error so every layer reports "can't reach database server". */
  const refused = () =>
    Object.assign(new Error(`connect ECONNREFUSED ${where} (unreachable for ${((Date.now() - health.since) / 1000).toFixed(1)} s: ${health.reason})`), {
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
      address: config.host,
      port: config.port,
    });

  const checkedOut = new Map<pg.PoolClient, number>();
  pool.on('acquire', (client) => checkedOut.set(client, Date.now()));
  pool.on('release', (_err, client) => checkedOut.delete(client));
  pool.on('remove', (client) => checkedOut.delete(client as pg.PoolClient));
  let probing = false;
  const watchdog = setInterval(() => {
    if (probing || health.down || !checkedOut.size) return;
    const now = Date.now();
    if (![...checkedOut.values()].some((since) => now - since > STALL_MS)) return;
    probing = true;
    probe()
      .catch((e) => {
        markDown(`no answer to a probe within ${PROBE_TIMEOUT_MS} ms: ${e instanceof Error ? e.message : e}`);
        // Their answers are not coming: fail them now; the pool drops those connections.
        for (const client of checkedOut.keys()) (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
      })
      .finally(() => (probing = false));
  }, 250);
  watchdog.unref();
  const end = pool.end.bind(pool);
  pool.end = (() => {
    ended = true;
    clearInterval(watchdog);
    return end();
  }) as typeof pool.end;

  const connect = pool.connect.bind(pool) as (cb: Callback) => void;
  const settle = (err?: Error) => {
    if (err && databaseFault(err) === 'connection') markDown(err.message);
  };
  // pg-pool's own query() calls this.connect too, so both paths go through the guard.
  (pool as unknown as { connect: (cb?: Callback) => unknown }).connect = (cb?: Callback) => {
    if (health.down) {
      noteOutage();
      const err = refused();
      if (cb) return void process.nextTick(cb, err);
      return Promise.reject(err);
    }
    if (cb) {
      return connect((err, client, release) => {
        settle(err);
        cb(err, client, release);
      });
    }
    return new Promise<pg.PoolClient>((resolve, reject) =>
      connect((err, client) => {
        settle(err);
        if (err) reject(err);
        else resolve(client!);
      }),
    );
  };
  return pool;
}
