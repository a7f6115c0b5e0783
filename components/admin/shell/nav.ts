// The dashboard's screens, grouped by job. A new screen is one line here: it appears in the
// sidebar and in the command palette for the roles that may open it (its page checks again).
import { hasRole, type Role } from '@/lib/auth/roles';

export type NavItem = {
  label: string;
  href: string;
  /** The lowest role that may open the screen (as its page's requirePageRole). */
  minRole: Role;
  /** More words the command palette finds it by. */
  keywords?: string;
};
export type NavGroup = { label: string; items: NavItem[] };

export const NAV: NavGroup[] = [
  {
    label: 'Content',
    items: [
      { label: 'Articles', href: '/admin/articles', minRole: 'CONTRIBUTOR', keywords: 'stories drafts list' },
      { label: 'Pages', href: '/admin/pages', minRole: 'EDITOR', keywords: 'about contact terms static' },
      { label: 'Planning', href: '/admin/planning', minRole: 'CONTRIBUTOR', keywords: 'story budget assignments diary calendar week due' },
      { label: 'Media', href: '/admin/media', minRole: 'CONTRIBUTOR', keywords: 'images photos library uploads' },
      { label: 'Alerts', href: '/admin/alerts', minRole: 'EDITOR', keywords: 'breaking news banner developing live' },
    ],
  },
  { label: 'Audience', items: [{ label: 'Comments', href: '/admin/comments', minRole: 'EDITOR', keywords: 'moderation queue readers' }] },
  {
    label: 'Site',
    items: [
      { label: 'Sections', href: '/admin/sections', minRole: 'EDITOR', keywords: 'navigation categories' },
      { label: 'Tags', href: '/admin/tags', minRole: 'EDITOR', keywords: 'topics merge' },
      { label: 'Menus', href: '/admin/menus', minRole: 'EDITOR', keywords: 'navigation header footer links' },
      { label: 'Ads', href: '/admin/ads', minRole: 'ADMIN', keywords: 'advertising slots' },
      { label: 'Settings', href: '/admin/settings', minRole: 'ADMIN', keywords: 'site name time zone weather' },
      { label: 'Import and export', href: '/admin/import', minRole: 'ADMIN', keywords: 'wordpress ghost migrate move backup export' },
    ],
  },
  {
    label: 'Developers',
    items: [
      { label: 'API keys', href: '/admin/api-keys', minRole: 'ADMIN', keywords: 'content api cors' },
      { label: 'Webhooks', href: '/admin/webhooks', minRole: 'ADMIN', keywords: 'endpoints deliveries' },
      { label: 'API reference', href: '/admin/api', minRole: 'ADMIN', keywords: 'openapi documentation' },
      { label: 'GraphQL', href: '/admin/api/graphql', minRole: 'EDITOR', keywords: 'graphql schema sdl query' },
    ],
  },
  {
    label: 'People',
    items: [
      { label: 'Users', href: '/admin/users', minRole: 'ADMIN', keywords: 'accounts roles staff' },
      { label: 'Audit log', href: '/admin/audit', minRole: 'EDITOR', keywords: 'history who did what' },
    ],
  },
];

/** The groups and screens this role may open; groups left empty are dropped. */
export function navFor(role: Role, nav: NavGroup[] = NAV): NavGroup[] {
  return nav.map((g) => ({ ...g, items: g.items.filter((i) => hasRole(role, i.minRole)) })).filter((g) => g.items.length > 0);
}

const under = (href: string, pathname: string) => (href === '/admin' ? pathname === '/admin' : pathname === href || pathname.startsWith(`${href}/`));

/**
 * Whether `href` is the screen at `pathname` or one of its sub-pages (/admin/comments/bans is under Comments),
 * unless another screen in `hrefs` is nearer (/admin/api/graphql is GraphQL, not API reference).
 */
export function isCurrentScreen(href: string, pathname: string, hrefs: string[] = []): boolean {
  return under(href, pathname) && !hrefs.some((other) => other.length > href.length && under(other, pathname));
}
