import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../lib/db-config.ts';
import { derivePostgresSchema } from './schemas.ts';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('derivePostgresSchema', () => {
  it('matches the committed prisma/postgresql/schema.prisma exactly (run `npm run db:schema` after editing prisma/schema.prisma)', () => {
    expect(derivePostgresSchema(read('prisma/schema.prisma'))).toBe(read('prisma/postgresql/schema.prisma'));
  });

  it('changes only the header, the provider and the client output', () => {
    const source = read('prisma/schema.prisma');
    const derived = derivePostgresSchema(source);
    expect(derived).toMatch(/^\/\/ GENERATED from prisma\/schema\.prisma/);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output   = "../../lib/generated/postgresql"');
    expect(derived).not.toContain('"sqlite"');
    const strip = (s: string) => s.split('\n').filter((l) => !/provider\s*=|output\s*=|^\/\/ GENERATED/.test(l));
    expect(strip(derived)).toEqual(strip(source));
  });

  it('refuses a schema without the sqlite provider line', () => {
    const source = read('prisma/schema.prisma');
    expect(() => derivePostgresSchema(source.replace(/provider\s*=\s*"sqlite"/, ''))).toThrow(/must declare provider = "sqlite"/);
  });

  it('refuses a schema whose client output is elsewhere', () => {
    const source = read('prisma/schema.prisma');
    expect(() => derivePostgresSchema(source.replace('../lib/generated/sqlite', '../generated'))).toThrow(/output = "..\/lib\/generated\/sqlite"/);
  });
});
