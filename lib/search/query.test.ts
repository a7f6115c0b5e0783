import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { highlightHtml, highlightSegments, cleanIndexText } from './highlight';
import { buildFtsQuery, buildWebsearchQuery, MARK_END, MARK_START, parseSearchQuery } from './query';
import { searchQuerySchema, searchPageParamsSchema } from '@/lib/validation/search';

const HOSTILE = [
  '"',
  '""',
  '"unclosed phrase',
  'a"b',
  "it's",
  'NEAR(council budget, 2)',
  'council NEAR budget',
  '*',
  'budg*',
  '^council',
  'title:council',
  '{title body}: council',
  '(council OR',
  'AND',
  'OR OR OR',
  'NOT council',
  '-',
  '--council',
  '- - -',
  "'; DROP TABLE Article; --",
  '<script>alert(1)</script>',
  '\u0000\u0001',
  MARK_START + 'x' + MARK_END,
  'café Zürich 東京 مرحبا',
  '😀 emoji',
  'x'.repeat(500),
];

// A real FTS5 table with the project's tokenizer: every built query must parse.
const sqlite = new Database(':memory:');
sqlite.exec(`CREATE VIRTUAL TABLE t USING fts5(title, standfirst, body, tokenize = 'porter unicode61 remove_diacritics 2')`);
sqlite.prepare('INSERT INTO t VALUES (?, ?, ?)').run('Council budget approved', 'A café in Zürich', 'The council NEAR the harbour said "OR" twice');
const match = (q: string) => sqlite.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?').get(q) as { n: number };

describe('buildFtsQuery', () => {
  it('quotes every term so nothing the reader types is an FTS5 operator', () => {
    expect(buildFtsQuery('council budget')).toBe('"council" AND "budget"');
    expect(buildFtsQuery('NEAR(a b)')).toBe('"NEAR(a" AND "b)"');
    expect(buildFtsQuery('title:council')).toBe('"title:council"');
    expect(buildFtsQuery('a"b')).toBe('"a""b"');
  });

  it('keeps phrases, OR and exclusions', () => {
    expect(buildFtsQuery('"town council" budget')).toBe('"town council" AND "budget"');
    expect(buildFtsQuery('harbour OR river market')).toBe('("harbour" OR "river") AND "market"');
    expect(buildFtsQuery('council -budget')).toBe('("council") NOT "budget"');
  });

  it('returns null when nothing searchable is left', () => {
    for (const q of ['', '   ', '"', '*', '-', '- - -', '-council', 'OR', '"  "', '\u0000']) expect(buildFtsQuery(q), q).toBeNull();
  });

  it.each(HOSTILE)('builds a query FTS5 accepts for %j', (q) => {
    const built = buildFtsQuery(q);
    if (built !== null) expect(() => match(built)).not.toThrow();
  });

  it('finds what it should through the real tokenizer (stems, accents, case)', () => {
    expect(match(buildFtsQuery('COUNCILS')!).n).toBe(1);
    expect(match(buildFtsQuery('cafe zurich')!).n).toBe(1);
    expect(match(buildFtsQuery('NEAR')!).n).toBe(1);
    expect(match(buildFtsQuery('"OR"')!).n).toBe(1);
    expect(match(buildFtsQuery('council -harbour')!).n).toBe(0);
  });
});

describe('buildWebsearchQuery', () => {
  it('passes the same terms to websearch_to_tsquery, without markers or stray quotes', () => {
    expect(buildWebsearchQuery('"town council" OR harbour -budget')).toBe('"town council" OR harbour -budget');
    expect(buildWebsearchQuery(`a${MARK_START}b`)).toBe('a b');
    expect(buildWebsearchQuery('-only')).toBeNull();
    expect(buildWebsearchQuery('--council x')).toBe('-council x');
  });
});

describe('parseSearchQuery', () => {
  it('ignores OR at the start and treats lone punctuation as nothing', () => {
    expect(parseSearchQuery('OR council , .').map((t) => t.text)).toEqual(['council']);
  });
});

describe('highlighting', () => {
  const m = (s: string) => `${MARK_START}${s}${MARK_END}`;

  it('splits a marked snippet into plain and marked segments', () => {
    expect(highlightSegments(`The ${m('council')} met`)).toEqual([
      { text: 'The ', mark: false },
      { text: 'council', mark: true },
      { text: ' met', mark: false },
    ]);
  });

  it('escapes the text before adding <mark>, so stored or typed HTML stays text', () => {
    expect(highlightHtml(`<img src=x onerror=alert(1)> ${m('<b>council</b>')} & "you"`)).toBe('&lt;img src=x onerror=alert(1)&gt; <mark>&lt;b&gt;council&lt;/b&gt;</mark> &amp; &quot;you&quot;');
    expect(highlightHtml('</mark><script>')).toBe('&lt;/mark&gt;&lt;script&gt;');
  });

  it('tolerates unbalanced markers', () => {
    expect(highlightHtml(`${MARK_START}open`)).toBe('<mark>open</mark>');
    expect(highlightHtml(`close${MARK_END} x`)).toBe('close x');
  });

  it('removes markers and control characters from indexed text', () => {
    expect(cleanIndexText(`a${MARK_START}b\u0000c\n\n d`)).toBe('abc d');
  });
});

describe('search params', () => {
  it('trims, collapses whitespace and cuts long queries', () => {
    expect(searchQuerySchema.parse('  town   council \n')).toBe('town council');
    expect(searchQuerySchema.parse('x'.repeat(1000))).toHaveLength(200);
  });

  it('turns unusable params into an empty query and the first page', () => {
    expect(searchPageParamsSchema.parse({})).toEqual({ q: '', page: 1 });
    expect(searchPageParamsSchema.parse({ q: ['a', 'b'], page: 'x' })).toEqual({ q: 'a', page: 1 });
    expect(searchPageParamsSchema.parse({ q: 42, page: '3' })).toEqual({ q: '', page: 3 });
  });
});
