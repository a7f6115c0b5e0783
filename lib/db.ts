import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { createGuardedPool } from '@/lib/db-pool';
import { env } from '@/lib/env';
import { databaseFault } from '@/lib/errors';
import { PrismaClient as PostgresClient } from '@/lib/generated/postgresql/client';
import { PrismaClient as SqliteClient } from '@/lib/generated/sqlite/client';
import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/outage';
import { onReadinessCheck, onShutdown, requestNotes } from '@/lib/process-hooks.mjs';
import { providerOf } from '@/lib/db-config';
import { pgConfig, pgSchema, unknownPgParams } from '@/lib/pg-config';

// Secrets are left out of every query result unless a query asks for them explicitly.
const omit = { user: { passwordHash: true } } as const;

/**
 * Marks a failed query that could not reach the database: the page's error boundary (app/error.tsx)
 * gets a digest it recognises, and the server answers the request with 503 and Retry-After.
 */
function markOutage(e: unknown): void {
  if (!e || typeof e !== 'object' || !databaseFault(e)) return;
  const notes = requestNotes();
  if (notes) notes.databaseUnavailable = true;
  if (!('digest' in e)) Object.defineProperty(e, 'digest', { value: DATABASE_UNAVAILABLE_DIGEST, writable: true, configurable: true });
}

const newSqliteClient = (url: string) => new SqliteClient({ adapter: new PrismaBetterSqlite3({ url }), omit });
type BaseClient = ReturnType<typeof newSqliteClient>;

function withOutageMarks(client: BaseClient) {
  return client.$extends({
    name: 'outage-marks',
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (e) {
          markOutage(e);
          throw e;
        }
      },
    },
  });
}

function createSqlite(url: string) {
  const client = newSqliteClient(url);
  // Write-ahead log: readers no longer wait for a writer, and a commit appends to the log instead of
  // rewriting pages; with synchronous=NORMAL a commit does not wait for fsync (the log is synced at
  // checkpoints), so a power cut may lose the last commits but never corrupts the database.
  // journal_mode persists in the file; synchronous is per connection (the adapter holds one).
  void client
    .$queryRawUnsafe('PRAGMA journal_mode=WAL')
    .then(() => client.$queryRawUnsafe('PRAGMA synchronous=NORMAL'))
    .catch(() => undefined);
  // Planner statistics, as SQLite recommends for long-lived connections: without them it may walk a
  // sort index for a byline or tag filter instead of the short id list (the dashboard's articles
  // list). Analyses only tables whose statistics are missing or stale, each on a bounded sample.
  void client
    .$queryRawUnsafe('PRAGMA analysis_limit=1000')
    .then(() => client.$queryRawUnsafe('PRAGMA optimize=0x10002'))
    .catch(() => undefined);
  return withOutageMarks(client);
}

/**
 * The Prisma client type shared by both providers. The SQLite client is the common
 * denominator: code typed against it runs unchanged on PostgreSQL.
 */
export type Db = ReturnType<typeof createSqlite>;

/**
 * A PostgreSQL client on a pool with timeouts, keep-alive and a size (DATABASE_* in lib/env;
 * DATABASE_URL's own parameters win), which fails fast while the server is unreachable (lib/db-pool).
 */
function createPostgres(url: string): { client: Db; pool: ReturnType<typeof createGuardedPool> } {
  const unknown = unknownPgParams(url);
  if (unknown.length) console.warn(`DATABASE_URL: ignoring parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (not understood by node-postgres)`);
  const pool = createGuardedPool(
    pgConfig(url, {
      max: env.DATABASE_POOL_MAX,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      idleTimeoutMs: env.DATABASE_IDLE_TIMEOUT_MS,
      keepAliveMs: env.DATABASE_KEEPALIVE_MS,
    }),
  );
  const schema = pgSchema(url);
  const client = new PostgresClient({ adapter: new PrismaPg(pool, schema ? { schema } : undefined), omit });
  return { client: withOutageMarks(client as unknown as BaseClient), pool };
}

const READS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy']);

