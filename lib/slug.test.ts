import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['Budget Passes After Late-Night Vote', 'budget-passes-after-late-night-vote'],
    ['  Spaces -- and   punctuation!?  ', 'spaces-and-punctuation'],
    ['Café crème à Zürich', 'cafe-creme-a-zurich'],
    ["The mayor's plan, the council’s reply", 'the-mayors-plan-the-councils-reply'],
    ['COVID-19: 2026 figures', 'covid-19-2026-figures'],
  ])('%j -> %j', (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });

  it('falls back to "untitled" when nothing usable is left', () => {
    expect(slugify('')).toBe('untitled');
    expect(slugify('!!! ---')).toBe('untitled');
    expect(slugify('日本語')).toBe('untitled');
  });

  it('keeps at most 80 characters and never ends on a hyphen', () => {
    const slug = slugify(`${'a'.repeat(79)} b c d`);
    expect(slug).toBe('a'.repeat(79));
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(80);
    expect(slugify('word '.repeat(40))).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
