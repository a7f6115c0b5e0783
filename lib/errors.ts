import 'server-only';
import { z } from 'zod';

/** Every failure the domain reports, with its HTTP status and a message fit for users. */
export const ERROR_CODES = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
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

/** Normalises anything thrown into an AppError; unexpected errors are logged and hidden. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof z.ZodError) return new AppError('unprocessable', 'Some fields need attention.', fieldErrors(e));
  console.error(e);
  return new AppError('internal', 'Something went wrong on our side. Please try again in a moment.');
}
