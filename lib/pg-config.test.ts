import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pgConfig, pgSchema, unknownPgParams } from './pg-config.ts';

describe('pgConfig', () => {
  it('reads host, port, user, password and database, decoding escapes', () => {
    const c = pgConfig('postgresql://news%40desk:p%2Fss@db.internal:6543/broad%20sheet');
    expect(c).toMatchObject({ host: 'db.internal', port: 6543, user: 'news@desk', password: 'p/ss', database: 'broad sheet' });
  });

  it('defaults to the local server as user postgres', () => {
    expect(pgConfig('postgresql:///broadsheet')).toMatchObject({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'broadsheet' });
  });

  it('keeps the TLS settings of sslmode and reads the files sslrootcert, sslcert and sslkey name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgconfig-'));
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(dir, f), `-----${f}-----`);
    try {
      const c = pgConfig(`postgresql://u@db/x?sslmode=verify-full&sslrootcert=${dir}/ca.pem&sslcert=${dir}/cert.pem&sslkey=${dir}/key.pem`);
      expect(c.ssl).toMatchObject({ ca: '-----ca.pem-----', cert: '-----cert.pem-----', key: '-----key.pem-----' });
      expect(pgConfig('postgresql://u@db/x?sslmode=disable').ssl).toBe(false);
      expect(pgConfig('postgresql://u@db/x?sslmode=no-verify').ssl).toEqual({ rejectUnauthorized: false });
      // libpq's meaning of require (encrypt, do not verify) when asked for explicitly.
      expect(pgConfig('postgresql://u@db/x?sslmode=require&uselibpqcompat=true').ssl).toEqual({ rejectUnauthorized: false });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes server settings through: options, application_name, statement and lock timeouts', () => {
    const c = pgConfig('postgresql://u@db/x?options=-c%20search_path%3Dnews&application_name=broadsheet-web&statement_timeout=5000&lock_timeout=2000&idle_in_transaction_session_timeout=60000');
    expect(c).toMatchObject({ options: '-c search_path=news', application_name: 'broadsheet-web', statement_timeout: 5000, lock_timeout: 2000, idle_in_transaction_session_timeout: 60000 });
  });

  it('applies the pool defaults when the URL says nothing, and lets the URL win', () => {
    const defaults = { max: 10, connectTimeoutMs: 3000, statementTimeoutMs: 15_000, idleTimeoutMs: 30_000, keepAliveMs: 10_000 };
    expect(pgConfig('postgresql://u@db/x', defaults)).toMatchObject({
      max: 10,
      connectionTimeoutMillis: 3000,
      statement_timeout: 15_000,
      // A frozen server cannot cancel its own statement: the client gives up a second later.
      query_timeout: 16_000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // libpq's connect_timeout and keepalives_idle are seconds; Prisma's connection_limit is the pool size.
    expect(pgConfig('postgresql://u@db/x?connect_timeout=7&keepalives_idle=30&connection_limit=3&statement_timeout=0', defaults)).toMatchObject({
      max: 3,
      connectionTimeoutMillis: 7000,
      keepAliveInitialDelayMillis: 30_000,
      statement_timeout: false,
    });
    expect(pgConfig('postgresql://u@db/x?keepalives=0', defaults).keepAlive).toBe(false);
    expect(pgConfig('postgresql://u@db/x?socket_timeout=20', defaults).query_timeout).toBe(20_000);
  });

  it('does not hand parameters it consumed to node-postgres', () => {
    const c = pgConfig('postgresql://u@db/x?connect_timeout=7&connection_limit=3&schema=news&sslmode=disable') as Record<string, unknown>;
    for (const key of ['connect_timeout', 'connection_limit', 'schema', 'sslmode']) expect(c).not.toHaveProperty(key);
  });
});

describe('pgSchema and unknownPgParams', () => {
  it("reads Prisma's schema parameter", () => {
    expect(pgSchema('postgresql://u@db/x?schema=news')).toBe('news');
    expect(pgSchema('postgresql://u@db/x')).toBeUndefined();
  });

  it('names parameters it does not understand, so they are warned about rather than silently dropped', () => {
    expect(unknownPgParams('postgresql://u@db/x?sslmode=require&pgbouncer=true&target_session_attrs=read-write&hostaddr=10.0.0.1')).toEqual(['target_session_attrs', 'hostaddr']);
  });
});
