// Which database a DATABASE_URL names and how to reach it. Plain (no `server-only`) because the
// CLI (scripts/db.ts), the test harness and the benches use it as well as lib/env and lib/db;
// it must stay free of Next.js and of other lib modules.
import path from 'node:path';

export type Provider = 'sqlite' | 'postgresql';
export const PROVIDERS: Provider[] = ['sqlite', 'postgresql'];

// Outside Next.js this file knows where it lives; inside the Next.js server bundle
// import.meta.dirname is undefined and the server always runs from the project root.
export const ROOT = import.meta.dirname ? path.resolve(import.meta.dirname, '..') : process.cwd();
export const DEFAULT_DATABASE_URL = `file:${path.join(ROOT, 'data/broadsheet.db')}`;

export function providerOf(url: string): Provider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(':')[0]}:…"`);
}

/** The configured database URL, with a relative SQLite path made absolute against the project root. */
export function databaseUrl(raw = process.env.DATABASE_URL): string {
  const url = raw && raw.trim() ? raw.trim() : DEFAULT_DATABASE_URL;
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length);
    return `file:${path.isAbsolute(file) ? file : path.join(ROOT, file)}`;
  }
  return url;
}

// Connection options of a postgresql:// URL, every parameter honoured (lib/pg-config).
export { pgConfig } from './pg-config.ts';
