// GET /news-sitemap.xml — Google News sitemap: articles published in the last 48 hours (at most 1,000)
import { renderNewsSitemapXml } from '@/lib/seo/sitemaps';

export async function GET() {
  return new Response(await renderNewsSitemapXml(), {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=60, stale-while-revalidate=300' },
  });
}
