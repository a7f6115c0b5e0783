import { describe, expect, it } from 'vitest';
import { articleDetailsSchema, articleFormSchema, articleIntentSchema, articleVersionSchema, bulkArticlesSchema, dashboardArticlesQuerySchema } from './articles';

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

describe('bodyJson', () => {
  const body = (json: string) => articleFormSchema.safeParse({ title: 'T', bodyJson: json });

  it('parses the editor document and drops attributes the schema does not know', () => {
    const r = body(JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', attrs: { onclick: 'x' }, content: [{ type: 'text', text: 'Hi' }] }] }));
    expect(r.success && r.data.bodyJson).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] });
  });

  it('treats an empty field as absent, so the plain-text body applies', () => {
    expect(articleFormSchema.parse({ title: 'T', body: 'Plain', bodyJson: '' }).bodyJson).toBeUndefined();
  });

  it('refuses malformed JSON and unknown nodes with a message on the field', () => {
    expect(body('{not json').error?.issues[0]).toMatchObject({ path: ['bodyJson'], message: 'The body could not be read. Reload the page and try again.' });
    expect(body(JSON.stringify({ type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] })).error?.issues[0]?.path[0]).toBe('bodyJson');
  });
});

describe('articles list query', () => {
  it('reads filters, sort and page from the URL', () => {
    expect(dashboardArticlesQuerySchema.parse({ status: 'IN_REVIEW', section: 's1', q: ' harbour ', sort: 'title', page: '3' })).toEqual({
      status: 'IN_REVIEW',
      section: 's1',
      author: undefined,
      tag: undefined,
      q: 'harbour',
      sort: 'title',
      page: 3,
    });
  });

  it('falls back to defaults for anything malformed instead of failing the page', () => {
    expect(dashboardArticlesQuerySchema.parse({ status: 'drop table', sort: 'random()', page: 'x', q: 'a'.repeat(500) })).toMatchObject({ status: undefined, sort: 'updated', page: 1, q: undefined });
  });
});

describe('bulk actions and details', () => {
  it('limits a bulk chunk to 50 articles and needs at least one', () => {
    expect(bulkArticlesSchema.safeParse({ op: 'archive', ids: [] }).success).toBe(false);
    expect(bulkArticlesSchema.safeParse({ op: 'archive', ids: Array.from({ length: 51 }, (_, i) => `a${i}`) }).success).toBe(false);
    expect(bulkArticlesSchema.parse({ op: 'move', ids: ['a'], sectionId: '' })).toEqual({ op: 'move', ids: ['a'], sectionId: null });
    expect(bulkArticlesSchema.safeParse({ op: 'delete', ids: ['a'] }).success).toBe(false);
  });

  const details = { authorIds: ['u1'], commentsOpen: true, seoTitle: '', seoDescription: '', canonicalUrl: '', socialImageId: '', relatedIds: [], detailsVersion: '3' };
  it('needs the details version the panel loaded, as a whole number from 1', () => {
    expect(articleDetailsSchema.parse(details).detailsVersion).toBe(3);
    for (const bad of [undefined, null, '', 'x', '0', '1.5', '-2']) {
      expect(articleDetailsSchema.safeParse({ ...details, detailsVersion: bad }).error?.issues[0]?.path, String(bad)).toEqual(['detailsVersion']);
    }
  });
  it('accepts only http(s) canonical URLs and turns empty fields into null', () => {
    expect(articleDetailsSchema.parse(details)).toMatchObject({ seoTitle: null, canonicalUrl: null, socialImageId: null });
    expect(articleDetailsSchema.parse({ ...details, canonicalUrl: 'https://example.org/a' }).canonicalUrl).toBe('https://example.org/a');
    for (const bad of ['example.org/a', 'javascript:alert(1)', 'ftp://example.org/a']) {
      expect(articleDetailsSchema.safeParse({ ...details, canonicalUrl: bad }).error?.issues[0]?.path).toEqual(['canonicalUrl']);
    }
  });

  it('refuses an empty byline and duplicated authors or related articles', () => {
    expect(articleDetailsSchema.safeParse({ ...details, authorIds: [] }).success).toBe(false);
    expect(articleDetailsSchema.safeParse({ ...details, authorIds: ['u1', 'u1'] }).success).toBe(false);
    expect(articleDetailsSchema.safeParse({ ...details, relatedIds: ['a', 'a'] }).success).toBe(false);
  });
});
