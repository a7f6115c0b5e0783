import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSchemaEngine, type SchemaEngine } from './engine.ts';
import { databaseUrl } from '../../lib/db-config.ts';

// If this fails, prisma/schema.prisma changed without a migration: run `npm run db:migration -- --name what_changed`.
describe(`committed migrations (${databaseUrl().split(':')[0]})`, () => {
  let engine: SchemaEngine;
  beforeAll(async () => {
    engine = await openSchemaEngine(databaseUrl());
  });
  afterAll(async () => {
    await engine?.close();
  });

  it('produce exactly the schema in prisma/schema.prisma', async () => {
    const sql = await engine.diff('migrations');
    expect(sql).not.toMatch(/\b(CREATE|ALTER|DROP|RENAME|INSERT|UPDATE|DELETE)\b/i);
    expect(sql.trim()).toMatch(/^(-- This is an empty migration\.)?$/);
  });

  it('are all applied to the test database, none failed', async () => {
    const status = (await engine.status()) as { history: unknown; failedMigrationNames: string[]; editedMigrationNames: string[] };
    expect(status).toMatchObject({ history: null, failedMigrationNames: [], editedMigrationNames: [] });
  });

  it('create the whole schema from an empty database', async () => {
    const sql = await engine.diff('empty');
    expect(sql).toMatch(/CREATE TABLE "Article"/);
    expect(sql).toMatch(/CREATE TABLE "Comment"/);
  });
});
