// Where each database provider's schema, migrations and generated client live,
// and how a DATABASE_URL maps to a provider. Shared by the CLI, the test
// harness and the seed; it runs outside Next.js, so it must not import lib/.
import path from 'node:path';

export type Provider = 'sqlite' | 'postgresql';
export const PROVIDERS: Provider[] = ['sqlite', 'postgresql'];

// Scripts know where they live; inside the Next.js server bundle import.meta.dirname is
// undefined and the server always runs from the project root.
export const ROOT = import.meta.dirname ? path.resolve(import.meta.dirname, '../..') : process.cwd();
export const SOURCE_SCHEMA = path.join(ROOT, 'prisma/schema.prisma');
export const DEFAULT_DATABASE_URL = `file:${path.join(ROOT, 'data/broadsheet.db')}`;

export function schemaPath(provider: Provider): string {
  return provider === 'sqlite' ? SOURCE_SCHEMA : path.join(ROOT, 'prisma/postgresql/schema.prisma');
}

export function migrationsDir(provider: Provider): string {
  return path.join(ROOT, 'prisma/migrations', provider);
}

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
