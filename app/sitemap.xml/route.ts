// GET /sitemap.xml — sitemap index: paginated article sitemaps, then sections, tags and authors
import { pageTags, tagPage } from '@/lib/cache';
import { renderSitemapIndexXml } from '@/lib/seo/sitemaps';

// Cached, refreshed by every publish or unpublish (tag `sitemaps`) and every 5 minutes.
export const revalidate = 300;

export async function GET() {
  const xml = await renderSitemapIndexXml();
  await tagPage(pageTags.sitemaps);
  return new Response(xml, {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=300, stale-while-revalidate=600' },
  });
}
