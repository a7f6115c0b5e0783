import { describe, expect, it } from 'vitest';
import { afterCursor, decodeCursor, encodeCursor, orderByOf, type ListOrder } from './cursor';

const newest: ListOrder = {
  name: 'articles:-publishedAt',
  keys: [
    { field: 'publishedAt', dir: 'desc', type: 'date' },
    { field: 'id', dir: 'desc', type: 'string' },
  ],
};
const byTitle: ListOrder = {
  name: 'articles:title',
  keys: [
    { field: 'title', dir: 'asc', type: 'string' },
    { field: 'id', dir: 'asc', type: 'string' },
  ],
};

describe('list cursors', () => {
  it('round-trips the position and is URL-safe', () => {
    const row = { publishedAt: new Date('2026-11-29T10:15:30.123Z'), id: 'cmabc123', title: 'ignored' };
    const raw = encodeCursor(newest, row);
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(newest, raw)).toEqual([row.publishedAt, row.id]);
  });

  it('refuses a cursor issued for another order', () => {
    const raw = encodeCursor(byTitle, { title: 'A', id: 'x' });
    expect(decodeCursor(byTitle, raw)).toEqual(['A', 'x']);
    expect(decodeCursor(newest, raw)).toBeNull();
  });

  it.each(['', 'not-a-cursor', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["articles:-publishedAt","yesterday","x"]').toString('base64url')])('rejects %j', (raw) =>
    expect(decodeCursor(newest, raw)).toBeNull(),
  );

  it('builds the keyset condition and order', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(afterCursor(newest, [at, 'c1'])).toEqual({ OR: [{ publishedAt: { lt: at } }, { publishedAt: at, id: { lt: 'c1' } }] });
    expect(afterCursor(byTitle, ['B', 'c1'])).toEqual({ OR: [{ title: { gt: 'B' } }, { title: 'B', id: { gt: 'c1' } }] });
    expect(orderByOf(byTitle)).toEqual([{ title: 'asc' }, { id: 'asc' }]);
  });
});
