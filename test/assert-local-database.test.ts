import { describe, expect, it } from 'vitest';
import { assertLocalDatabase, databaseHost } from './assert-local-database.ts';

describe('assertLocalDatabase', () => {
  it.each([
    'file:/tmp/broadsheet-int.db',
    'postgresql://postgres@127.0.0.1:5432/broadsheet_int_1',
    'postgresql://postgres@localhost/broadsheet_int_1',
    'postgresql://postgres@LOCALHOST/broadsheet_int_1',
    'postgres://postgres@[::1]:5432/broadsheet_int_1',
    'postgresql:///broadsheet_int_1?host=/var/run/postgresql',
    'postgresql://postgres@%2Fvar%2Frun%2Fpostgresql/broadsheet_int_1',
  ])('allows %s', (url) => {
    expect(() => assertLocalDatabase(url, {})).not.toThrow();
  });

  it.each([
    'postgresql://postgres@db.example.com:5432/broadsheet',
    'postgresql://postgres@10.0.0.5/broadsheet',
    'postgresql://postgres@127.0.0.1.example.com/broadsheet',
    'postgresql://postgres@localhost/broadsheet?host=db.example.com',
  ])('refuses %s', (url) => {
    expect(() => assertLocalDatabase(url, {})).toThrow(/Refusing to run tests against the database on/);
  });

  it('follows PGHOST when the URL names no host', () => {
    expect(databaseHost('postgresql:///broadsheet', {})).toBe('localhost');
    expect(() => assertLocalDatabase('postgresql:///broadsheet', { PGHOST: 'db.example.com' })).toThrow(/db\.example\.com/);
  });

  it('lets ALLOW_REMOTE_TEST_DATABASE=1 override, and nothing else', () => {
    expect(() => assertLocalDatabase('postgresql://postgres@db.example.com/x', { ALLOW_REMOTE_TEST_DATABASE: '1' })).not.toThrow();
    expect(() => assertLocalDatabase('postgresql://postgres@db.example.com/x', { ALLOW_REMOTE_TEST_DATABASE: 'true' })).toThrow();
  });

  it('refuses URLs of other databases', () => {
    expect(() => assertLocalDatabase('mysql://root@127.0.0.1/x', {})).toThrow(/DATABASE_URL must start with/);
  });
});
