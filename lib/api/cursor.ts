// Opaque keyset-pagination cursors for the content API. No server-only import: the query
// schemas in lib/validation/api.ts decode cursors while validating, and this is pure code.
import { z } from 'zod';

/** One column of a list's order. The last key of every order is `id`, so the order is total. */
export type OrderKey = { field: string; dir: 'asc' | 'desc'; type: 'date' | 'string' | 'number' };
/** A named, total order of a list; the name is written into its cursors. */
export type ListOrder = { name: string; keys: OrderKey[] };
export type CursorValue = Date | string | number;

const valueSchema = { date: z.iso.datetime().transform((v) => new Date(v)), string: z.string().max(400), number: z.number() } as const;

/** base64url of a small JSON array [order name, ...key values]: opaque to clients, so orders can change without a new API version. */
export function encodeCursor(order: ListOrder, row: Record<string, unknown>): string {
  const values = order.keys.map((k) => {
    const v = row[k.field];
    return v instanceof Date ? v.toISOString() : v;
  });
  return Buffer.from(JSON.stringify([order.name, ...values])).toString('base64url');
}

/** The key values, or null when `raw` is not a cursor we issued for this order (tampered, truncated, another list or sort). */
export function decodeCursor(order: ListOrder, raw: string): CursorValue[] | null {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== order.keys.length + 1 || parsed[0] !== order.name) return null;
    const values: CursorValue[] = [];
    for (const [i, k] of order.keys.entries()) {
      const v = valueSchema[k.type].safeParse(parsed[i + 1]);
      if (!v.success) return null;
      values.push(v.data);
    }
    return values;
  } catch {
    return null;
  }
}

/** Prisma orderBy for the order. */
export function orderByOf(order: ListOrder): Record<string, 'asc' | 'desc'>[] {
  return order.keys.map((k) => ({ [k.field]: k.dir }));
}

/**
 * The keyset condition "strictly after the cursor row" in this order:
 * (k1 > v1) OR (k1 = v1 AND k2 > v2) OR … — stable while rows are added between pages, unlike offsets.
 */
export function afterCursor(order: ListOrder, values: CursorValue[]): { OR: Record<string, unknown>[] } {
  return {
    OR: order.keys.map((k, i) => {
      const where: Record<string, unknown> = {};
      for (let j = 0; j < i; j++) where[order.keys[j]!.field] = values[j];
      where[k.field] = { [k.dir === 'asc' ? 'gt' : 'lt']: values[i] };
      return where;
    }),
  };
}

/** Where the previous page of a relevance-ranked (q=) list ended: a position, since rank is no column. */
export type RankCursor = { offset: number };

const rankCursorSchema = z.tuple([z.literal('rank'), z.number().int().min(1).max(100_000)]);

export function encodeRankCursor(c: RankCursor): string {
  return Buffer.from(JSON.stringify(['rank', c.offset])).toString('base64url');
}

/** The ranked-list cursor, or null when it is not one. */
export function decodeRankCursor(raw: string): RankCursor | null {
  try {
    const parsed = rankCursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? { offset: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
