import type { PoolConfig } from 'pg';
import { parse, toClientConfig } from 'pg-connection-string';

/** Pool settings that apply when the connection URL does not say otherwise (lib/env's DATABASE_* knobs). */
export type PgPoolDefaults = {
  /** Most connections this process opens. */
  max?: number;
  /** Connecting, and waiting for a free pooled connection, give up after this long. */
  connectTimeoutMs?: number;
  /** The server cancels a statement running longer than this (0: never). The client gives up a second later. */
  statementTimeoutMs?: number;
  /** Idle pooled connections close after this long. */
  idleTimeoutMs?: number;
  /** TCP keep-alive probes start after this much idle time (0: keep-alive off). */
  keepAliveMs?: number;
};

/**
 * Connection-URL parameters besides host, port, user, password and database that are understood:
 * libpq's names (what `psql` and most hosting providers' URLs use), node-postgres's own, and the
 * ones Prisma's engines read (so URLs written for Prisma keep their meaning).
 */
const KNOWN_PARAMS = new Set([
  // TLS, read by pg-connection-string (sslmode=disable|prefer|require|verify-ca|verify-full|no-verify)
  'ssl',
  'sslmode',
  'sslrootcert',
  'sslcert',
  'sslkey',
  'sslnegotiation',
  'uselibpqcompat',
  // sent to the server at connect time
  'application_name',
  'fallback_application_name',
  'options',
  'client_encoding',
  'replication',
  'statement_timeout',
  'lock_timeout',
  'idle_in_transaction_session_timeout',
  // client side
  'connect_timeout',
  'keepalives',
  'keepalives_idle',
  'query_timeout',
  'host',
  'port',
  'user',
  'password',
  'dbname',
  'db',
  'encoding',
  // Prisma's: connection_limit, pool_timeout, socket_timeout, schema, and pgbouncer (statements are
  // always unnamed here, which is what PgBouncer's transaction mode needs)
  'connection_limit',
  'pool_timeout',
  'socket_timeout',
  'schema',
  'pgbouncer',
]);

const seconds = (v: string | undefined) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) * 1000 : undefined);
const int = (v: string | undefined) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Math.trunc(Number(v)) : undefined);

/**
 * Parses a postgresql:// URL into pg's PoolConfig (adapter-pg's shadow database needs an object, not
 * a URL), honouring its parameters: TLS (`sslmode`, `sslrootcert`, `sslcert`, `sslkey`), `options`
 * (e.g. `-c search_path=news`), `application_name`, the server-side timeouts, `connect_timeout` and
 * `keepalives_idle` (seconds, as libpq), and Prisma's `connection_limit`, `pool_timeout`,
 * `socket_timeout`. A parameter in the URL wins over `defaults`.
 */
export function pgConfig(url: string, defaults: PgPoolDefaults = {}): PoolConfig {
  const parsed = parse(url);
  const raw = parsed as unknown as Record<string, string | undefined>;
  const client = toClientConfig(parsed) as PoolConfig & Record<string, unknown>;
  const config: PoolConfig = {
    ...client,
    host: client.host || '127.0.0.1',
    port: Number(client.port || 5432),
    user: client.user || 'postgres',
    password: client.password ?? '',
    database: raw.dbname || client.database || undefined,
  };
  const connectTimeout = seconds(raw.connect_timeout) ?? seconds(raw.pool_timeout) ?? defaults.connectTimeoutMs;
  if (connectTimeout !== undefined && connectTimeout > 0) config.connectionTimeoutMillis = connectTimeout;
  const max = int(raw.connection_limit) ?? defaults.max;
  if (max !== undefined && max > 0) config.max = max;
  if (defaults.idleTimeoutMs !== undefined) config.idleTimeoutMillis = defaults.idleTimeoutMs;

  const statement = int(raw.statement_timeout) ?? defaults.statementTimeoutMs;
  if (statement !== undefined) config.statement_timeout = statement > 0 ? statement : false;
  for (const key of ['lock_timeout', 'idle_in_transaction_session_timeout'] as const) {
    const v = int(raw[key]);
    if (v !== undefined) config[key] = v;
  }
  // The server's statement timeout cannot fire when the server itself has stopped answering
  // (a frozen host, a dead network path): the client gives up a moment after it would have.
  const queryTimeout = int(raw.query_timeout) ?? seconds(raw.socket_timeout) ?? (statement ? statement + 1000 : undefined);
  if (queryTimeout !== undefined && queryTimeout > 0) config.query_timeout = queryTimeout;

  const keepalives = raw.keepalives;
  const keepAliveMs = seconds(raw.keepalives_idle) ?? defaults.keepAliveMs;
  if (keepalives === '0' || keepAliveMs === 0) config.keepAlive = false;
  else if (keepalives === '1' || keepAliveMs !== undefined) {
    config.keepAlive = true;
    if (keepAliveMs) config.keepAliveInitialDelayMillis = keepAliveMs;
  }
  // Parameters consumed above are not node-postgres options; leave them out of the config.
  for (const key of [
    'dbname',
    'connect_timeout',
    'pool_timeout',
    'connection_limit',
    'socket_timeout',
    'keepalives',
    'keepalives_idle',
    'schema',
    'pgbouncer',
    'sslmode',
    'sslrootcert',
    'sslcert',
    'sslkey',
    'uselibpqcompat',
  ])
    delete (config as Record<string, unknown>)[key];
  return config;
}

/** The URL's `schema` parameter (Prisma's way to name the PostgreSQL schema), if any. */
export function pgSchema(url: string): string | undefined {
  return new URL(url).searchParams.get('schema') || undefined;
}

/** Parameters of the URL that Broadsheet does not understand (it warns about them rather than failing). */
export function unknownPgParams(url: string): string[] {
  return [...new URL(url).searchParams.keys()].filter((k) => !KNOWN_PARAMS.has(k));
}
