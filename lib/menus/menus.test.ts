import { describe, expect, it } from 'vitest';
import { describeMenuIssue, saveMenuSchema } from '@/lib/validation/menus';

const section = (label: string, extra: object = {}) => ({ label, kind: 'section', targetId: `s-${label.toLowerCase()}`, ...extra });
const parse = (items: unknown[]) => saveMenuSchema.safeParse({ location: 'header', version: 1, items });
const message = (items: unknown[]) => {
  const r = parse(items);
  return r.success ? null : describeMenuIssue(r.error, items);
};

describe('menu validation', () => {
  it('accepts links to sections, pages, tags and web addresses, with one level of sub-links', () => {
    const r = parse([
      section('World', { children: [{ label: 'Europe', kind: 'tag', targetId: 't1' }] }),
      { label: 'About', kind: 'page', targetId: 'p1' },
      { label: 'Shop', kind: 'url', url: 'https://shop.example' },
      { label: 'Search', kind: 'url', url: '/search' },
    ]);
    expect(r.success).toBe(true);
    expect(r.data?.items[0]?.children).toHaveLength(1);
    expect(r.data?.items[1]?.children).toEqual([]);
  });

  it('refuses a second level of nesting with a message that says why', () => {
    const items = [section('World', { children: [section('Europe', { children: [section('France')] })] })];
    expect(message(items)).toBe('Link 1.1 (“Europe”): Menus have one level of nesting: a link under another cannot have links of its own.');
  });

  it('refuses links without a target, and unsafe or malformed addresses', () => {
    expect(message([{ label: 'About', kind: 'page' }])).toBe('Link 1 (“About”): Choose the page this link opens.');
    expect(message([section('World'), { label: 'Shop', kind: 'url', url: '' }])).toBe('Link 2 (“Shop”): Give the web address this link opens.');
    for (const url of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'not a url']) {
      expect(message([{ label: 'X', kind: 'url', url }])).toContain('Give a web address (https://…)');
    }
    expect(message([{ label: ' ', kind: 'url', url: '/x' }])).toBe('Link 1: Give the link a label.');
    // A section, page or tag link may leave its label empty: it shows the target's name.
    expect(message([{ kind: 'section', targetId: 's1' }])).toBeNull();
    expect(message([{ label: 'X', kind: 'author', targetId: 'u1' }])).toContain('Choose what the link points to');
  });

  it('caps the number of links and knows only the header and the footer', () => {
    expect(message(Array.from({ length: 61 }, (_, i) => section(`S${i}`)))).toBe('A menu holds at most 60 links.');
    expect(saveMenuSchema.safeParse({ location: 'sidebar', version: 0, items: [] }).error?.issues[0]?.message).toBe('Choose the header or the footer menu.');
  });
});
