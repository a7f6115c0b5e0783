import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { env } from '@/lib/env';
import { PrismaClient as PostgresClient } from '@/lib/generated/postgresql/client';
import { PrismaClient as SqliteClient } from '@/lib/generated/sqlite/client';
import { pgConfig, providerOf } from '@/lib/db-config';

// Secrets are left out of every query result unless a query asks for them explicitly.
const omit = { user: { passwordHash: true } } as const;

function createSqlite(url: string) {
  const client = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url }), omit });
  // Planner statistics, as SQLite recommends for long-lived connections: without them it may walk a
  // sort index for a byline or tag filter instead of the short id list (the dashboard's articles
  // list). Analyses only tables whose statistics are missing or stale, each on a bounded sample.
  void client.$queryRawUnsafe('PRAGMA analysis_limit=1000').then(() => client.$queryRawUnsafe('PRAGMA optimize=0x10002')).catch(() => undefined);
  return client;
}

/**
 * The Prisma client type shared by both providers. The SQLite client is the common
 * denominator: code typed against it runs unchanged on PostgreSQL.
 */
export type Db = ReturnType<typeof createSqlite>;

/** Creates a client for any DATABASE_URL (SQLite file: or postgresql://). */
export function createDb(url: string): Db {
  if (providerOf(url) === 'sqlite') return createSqlite(url);
  return new PostgresClient({ adapter: new PrismaPg(pgConfig(url)), omit }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { broadsheetDb?: Db };

/** The one Prisma client of this process. */
export const db: Db = globalForDb.broadsheetDb ?? createDb(env.DATABASE_URL);
if (env.BROADSHEET_ENV !== 'production') globalForDb.broadsheetDb = db;
