import 'server-only';
import pg from 'pg';
import { databaseFault } from '@/lib/errors';
import { requestNotes } from '@/lib/process-hooks.mjs';

/** While the database is unreachable, one connection attempt per this interval tries again; the rest fail at once. */
const TRIAL_INTERVAL_MS = 500;

export type DatabaseHealth = { down: boolean; since: number; reason: string };

/** The request being served met the outage: the server answers its failed page with 503. */
function noteOutage() {
  const notes = requestNotes();
  if (notes) notes.databaseUnavailable = true;
}

type Callback = (err: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void;

/**
 * A node-postgres pool that fails fast while the database is unreachable, instead of making every
 * request wait for its own connect timeout: after a connection attempt fails (refused, timed out,
 * server starting up or shutting down), further attempts are refused at once, except one trial
 * every 500 ms; the first trial that connects reopens the pool. The outage is logged once when it
 * begins and once when it ends. Requests that meet it are noted (lib/process-hooks.mjs), so the
 * server answers their failed pages with 503 and Retry-After.
 */
export function createGuardedPool(config: pg.PoolConfig, label = 'database'): pg.Pool & { health: DatabaseHealth } {
  const pool = new pg.Pool(config) as pg.Pool & { health: DatabaseHealth };
  const health: DatabaseHealth = { down: false, since: 0, reason: '' };
  pool.health = health;
  let lastTrialAt = 0;
  let trialInFlight = false;
  const where = `${config.host ?? 'localhost'}:${config.port ?? 5432}`;

  const settle = (err?: unknown) => {
    if (!err) {
      if (health.down) console.log(`${label}: reachable again after ${((Date.now() - health.since) / 1000).toFixed(1)} s`);
      health.down = false;
      return;
    }
    if (databaseFault(err) !== 'connection') return;
    noteOutage();
    if (!health.down) {
      health.down = true;
      health.since = Date.now();
      health.reason = err instanceof Error ? err.message : String(err);
      console.error(`${label}: unreachable at ${where} (${health.reason}); requests that need it get 503 until it answers again`);
    }
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

  const connect = pool.connect.bind(pool) as (cb: Callback) => void;
  // pg-pool's own query() calls this.connect too, so both paths go through the guard.
  (pool as unknown as { connect: (cb?: Callback) => unknown }).connect = (cb?: Callback) => {
    let trial = false;
    if (health.down) {
      const now = Date.now();
      if (trialInFlight || now - lastTrialAt < TRIAL_INTERVAL_MS) {
        noteOutage();
        const err = refused();
        if (cb) return void process.nextTick(cb, err);
        return Promise.reject(err);
      }
      trial = trialInFlight = true;
      lastTrialAt = now;
    }
    const done = (err?: Error) => {
      if (trial) trialInFlight = false;
      settle(err);
    };
    if (cb) {
      return connect((err, client, release) => {
        done(err);
        cb(err, client, release);
      });
    }
    return new Promise<pg.PoolClient>((resolve, reject) =>
      connect((err, client) => {
        done(err);
        if (err) reject(err);
        else resolve(client!);
      }),
    );
  };
  return pool;
}
