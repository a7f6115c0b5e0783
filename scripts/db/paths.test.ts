import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../lib/db-config.ts';
import { migrationsDir, schemaPath } from './paths.ts';

describe('schema and migration locations', () => {
  it('keeps one schema and one migrations folder per provider', () => {
    expect(schemaPath('sqlite')).toBe(path.join(ROOT, 'prisma/schema.prisma'));
    expect(schemaPath('postgresql')).toBe(path.join(ROOT, 'prisma/postgresql/schema.prisma'));
    expect(migrationsDir('sqlite')).toBe(path.join(ROOT, 'prisma/migrations/sqlite'));
    expect(migrationsDir('postgresql')).toBe(path.join(ROOT, 'prisma/migrations/postgresql'));
  });
});
