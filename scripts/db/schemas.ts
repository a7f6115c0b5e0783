// Derives the PostgreSQL schema from the single source schema (SQLite).
// Prisma ties the provider and the generated client to the schema file, so
// one source serves both databases through this small, tested transform.
import fs from 'node:fs';
import { SOURCE_SCHEMA, schemaPath } from './paths.ts';

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:schema\` — do not edit by hand.\n`;

export function derivePostgresSchema(source: string): string {
  const out = source.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"').replace(/output\s*=\s*"\.\.\/lib\/generated\/sqlite"/, 'output   = "../../lib/generated/postgresql"');
  if (out === source || !out.includes('"postgresql"') || !out.includes('lib/generated/postgresql')) {
    throw new Error('prisma/schema.prisma must declare provider = "sqlite" and output = "../lib/generated/sqlite"');
  }
  return HEADER + out;
}

/** Writes prisma/postgresql/schema.prisma; returns true when it changed. */
export function writeDerivedSchemas(): boolean {
  const target = schemaPath('postgresql');
  const next = derivePostgresSchema(fs.readFileSync(SOURCE_SCHEMA, 'utf8'));
  const prev = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  if (prev === next) return false;
  fs.mkdirSync(new URL('.', `file://${target}`).pathname, { recursive: true });
  fs.writeFileSync(target, next);
  return true;
}
