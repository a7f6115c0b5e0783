// Where each database provider's schema and migrations live (the CLI and the tests of the
// migrations). Which provider a DATABASE_URL names is lib/db-config's.
import path from 'node:path';
import { ROOT, type Provider } from '../../lib/db-config.ts';

export const SOURCE_SCHEMA = path.join(ROOT, 'prisma/schema.prisma');

export function schemaPath(provider: Provider): string {
  return provider === 'sqlite' ? SOURCE_SCHEMA : path.join(ROOT, 'prisma/postgresql/schema.prisma');
}

export function migrationsDir(provider: Provider): string {
  return path.join(ROOT, 'prisma/migrations', provider);
}
