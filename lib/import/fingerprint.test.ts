import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordFingerprint } from './fingerprint';
import type { ImportRecord } from './records';
import { readWordPress } from './wordpress';

const file = path.join(import.meta.dirname, '../../test/fixtures/import/wxr-1.2.xml');

async function fingerprints() {
  const out = new Map<string, string>();
  for await (const r of readWordPress(file)) if ('originalId' in r) out.set(`${r.kind}:${r.originalId}`, recordFingerprint(r));
  return out;
}

describe('recordFingerprint', () => {
  it('is the same for the same file read twice, and different for every distinct item', async () => {
    const [a, b] = [await fingerprints(), await fingerprints()];
    expect([...a.entries()]).toEqual([...b.entries()]);
    expect(new Set(a.values()).size).toBe(a.size);
  });

  it('ignores key order and changes with any value', () => {
    const record = { kind: 'tag', source: 'wordpress', originalId: 'x', notes: [], name: 'X', slug: 'x', description: null, oldPaths: [] } as ImportRecord;
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as ImportRecord;
    expect(recordFingerprint(reordered)).toBe(recordFingerprint(record));
    expect(recordFingerprint({ ...record, description: 'Edited' } as ImportRecord)).not.toBe(recordFingerprint(record));
  });

  it('stays what earlier imports stored in their ledgers (else every re-import would report "updated")', () => {
    const record = {
      kind: 'comment',
      source: 'wordpress',
      originalId: '7',
      postOriginalId: '3',
      parentOriginalId: undefined,
      authorName: 'Zoë “Z” <z>',
      body: 'Line\n\nline',
      notes: [{ code: 'x', message: 'é' }],
      nested: { b: [1, null, undefined, 'two'], a: { z: true, y: false } },
    } as unknown as ImportRecord;
    expect(recordFingerprint(record)).toBe('043f4b839fcc0619c473d931ca3a1703e47557ef1ad18b5ffcaa2fa120bdac19');
  });
});
