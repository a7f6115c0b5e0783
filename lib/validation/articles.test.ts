import { describe, expect, it } from 'vitest';
import { articleFormSchema, articleIntentSchema, articleVersionSchema } from './articles';

const tags = (raw: string) => articleFormSchema.parse({ title: 'T', tags: raw }).tags;

describe('articleFormSchema', () => {
  it('requires a title, ignoring surrounding spaces', () => {
    for (const title of ['', '   ']) {
      const r = articleFormSchema.safeParse({ title });
      expect(r.success).toBe(false);
      expect(r.error?.issues).toEqual([expect.objectContaining({ path: ['title'], message: 'Give the article a title.' })]);
    }
    expect(articleFormSchema.safeParse({}).success).toBe(false);
  });

  it('trims the title and fills defaults for a minimal article', () => {
    expect(articleFormSchema.parse({ title: '  Budget passes  ' })).toEqual({ title: 'Budget passes', standfirst: '', body: '', sectionId: null, tags: [] });
  });

  it('limits the title to 200 characters', () => {
    expect(articleFormSchema.safeParse({ title: 'x'.repeat(200) }).success).toBe(true);
    expect(articleFormSchema.safeParse({ title: 'x'.repeat(201) }).error?.issues[0]?.message).toBe('Keep the title under 200 characters.');
  });

  it('turns an empty section choice into no section', () => {
    expect(articleFormSchema.parse({ title: 'T', sectionId: '' }).sectionId).toBeNull();
    expect(articleFormSchema.parse({ title: 'T', sectionId: ' sec_1 ' }).sectionId).toBe('sec_1');
  });
});

describe('article tags', () => {
  it('splits on commas, trims and collapses inner spaces', () => {
    expect(tags(' climate ,  energy   policy,transport ')).toEqual(['climate', 'energy policy', 'transport']);
  });

  it('drops empty entries', () => {
    expect(tags(',, ,climate,,')).toEqual(['climate']);
    expect(tags('')).toEqual([]);
  });

  it('removes duplicates case-insensitively, keeping the first spelling', () => {
    expect(tags('Climate, climate, CLIMATE , Energy, energy')).toEqual(['Climate', 'Energy']);
  });

  it('allows at most 12 distinct tags', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `tag${i}`);
    expect(tags(twelve.join(','))).toEqual(twelve);
    // Duplicates do not count towards the limit.
    expect(tags([...twelve, 'TAG0', 'tag1'].join(','))).toEqual(twelve);
    const r = articleFormSchema.safeParse({ title: 'T', tags: [...twelve, 'tag12'].join(',') });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['Use at most 12 tags.']);
  });

  it('limits each tag to 40 characters', () => {
    expect(tags('x'.repeat(40))).toEqual(['x'.repeat(40)]);
    expect(articleFormSchema.safeParse({ title: 'T', tags: 'x'.repeat(41) }).error?.issues[0]?.message).toBe('Each tag must be 40 characters or fewer.');
  });
});

describe('intent and version', () => {
  it('accepts only the editor buttons', () => {
    expect(articleIntentSchema.options).toEqual(['save', 'publish', 'submit', 'unpublish', 'schedule']);
    expect(articleIntentSchema.safeParse('delete').success).toBe(false);
  });

  it('reads the version from a form field as a positive integer', () => {
    expect(articleVersionSchema.parse('3')).toBe(3);
    for (const bad of ['0', '-1', '1.5', 'abc']) expect(articleVersionSchema.safeParse(bad).success).toBe(false);
  });
});
