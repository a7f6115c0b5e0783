// Opaque pagination cursors for the content API. No server-only import: the query
// schema in lib/validation/api.ts decodes cursors while validating, and this is pure code.
import { z } from 'zod';

/** Where the previous page ended, in the list order (publishedAt desc, id desc). */
export type ArticleCursor = { publishedAt: Date; id: string };

const cursorSchema = z.tuple([z.iso.datetime(), z.string().min(1).max(40)]);

/** base64url of a small JSON tuple: opaque to clients, so the order key can change later without a new API version. */
export function encodeCursor(c: ArticleCursor): string {
  return Buffer.from(JSON.stringify([c.publishedAt.toISOString(), c.id])).toString('base64url');
}

/** The cursor, or null when it is not one we issued (tampered, truncated, from another API). */
export function decodeCursor(raw: string): ArticleCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? { publishedAt: new Date(parsed.data[0]), id: parsed.data[1] } : null;
  } catch {
    return null;
  }
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
