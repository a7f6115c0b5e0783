// Top-level names a page's slug may not take: every top-level route of the app (app/, route
// groups flattened), the files Next serves at the root and a few kept for later. No server-only:
// the page form checks it in the browser too. reserved.test.ts derives the routes from app/ and
// fails when one is missing here, so the list cannot drift from the routes.

export const RESERVED_TOP_LEVEL_NAMES = [
  // Routes under app/ (see reserved.test.ts)
  'admin',
  'api',
  'articles',
  'authors',
  'corrections',
  'fonts', // the site's font files (app/fonts), not a route, but a folder of app/
  'gone',
  'login',
  'media',
  'news-sitemap.xml',
  'preview',
  'robots.txt',
  'rss.xml',
  'search',
  'sections',
  'sitemap.xml',
  'sitemaps',
  'tags',
  // Served by Next or browsers at the root, by the server itself (/live/events, /collab, /healthz, /readyz),
  // or kept for the product's own later use
  '_next',
  'live',
  'collab',
  'healthz',
  'readyz',
  'favicon.ico',
  'feed',
  'page',
  'pages',
  'menus',
  'static',
  'public',
  'assets',
  'index',
  'logout',
] as const;

const reserved = new Set<string>(RESERVED_TOP_LEVEL_NAMES);

/** True when `slug` would shadow (or be shadowed by) one of the site's own top-level addresses. */
export function isReservedTopLevelName(slug: string): boolean {
  return reserved.has(slug.toLowerCase());
}

/** What the page form says when a slug is reserved. */
export const reservedSlugMessage = (slug: string) => `"/${slug}" is one of the site's own addresses; choose another slug for this page.`;
