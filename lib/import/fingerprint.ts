import 'server-only';
import { createHash } from 'node:crypto';
import type { ImportRecord } from './records';

/** JSON with object keys sorted, so equal records always serialise the same way (undefined members left out, as JSON does). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonical(value[i]);
    return out + ']';
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    let out = '{';
    for (const key of Object.keys(object).sort()) {
      const member = object[key];
      if (member === undefined) continue;
      out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + canonical(member);
    }
    return out + '}';
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
