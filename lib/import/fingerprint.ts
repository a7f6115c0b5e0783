import 'server-only';
import { createHash } from 'node:crypto';
import type { ImportRecord } from './records';

/** JSON with object keys sorted, so equal records always serialise the same way. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A stable digest of everything a record says. Readers are deterministic, so importing the same
 * file again gives the same fingerprint ("unchanged"); an item edited on the source gives a new one.
 */
export function recordFingerprint(record: ImportRecord): string {
  return createHash('sha256').update(canonical(record)).digest('hex');
}
