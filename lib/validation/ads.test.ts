import { describe, expect, it } from 'vitest';
import { adSlotFormSchema } from './ads';

const base = { name: 'X', placement: 'SIDEBAR', creativeType: 'image', imageUrl: 'https://a.example/i.png', linkUrl: 'https://a.example', width: '300', height: '250' };
const issues = (over: Record<string, string | undefined>) => {
  const r = adSlotFormSchema.safeParse({ ...base, ...over });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('adSlotFormSchema', () => {
  it('accepts http(s) URLs only', () => {
    expect(issues({})).toEqual({});
    expect(issues({ imageUrl: 'javascript:alert(1)' })).toEqual({ imageUrl: 'Enter the image URL as a full web address starting with https:// (or http://).' });
    expect(issues({ linkUrl: 'data:text/html,x' })).toEqual({ linkUrl: 'Enter the link URL as a full web address starting with https:// (or http://).' });
    expect(issues({ linkUrl: '//evil.example/x' })).toEqual({ linkUrl: 'Enter the link URL as a full web address starting with https:// (or http://).' });
    expect(issues({ imageUrl: '' })).toEqual({ imageUrl: 'Enter the image URL, starting with https://.' });
  });
  it('wants N for "after paragraph N", an end after the start, and a sane size', () => {
    expect(issues({ placement: 'AFTER_PARAGRAPH' })).toEqual({ paragraph: 'Enter the paragraph number the ad follows, from 1 to 100.' });
    expect(issues({ placement: 'AFTER_PARAGRAPH', paragraph: '0' })).toEqual({ paragraph: 'Enter the paragraph number the ad follows, from 1 to 100.' });
    expect(issues({ startsAt: '2026-12-02T09:00', endsAt: '2026-12-01T09:00' })).toEqual({ endsAt: 'The end must be after the start.' });
    expect(issues({ startsAt: 'soon' })).toEqual({ startsAt: 'Enter a date and time, e.g. 2026-12-01 09:00.' });
    expect(issues({ width: '0', height: 'tall' })).toEqual({ width: 'Enter a width in pixels from 20 to 2000.', height: 'Enter a height in pixels from 20 to 2000.' });
    expect(issues({ creativeType: 'html' })).toEqual({ html: 'Paste the HTML creative.' });
    expect(issues({ placement: 'POPUP' })).toEqual({ placement: 'Choose where the ad appears.' });
  });
  it('keeps only the chosen creative and N only for in-article slots', () => {
    expect(adSlotFormSchema.parse({ ...base, creativeType: 'html', html: '<p>Hi</p>', paragraph: '4', active: 'on' })).toEqual({
      name: 'X',
      placement: 'SIDEBAR',
      paragraph: null,
      imageUrl: null,
      linkUrl: 'https://a.example',
      html: '<p>Hi</p>',
      width: 300,
      height: 250,
      startsAt: null,
      endsAt: null,
      active: true,
    });
    expect(adSlotFormSchema.parse({ ...base, placement: 'AFTER_PARAGRAPH', paragraph: '4', html: '<p>ignored</p>' })).toMatchObject({
      paragraph: 4,
      html: null,
      imageUrl: 'https://a.example/i.png',
      active: false,
    });
  });
});
