import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, databaseFault, fieldErrors, retryAfterSeconds, toAppError } from './errors';

// Shapes as they reach the domain, copied from a PostgreSQL stopped and restarted under a running client.
const prismaUnreachable = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), {
  code: 'P1001',
  meta: { modelName: 'User', driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 } } },
});
const adminShutdown = Object.assign(new Error('Database error. Code: `57P01`.'), {
  code: 'P2039',
  meta: { driverAdapterError: { cause: { originalCode: '57P01', kind: 'postgres', code: '57P01', message: 'terminating connection due to administrator command' } } },
});

describe('databaseFault', () => {
  it('recognises an unreachable or restarting server however it is wrapped', () => {
    expect(databaseFault(prismaUnreachable)).toBe('connection');
    expect(databaseFault(adminShutdown)).toBe('connection');
    expect(databaseFault(new Error('Connection terminated unexpectedly'))).toBe('connection');
    expect(databaseFault(new Error('Connection terminated due to connection timeout', { cause: new Error('x') }))).toBe('connection');
    expect(databaseFault(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:5432'), { code: 'ECONNREFUSED', syscall: 'connect' }))).toBe('connection');
    expect(databaseFault(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe('connection');
  });

  it('tells a slow database (statement timeout, busy pool, SQLite lock) from an absent one', () => {
    expect(databaseFault(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }))).toBe('timeout');
    expect(databaseFault(new Error('Query read timeout'))).toBe('timeout');
    expect(databaseFault(Object.assign(new Error('Timed out fetching a new connection from the connection pool'), { code: 'P2024' }))).toBe('timeout');
    expect(databaseFault(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe('timeout');
  });

  it('leaves every other failure alone', () => {
    expect(databaseFault(new Error('boom'))).toBeNull();
    expect(databaseFault(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBeNull();
    expect(databaseFault(new AppError('not_found', 'Gone'))).toBeNull();
    expect(databaseFault(null)).toBeNull();
    expect(databaseFault('ECONNREFUSED')).toBeNull();
  });
});

describe('toAppError', () => {
  it('turns an unreachable database into a 503 that asks to retry, without logging a stack per request', () => {
    const err = toAppError(prismaUnreachable);
    expect(err.code).toBe('unavailable');
    expect(err.status).toBe(503);
    expect(err.message).toMatch(/can't reach the newsroom's database/);
    expect(retryAfterSeconds(err)).toBeGreaterThan(0);
  });

  it('keeps AppErrors and field messages as they were', () => {
    expect(toAppError(new AppError('conflict', 'Taken')).status).toBe(409);
    const zod = toAppError(z.object({ a: z.string() }).safeParse({}).error);
    expect(zod.code).toBe('unprocessable');
    expect(retryAfterSeconds(zod)).toBeUndefined();
  });
});

describe('fieldErrors', () => {
  it('groups messages by field, including fields named like Object.prototype members', () => {
    const schema = z.object({ constructor: z.string(), toString: z.number(), name: z.string().min(2, 'Too short') }).strict();
    const parsed = schema.safeParse(JSON.parse('{"name":"a","extra":1}'));
    const out = fieldErrors(parsed.error!);
    expect(Object.keys(out).sort()).toEqual(['_form', 'constructor', 'name', 'toString']);
    expect(out.constructor).toEqual([expect.any(String)]);
    expect(out.name).toEqual(['Too short']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
