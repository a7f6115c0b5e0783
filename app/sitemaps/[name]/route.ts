// GET /sitemaps/articles-N.xml | sections.xml | tags.xml | authors.xml | pages.xml — the child sitemaps of /sitemap.xml
import { pageTags, tagPage } from '@/lib/cache';
import { renderChildSitemapXml } from '@/lib/seo/sitemaps';

// Cached, refreshed by every publish, unpublish or slug change (tag `sitemaps`) and every 5 minutes.
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const xml = await renderChildSitemapXml((await params).name);
  await tagPage(pageTags.sitemaps);
  if (xml === null) return new Response('No such sitemap: see /sitemap.xml for the list.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(xml, {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=300, stale-while-revalidate=600' },
  });
}
