import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL, ROOT, databaseUrl, providerOf } from './db-config.ts';

describe('providerOf', () => {
  it('recognises SQLite files and PostgreSQL URLs', () => {
    expect(providerOf('file:/tmp/x.db')).toBe('sqlite');
    expect(providerOf('file:./data/broadsheet.db')).toBe('sqlite');
    expect(providerOf('postgresql://postgres@127.0.0.1:5432/broadsheet')).toBe('postgresql');
    expect(providerOf('postgres://user:secret@db.internal/broadsheet')).toBe('postgresql');
  });

  it('names the scheme it got, without echoing the rest of the URL (it may hold a password)', () => {
    let message = '';
    try {
      providerOf('mysql://root:hunter2@localhost/broadsheet');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\/ \(PostgreSQL\)/);
    expect(message).toContain('"mysql:…"');
    expect(message).not.toContain('hunter2');
    expect(() => providerOf('postgresql:/missing-slash')).toThrow(/DATABASE_URL must start with/);
    expect(() => providerOf('')).toThrow(/DATABASE_URL must start with/);
  });
});

describe('databaseUrl', () => {
  it('falls back to data/broadsheet.db in the project when unset or blank', () => {
    expect(DEFAULT_DATABASE_URL).toBe(`file:${path.join(ROOT, 'data/broadsheet.db')}`);
    expect(databaseUrl(undefined)).toBe(DEFAULT_DATABASE_URL);
    expect(databaseUrl('')).toBe(DEFAULT_DATABASE_URL);
    expect(databaseUrl('   ')).toBe(DEFAULT_DATABASE_URL);
  });

  it('makes a relative SQLite path absolute against the project root, whatever the working directory', () => {
    expect(databaseUrl('file:./data/other.db')).toBe(`file:${path.join(ROOT, 'data/other.db')}`);
    expect(databaseUrl('file:dev.db')).toBe(`file:${path.join(ROOT, 'dev.db')}`);
    expect(databaseUrl(' file:/var/lib/broadsheet/site.db ')).toBe('file:/var/lib/broadsheet/site.db');
  });

  it('passes PostgreSQL URLs through unchanged (trimmed)', () => {
    expect(databaseUrl(' postgresql://postgres@127.0.0.1:5432/broadsheet?schema=public ')).toBe('postgresql://postgres@127.0.0.1:5432/broadsheet?schema=public');
  });
});
