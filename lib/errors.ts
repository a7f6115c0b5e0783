import 'server-only';
import { z } from 'zod';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from '@/lib/outage';

/** Every failure the domain reports, with its HTTP status and a message fit for users. */
export const ERROR_CODES = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

/**
 * A save that named a version someone else has already replaced: a conflict in the dashboard,
 * a 412 over HTTP (If-Match). Nothing was changed; `currentVersion` is the version to reload.
 */
export class StaleVersionError extends AppError {
  constructor(
    message: string,
    public readonly currentVersion: number,
  ) {
    super('conflict', message, { currentVersion: [String(currentVersion)] });
  }
}

/**
 * Refuses a change that named `expected` when the row is at `current` (nothing is changed).
 * `expected` undefined means the caller did not say (a path with no form behind it): no check.
 */
export function assertVersion(what: string, current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw new StaleVersionError(`Someone else changed this ${what} meanwhile: it is now at version ${current}, not ${expected}. Reload it to see their changes; yours were not saved.`, current);
  }
}

/** Field messages from a ZodError, keyed by the top-level field name. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  // A Map, not an object: a field named "constructor" or "__proto__" must not meet Object.prototype.
  const out = new Map<string, string[]>();
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    out.set(key, [...(out.get(key) ?? []), issue.message]);
  }
  return Object.fromEntries(out);
}

// Node's socket errors, PostgreSQL's connection-exception (08…) and operator-intervention (57P…)
// SQLSTATEs, pg's own connection messages, and Prisma's connection error codes.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
const PRISMA_CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1011', 'P1017', 'P2024']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TlsConnectionError']);
const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|Can't reach database server|database is locked|the database system is (starting up|shutting down|in recovery mode)/i;

export type DatabaseFault = 'connection' | 'timeout';

/**
 * Whether `e` says the database could not be reached (`connection`: refused, closed, starting up,
 * shutting down, too many clients) or did not answer in time (`timeout`: statement timeout,
 * lock wait, SQLite busy). Looks through Prisma's and the driver adapter's wrappers and `cause`s.
 */
export function databaseFault(e: unknown): DatabaseFault | null {
  const seen = new Set<unknown>();
  let timeout = false;
  const visit = (x: unknown, depth: number): boolean => {
    if (!x || typeof x !== 'object' || seen.has(x) || depth > 6) return false;
    seen.add(x);
    const o = x as Record<string, unknown>;
    const code = typeof o.code === 'string' ? o.code : '';
    const kind = typeof o.kind === 'string' ? o.kind : '';
    if (SOCKET_CODES.has(code) || PRISMA_CONNECTION_CODES.has(code) || ADAPTER_KINDS.has(kind)) {
      if (code === 'P1008' || code === 'P2024') timeout = true;
      return true;
    }
    // SQLSTATE 08xxx connection exception, 57P01-57P05 shutdown / cannot connect now, 53300 too many connections.
    if (/^(08...|57P0[1-5]|53300)$/.test(code)) return true;
    // 57014 statement timeout / cancelled, 55P03 lock not available; SQLITE_BUSY.
    if (/^(57014|55P03|SQLITE_BUSY)/.test(code)) return (timeout = true);
    if (typeof o.message === 'string' && PG_MESSAGES.test(o.message)) {
      if (/Query read timeout|locked/i.test(o.message)) timeout = true;
      return true;
    }
    return visit(o.cause, depth + 1) || visit(o.meta, depth + 1) || visit(o.driverAdapterError, depth + 1) || visit(o.originalError, depth + 1);
  };
  if (!visit(e, 0)) return null;
  return timeout ? 'timeout' : 'connection';
}

/**
 * Normalises anything thrown into an AppError; unexpected errors are logged and hidden. A zod
 * issue about the whole form (no field path, such as an unticked confirmation) is the message.
 */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof z.ZodError) return new AppError('unprocessable', e.issues.find((i) => i.path.length === 0)?.message ?? 'Some fields need attention.', fieldErrors(e));
  if (databaseFault(e)) {
    // lib/db logs the outage once when it begins and once when it ends; not per request.
    return new AppError('unavailable', DATABASE_UNAVAILABLE_MESSAGE);
  }
  console.error(e);
  return new AppError('internal', 'Something went wrong on our side. Please try again in a moment.');
}

/** The Retry-After (seconds) an error's response carries: rate limits say how long, an outage asks for a short wait. */
export function retryAfterSeconds(err: AppError): number | undefined {
  const own = (err as AppError & { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof own === 'number' && own > 0) return Math.ceil(own);
  return err.code === 'unavailable' ? DATABASE_RETRY_AFTER_SECONDS : undefined;
}
