// GET /sections/<slug>/rss.xml — RSS 2.0 feed of a section's 50 newest published articles
import { listSectionArticles } from '@/lib/articles/queries';
import { articlePath, sectionPath } from '@/lib/articles/urls';
import { getSectionBySlug } from '@/lib/sections';
import { absoluteUrl, renderRss } from '@/lib/seo';
import { pageTags, tagPage } from '@/lib/cache';
import { getSite } from '@/lib/site';
import { slugParamSchema } from '@/lib/validation/pages';

// Cached per section, refreshed by every change to a story in it (tags `feeds` and the section's).
export const revalidate = 60;
export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = slugParamSchema.safeParse((await params).slug);
  const section = slug.success ? await getSectionBySlug(slug.data) : null;
  if (!section) return new Response('No such section.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const [{ articles }, site] = await Promise.all([listSectionArticles(section.id, 1, 50), getSite()]);
  await tagPage(pageTags.feeds, pageTags.section(section.id));
  const xml = renderRss({
    title: `${section.name} — ${site.name}`,
    link: absoluteUrl(sectionPath(section.slug)),
    description: section.description || `The latest ${section.name} news from ${site.name}.`,
    selfUrl: absoluteUrl(`${sectionPath(section.slug)}/rss.xml`),
    language: site.locale,
    items: articles.map((a) => ({
      title: a.title,
      link: absoluteUrl(articlePath(a.slug)),
      description: a.standfirst,
      publishedAt: a.publishedAt,
      author: a.authors.map((p) => p.name).join(', ') || undefined,
      category: section.name,
    })),
  });
  return new Response(xml, {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=60, stale-while-revalidate=300' },
  });
}
