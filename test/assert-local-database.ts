// Tests create and drop databases and write fixtures: they must never reach a shared
// or production server by accident. Set ALLOW_REMOTE_TEST_DATABASE=1 to override.
import { providerOf } from '../lib/db-config.ts';

type Env = Record<string, string | undefined>;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** The host a postgresql:// URL connects to ('' host means pg's default: PGHOST, else localhost). */
export function databaseHost(url: string, env: Env = process.env): string {
  const u = new URL(url);
  const host = u.searchParams.get('host') || decodeURIComponent(u.hostname).replace(/^\[|\]$/g, '') || env.PGHOST || 'localhost';
  return host.toLowerCase();
}

/** Throws unless `url` is a SQLite file or a PostgreSQL server on this machine (loopback or unix socket). */
export function assertLocalDatabase(url: string, env: Env = process.env): void {
  if (providerOf(url) === 'sqlite' || env.ALLOW_REMOTE_TEST_DATABASE === '1') return;
  const host = databaseHost(url, env);
  if (LOCAL_HOSTS.has(host) || host.startsWith('/')) return;
  throw new Error(
    `Refusing to run tests against the database on "${host}": tests create, fill and drop databases. ` +
      'Use a server on 127.0.0.1, localhost, ::1 or a unix socket, or set ALLOW_REMOTE_TEST_DATABASE=1 if you really mean it.',
  );
}
