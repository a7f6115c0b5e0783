// Turns what a reader typed into a query the database cannot misread. Reader syntax is a
// small, web-search-like subset that both engines support: words (all must match),
// "quoted phrases", OR between alternatives and -word to exclude. Everything else
// (FTS5 operators such as NEAR, *, ^, column filters, parentheses) is plain text.

/** Private-use characters that mark the start and end of a match in snippets; stripped from indexed text. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

export type SearchTerm = { text: string; phrase: boolean; negated: boolean; or: boolean };

const HAS_WORD = /[\p{L}\p{N}]/u;

/** The reader's query as terms; terms without a letter or digit are dropped (they would match nothing). */
export function parseSearchQuery(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  let pendingOr = false;
  for (const m of input.normalize('NFC').matchAll(re)) {
    if (m[3] !== undefined) {
      if (m[3] === 'OR') {
        pendingOr = terms.length > 0;
        continue;
      }
      const negated = m[3].startsWith('-') && m[3].length > 1;
      const text = negated ? m[3].slice(1) : m[3];
      if (!HAS_WORD.test(text)) continue;
      terms.push({ text, phrase: false, negated, or: pendingOr && !negated });
    } else {
      const text = m[2]!.trim().replace(/\s+/g, ' ');
      if (!HAS_WORD.test(text)) continue;
      const negated = m[1] === '-';
      terms.push({ text, phrase: true, negated, or: pendingOr && !negated });
    }
    pendingOr = false;
  }
  return terms;
}

/** A double-quoted FTS5 string: the tokenizer splits it into a phrase; nothing inside is an operator. */
const ftsString = (text: string) => `"${text.replace(/[\uE000\uE001]/g, '').replace(/"/g, '""')}"`;

/**
 * An FTS5 MATCH expression for the reader's query, or null when nothing searchable is left
 * (only punctuation, or only exclusions). Every term is quoted, so no input is an operator.
 */
export function buildFtsQuery(input: string): string | null {
  const terms = parseSearchQuery(input);
  const positive = terms.filter((t) => !t.negated);
  if (!positive.length) return null;
  // Groups of alternatives joined by OR; the groups are all required (AND).
  const groups: string[][] = [];
  for (const t of positive) {
    if (t.or && groups.length) groups.at(-1)!.push(ftsString(t.text));
    else groups.push([ftsString(t.text)]);
  }
  let expr = groups.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0]!)).join(' AND ');
  for (const t of terms.filter((t) => t.negated)) expr = `(${expr}) NOT ${ftsString(t.text)}`;
  return expr;
}

/**
 * The reader's query as PostgreSQL's websearch_to_tsquery() reads it (which never raises a
 * syntax error); normalised the same way as for SQLite so both engines see the same terms.
 */
export function buildWebsearchQuery(input: string): string | null {
  const terms = parseSearchQuery(input);
  if (!terms.some((t) => !t.negated)) return null;
  const strip = (s: string) => s.replace(/[\uE000\uE001"]/g, ' ');
  return terms.map((t) => `${t.or ? 'OR ' : ''}${t.negated ? '-' : ''}${t.phrase ? `"${strip(t.text)}"` : strip(t.text).replace(/^-+/, '')}`).join(' ');
}
