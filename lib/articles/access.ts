import 'server-only';

/** The filter every anonymous read goes through: published, and not dated in the future. */
export function publishedOnly(now = new Date()) {
  return { status: 'PUBLISHED' as const, publishedAt: { lte: now } };
}
