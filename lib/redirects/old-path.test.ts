import { describe, expect, it } from 'vitest';
import { oldPathKey, oldPathKeyOf } from './old-path';

describe('old addresses', () => {
  it('finds the same key with or without a trailing slash, encoded or not', () => {
    expect(oldPathKey('/2019/03/harbour/')).toBe('/2019/03/harbour');
    expect(oldPathKey('/2019/03/harbour')).toBe('/2019/03/harbour');
    expect(oldPathKey('/2019/03/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/')).toBe(oldPathKeyOf('/2019/03/%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82/'));
    expect(oldPathKey('/category/news//')).toBe('/category/news');
  });
  it('keeps only the query parameter that named the item', () => {
    expect(oldPathKey('/', '?p=101&utm_source=x')).toBe('/?p=101');
    expect(oldPathKey('/index.php', '?page_id=3')).toBe('/?page_id=3');
    expect(oldPathKeyOf('/?attachment_id=9')).toBe('/?attachment_id=9');
    expect(oldPathKey('/story/', '?utm_source=x')).toBe('/story');
  });
  it('has no key for the home page or a malformed path', () => {
    expect(oldPathKey('/')).toBeNull();
    expect(oldPathKey('/', '?s=ferries')).toBeNull();
    expect(oldPathKey('/%E0%A4%A')).toBe('/%E0%A4%A');
  });
});
