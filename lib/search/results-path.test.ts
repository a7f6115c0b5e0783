import { describe, expect, it } from 'vitest';
import { searchQuerySchema } from '@/lib/validation/search';
import { normaliseSearchQuery, searchFromResultsPath, searchResultsPath } from './results-path.mjs';

const pathOf = (q: string, page?: string) => searchResultsPath(new URLSearchParams({ q, ...(page ? { page } : {}) }));

describe('search results paths', () => {
  it('reads the query as the search page does, so one search has one cached page', () => {
    for (const q of ['  harbour   ferry ', 'Harbour\tferry', `${'x'.repeat(199)} tail`, '"unclosed NEAR(* OR', '<img src=x>']) {
      expect(normaliseSearchQuery(q)).toBe(searchQuerySchema.parse(q));
    }
    expect(pathOf('  harbour   ferry ')).toBe(pathOf('harbour ferry'));
    expect(pathOf('harbour ferry')).not.toBe(pathOf('Harbour ferry'));
    expect(pathOf('harbour', '1')).toBe(pathOf('harbour'));
    expect(pathOf('harbour', '-3')).toBe(pathOf('harbour'));
    expect(pathOf('harbour', '2')).toMatch(/\/2$/);
    expect(pathOf('   ')).toBeNull();
  });

  it('turns a path back into its query, and refuses any other spelling of it', () => {
    for (const q of ['harbour "ferry" -bus', 'café OR bäckerei', '日本 ニュース', '🚢'.repeat(150)]) {
      const path = pathOf(q, '3')!;
      expect(path).toMatch(/^\/search\/q\/[0-9a-f]+\/3$/);
      const [, , , hex, page] = path.split('/');
      expect(searchFromResultsPath(hex!, page!)).toEqual({ q: normaliseSearchQuery(q), page: 3 });
    }
    const hex = (s: string) => Buffer.from(s).toString('hex');
    expect(searchFromResultsPath(hex(' harbour'), '1')).toBeNull();
    expect(searchFromResultsPath(hex('harbour').toUpperCase(), '1')).toBeNull();
    expect(searchFromResultsPath(hex('harbour'), '01')).toBeNull();
    expect(searchFromResultsPath(hex('harbour'), '10001')).toBeNull();
    expect(searchFromResultsPath('zz', '1')).toBeNull();
    expect(searchFromResultsPath('', '1')).toBeNull();
  });
});
