import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('article cursors', () => {
  it('round-trips the position and is URL-safe', () => {
    const c = { publishedAt: new Date('2026-11-29T10:15:30.123Z'), id: 'cmabc123' };
    const raw = encodeCursor(c);
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(raw)).toEqual(c);
  });

  it.each(['', 'not-a-cursor', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["yesterday","x"]').toString('base64url')])(
    'rejects %j',
    (raw) => expect(decodeCursor(raw)).toBeNull(),
  );
});
