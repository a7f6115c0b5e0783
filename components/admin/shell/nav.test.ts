import { describe, expect, it } from 'vitest';
import { isCurrentScreen, navFor, NAV } from './nav';
import { matchCommands, moveActive, type Command } from './palette';

const labels = (role: Parameters<typeof navFor>[0]) => navFor(role).map((g) => `${g.label}: ${g.items.map((i) => i.label).join(', ')}`);

describe('the dashboard navigation', () => {
  it('groups the screens by job and shows each role only what it may open', () => {
    expect(labels('CONTRIBUTOR')).toEqual(['Content: Articles, Planning, Media']);
    expect(labels('EDITOR')).toEqual(['Content: Articles, Pages, Planning, Media, Alerts', 'Audience: Comments', 'Site: Sections, Tags, Menus', 'Developers: GraphQL', 'People: Audit log']);
    expect(labels('ADMIN')).toEqual([
      'Content: Articles, Pages, Planning, Media, Alerts',
      'Audience: Comments',
      'Site: Sections, Tags, Menus, Ads, Settings, Import and export',
      'Developers: API keys, Webhooks, API reference, GraphQL',
      'People: Users, Audit log',
    ]);
  });

  it('takes a new screen from one line of config, for its roles only', () => {
    const nav = NAV.map((g) => (g.label === 'Content' ? { ...g, items: [...g.items, { label: 'Desk notes', href: '/admin/desk-notes', minRole: 'EDITOR' as const }] } : g));
    expect(navFor('EDITOR', nav)[0]!.items.map((i) => i.label)).toEqual(['Articles', 'Pages', 'Planning', 'Media', 'Alerts', 'Desk notes']);
    expect(navFor('AUTHOR', nav)[0]!.items.map((i) => i.label)).toEqual(['Articles', 'Planning', 'Media']);
  });

  it('marks a screen current on its own pages and sub-pages only', () => {
    expect(isCurrentScreen('/admin/comments', '/admin/comments/bans')).toBe(true);
    expect(isCurrentScreen('/admin/articles', '/admin/articles/abc/revisions')).toBe(true);
    expect(isCurrentScreen('/admin/api', '/admin/api-keys')).toBe(false);
    expect(isCurrentScreen('/admin/api', '/admin/api/graphql', ['/admin/api', '/admin/api/graphql'])).toBe(false);
    expect(isCurrentScreen('/admin/api/graphql', '/admin/api/graphql', ['/admin/api', '/admin/api/graphql'])).toBe(true);
    expect(isCurrentScreen('/admin', '/admin/articles')).toBe(false);
    expect(isCurrentScreen('/admin', '/admin')).toBe(true);
  });
});

describe('the command palette', () => {
  const commands: Command[] = [
    { id: 'new', label: 'New article', href: '/admin/articles/new', keywords: 'write create' },
    { id: 'articles', label: 'Articles', href: '/admin/articles' },
    { id: 'keys', label: 'API keys', href: '/admin/api-keys', keywords: 'content api' },
    { id: 'ref', label: 'API reference', href: '/admin/api', keywords: 'openapi' },
  ];
  const ids = (q: string) => matchCommands(commands, q).map((c) => c.id);

  it('narrows by every word typed, in labels and keywords, any case, labels that start with it first', () => {
    expect(ids('')).toEqual(['new', 'articles', 'keys', 'ref']);
    expect(ids('art')).toEqual(['articles', 'new']);
    expect(ids('API REF')).toEqual(['ref']);
    expect(ids('write')).toEqual(['new']);
    expect(ids('nothing like it')).toEqual([]);
  });

  it('moves the active option with the arrow keys, wrapping at both ends', () => {
    expect(moveActive(-1, 3, 1)).toBe(0);
    expect(moveActive(-1, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(0, 0, 1)).toBe(-1);
  });
});
