// Names of the child sitemaps under /sitemaps/ (pure: shared by the route and its tests).
export const SITEMAP_KINDS = ['sections', 'tags', 'authors', 'pages'] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

/** The child sitemap a path such as "articles-3.xml" or "tags.xml" names, or null. */
export function parseSitemapName(name: string): { kind: 'articles'; page: number } | { kind: SitemapKind } | null {
  const articles = /^articles-([1-9][0-9]{0,5})\.xml$/.exec(name);
  if (articles) return { kind: 'articles', page: Number(articles[1]) };
  const kind = /^([a-z]+)\.xml$/.exec(name)?.[1];
  return kind && (SITEMAP_KINDS as readonly string[]).includes(kind) ? { kind: kind as SitemapKind } : null;
}
