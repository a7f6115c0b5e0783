import 'server-only';

/** Text or attribute content for XML; also drops characters XML 1.0 forbids, which would make the feed unparseable. */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `guid`: a stable id when the link is not unique to the item (then not a permalink). */
export type RssItem = { title: string; link: string; guid?: string; description: string; publishedAt: Date; author?: string; category?: string };
export type RssChannel = { title: string; link: string; description: string; selfUrl: string; language: string; items: RssItem[] };

/** An RSS 2.0 document; guid is the permalink, dates are RFC 822 as the spec requires. */
export function renderRss(channel: RssChannel): string {
  const items = channel.items
    .map(
      (i) => `    <item>
      <title>${escapeXml(i.title)}</title>
      <link>${escapeXml(i.link)}</link>
      ${i.guid ? `<guid isPermaLink="false">${escapeXml(i.guid)}</guid>` : `<guid isPermaLink="true">${escapeXml(i.link)}</guid>`}
      <description>${escapeXml(i.description)}</description>
      <pubDate>${i.publishedAt.toUTCString()}</pubDate>${i.author ? `\n      <dc:creator>${escapeXml(i.author)}</dc:creator>` : ''}${i.category ? `\n      <category>${escapeXml(i.category)}</category>` : ''}
    </item>`,
    )
    .join('\n');
  const lastBuild = channel.items[0]?.publishedAt ?? new Date();
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(channel.title)}</title>
    <link>${escapeXml(channel.link)}</link>
    <description>${escapeXml(channel.description)}</description>
    <language>${escapeXml(channel.language)}</language>
    <lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate>
    <atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`;
}

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

export type SitemapEntry = { loc: string; lastmod?: Date };

/** A sitemap index (sitemaps.org): one <sitemap> per child file. */
export function renderSitemapIndex(entries: SitemapEntry[]): string {
  const items = entries.map((e) => `  <sitemap>\n    <loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `\n    <lastmod>${e.lastmod.toISOString()}</lastmod>` : ''}\n  </sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${SITEMAP_NS}">\n${items.join('\n')}\n</sitemapindex>\n`;
}

/** A sitemap <urlset> with <loc> and, where known, <lastmod>. */
export function renderUrlSet(entries: SitemapEntry[]): string {
  const items = entries.map((e) => `  <url>\n    <loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `\n    <lastmod>${e.lastmod.toISOString()}</lastmod>` : ''}\n  </url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}">\n${items.join('\n')}\n</urlset>\n`;
}

export type NewsSitemapEntry = { loc: string; title: string; publishedAt: Date };

/** A Google News sitemap: publication name and language, publication date and title per article. */
export function renderNewsSitemap(publication: { name: string; language: string }, entries: NewsSitemapEntry[]): string {
  const items = entries.map(
    (e) => `  <url>
    <loc>${escapeXml(e.loc)}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(publication.name)}</news:name>
        <news:language>${escapeXml(publication.language)}</news:language>
      </news:publication>
      <news:publication_date>${e.publishedAt.toISOString()}</news:publication_date>
      <news:title>${escapeXml(e.title)}</news:title>
    </news:news>
  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${items.join('\n')}\n</urlset>\n`;
}
