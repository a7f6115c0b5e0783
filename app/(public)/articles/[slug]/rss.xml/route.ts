// GET /articles/:slug/rss.xml — RSS 2.0 feed of a live article's updates, newest first
import { getPublishedArticleBySlug } from '@/lib/articles/queries';
import { articlePath } from '@/lib/articles/urls';
import { pageTags, tagPage } from '@/lib/cache';
import { listLiveUpdates } from '@/lib/live-coverage';
import { absoluteUrl, renderRss } from '@/lib/seo';
import { getSite } from '@/lib/site';

// Cached like the page and refreshed with it (tag a:<id>) whenever an update changes.
export const revalidate = 60;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const article = await getPublishedArticleBySlug((await params).slug);
  const live = article ? await listLiveUpdates(article.id) : null;
  if (!article || !live?.coverage.startedAt) return new Response('This article has no live coverage.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const [site] = await Promise.all([getSite(), tagPage(pageTags.article(article.id), pageTags.feeds)]);
  const url = absoluteUrl(articlePath(article.slug));
  const xml = renderRss({
    title: `${article.title}: live updates`,
    link: url,
    description: article.standfirst || article.title,
    selfUrl: `${url}/rss.xml`,
    language: site.locale,
    items: [...live.updates]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((u) => ({
        title: u.headline || `Update at ${u.createdAt.slice(11, 16)} UTC`,
        link: `${url}#update-${u.id}`,
        guid: `${url}#update-${u.id}`,
        description: u.html
          .replace(/<[^>]*>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
        publishedAt: new Date(u.createdAt),
        author: u.author ?? undefined,
      })),
  });
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=30, stale-while-revalidate=60' } });
}