/**
 * Sends model reads to PostgreSQL read replicas (in turn) when it is safe to: inside a request the
 * server marked `replicaReads` (public GET pages and the content API, not the dashboard, sign-in
 * or any POST), outside transactions, and only until the request writes (read-your-writes: every
 * later read goes to the primary). Everything else — writes, raw SQL, background work (scheduler,
 * jobs), transactions — uses the primary. A replica that cannot be reached falls back to the primary.
 */
export function withReadReplicas(primary: Db, replicas: Db[]): Db {
  if (!replicas.length) return primary;
  let turn = 0;
  const nextReplica = () => replicas[turn++ % replicas.length]!;
  const extended = primary.$extends({
    name: 'read-replicas',
    query: {
      async $allOperations(params) {
        const { model, operation, args, query } = params;
        const notes = requestNotes();
        if (!READS.has(operation) || !model) {
          if (notes && !(operation === '$queryRaw' || operation === '$queryRawUnsafe')) notes.wrote = true;
          return query(args);
        }
        const inTransaction = !!(params as unknown as { __internalParams?: { transaction?: unknown } }).__internalParams?.transaction;
        if (!notes?.replicaReads || notes.wrote || inTransaction) return query(args);
        const replica = nextReplica() as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>;
        try {
          return await replica[model.charAt(0).toLowerCase() + model.slice(1)]![operation]!(args);
        } catch (e) {
          if (databaseFault(e)) return query(args);
          throw e;
        }
      },
    },
  });
  replicaPickers.set(extended, nextReplica);
  return extended as unknown as Db;
}

/** The replicas of each client made by withReadReplicas, taken in turn. */
const replicaPickers = new WeakMap<object, () => Db>();

/**
 * Runs a raw read (SQL the models cannot say, such as full-text search) where withReadReplicas
 * would send a model read: on a replica during a public request that has not written, otherwise
 * on `client` itself (the primary). A replica that cannot be reached falls back to the primary.
 */
export async function readPublic<T>(client: Db, read: (client: Db) => Promise<T>): Promise<T> {
  const nextReplica = replicaPickers.get(client);
  const notes = requestNotes();
  if (!nextReplica || !notes?.replicaReads || notes.wrote) return read(client);
  try {
    return await read(nextReplica());
  } catch (e) {
    if (databaseFault(e)) return read(client);
    throw e;
  }
}

/** Creates a client for any DATABASE_URL (SQLite file: or postgresql://). */
export function createDb(url: string): Db {
  if (providerOf(url) === 'sqlite') return createSqlite(url);
  return createPostgres(url).client;
}

const globalForDb = globalThis as unknown as { broadsheetDb?: Db };

function createProcessDb(): Db {
  const url = env.DATABASE_URL;
  if (providerOf(url) === 'sqlite') {
    const client = createSqlite(url);
    onShutdown('database', () => client.$disconnect(), 50);
    onReadinessCheck('database', async () => {
      await client.$queryRawUnsafe('SELECT 1');
    });
    return client;
  }
  const { client, pool } = createPostgres(url);
  onShutdown(
    'database',
    async () => {
      await client.$disconnect();
      await pool.end();
    },
    50,
  );
  // Straight through the pool (not Prisma): cheap, and refused at once while the pool knows the server is down.
  onReadinessCheck('database', async () => {
    await pool.query('SELECT 1');
  });
  // DATABASE_REPLICA_URLS: streaming replicas for public reads (withReadReplicas).
  const replicas = env.DATABASE_REPLICA_URLS.map((replicaUrl) => {
    const replica = createPostgres(replicaUrl);
    onShutdown(
      'database replica',
      async () => {
        await replica.client.$disconnect();
        await replica.pool.end();
      },
      50,
    );
    return replica.client;
  });
  return withReadReplicas(client, replicas);
}

/** The one Prisma client of this process. */
export const db: Db = globalForDb.broadsheetDb ?? createProcessDb();
if (env.BROADSHEET_ENV !== 'production') globalForDb.broadsheetDb = db;
