import type { components } from './schema';

export type ErrorCode = components['schemas']['Error']['error']['code'];

/** Any answer of the API that is not a success, with its status, code and field messages. */
export class BroadsheetApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  /** Messages per field path (`body.content.0.type`) or parameter, when the failure concerns some. */
  readonly details: Record<string, string[]> | null;

  constructor(status: number, body: Partial<components['schemas']['Error']> | undefined, fallback: string) {
    super(body?.error?.message ?? fallback);
    this.name = 'BroadsheetApiError';
    this.status = status;
    this.code = body?.error?.code ?? 'internal';
    this.details = body?.error?.details ?? null;
  }
}

/** 412: someone changed the article since the version you named; nothing was changed. */
export class StaleVersionError extends BroadsheetApiError {
  /** The article's version now: load it, reapply your change, and send this version. */
  readonly currentVersion: number;

  constructor(status: number, body: Partial<components['schemas']['Error']> | undefined, fallback: string) {
    super(status, body, fallback);
    this.name = 'StaleVersionError';
    this.currentVersion = Number(this.details?.currentVersion?.[0] ?? NaN);
  }
}

export function apiError(status: number, body: unknown, fallback: string): BroadsheetApiError {
  const parsed = body && typeof body === 'object' && 'error' in body ? (body as components['schemas']['Error']) : undefined;
  return status === 412 ? new StaleVersionError(status, parsed, fallback) : new BroadsheetApiError(status, parsed, fallback);
}
