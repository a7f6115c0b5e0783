// GET /news-sitemap.xml — Google News sitemap: articles published in the last 48 hours (at most 1,000)
import { pageTags, tagPage } from '@/lib/cache';
import { renderNewsSitemapXml } from '@/lib/seo/sitemaps';

// Cached, refreshed by every publish or unpublish (tag `sitemaps`); the 48-hour window moves every minute.
export const revalidate = 60;

export async function GET() {
  const xml = await renderNewsSitemapXml();
  await tagPage(pageTags.sitemaps);
  return new Response(xml, {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=60, stale-while-revalidate=300' },
  });
}
