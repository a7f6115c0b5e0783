// GET /sitemap.xml — sitemap index: paginated article sitemaps, then sections, tags and authors
import { renderSitemapIndexXml } from '@/lib/seo/sitemaps';

export async function GET() {
  return new Response(await renderSitemapIndexXml(), {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=300, stale-while-revalidate=600' },
  });
}
