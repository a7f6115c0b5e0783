// GET /rss.xml — RSS 2.0 feed of the 50 newest published articles
import { listLatestArticles } from '@/lib/articles/queries';
import { articlePath } from '@/lib/articles/urls';
import { absoluteUrl, renderRss } from '@/lib/seo';
import { pageTags, tagPage } from '@/lib/cache';
import { describeWithCorrections, listStandingCorrections } from '@/lib/corrections';
import { getSite } from '@/lib/site';

// Cached like the pages, refreshed by every publish, edit or unpublish (invalidateArticle tags `feeds`).
export const revalidate = 60;

export async function GET() {
  const [articles, site] = await Promise.all([listLatestArticles({ take: 50 }), getSite()]);
  const notes = await listStandingCorrections(articles.map((a) => a.id));
  await tagPage(pageTags.feeds, pageTags.latest);
  const xml = renderRss({
    title: site.name,
    link: absoluteUrl('/'),
    description: site.tagline,
    selfUrl: absoluteUrl('/rss.xml'),
    language: site.locale,
    items: articles.map((a) => ({
      title: a.title,
      link: absoluteUrl(articlePath(a.slug)),
      description: describeWithCorrections(a.standfirst, notes.get(a.id)),
      publishedAt: a.publishedAt,
      author: a.authors.map((p) => p.name).join(', ') || undefined,
      category: a.section?.name,
    })),
  });
  return new Response(xml, {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=60, stale-while-revalidate=300' },
  });
}
