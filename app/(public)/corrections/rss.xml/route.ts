// GET /corrections/rss.xml — RSS 2.0 feed of the corrections column, newest first
import { articlePath } from '@/lib/articles/urls';
import { pageTags, tagPage } from '@/lib/cache';
import { listCorrectionsColumn } from '@/lib/corrections';
import { absoluteUrl, renderRss } from '@/lib/seo';
import { getSite } from '@/lib/site';

// Cached like the page, refreshed whenever a note is added or withdrawn (tag `corrections`).
export const revalidate = 300;

export async function GET() {
  const [notes, site] = await Promise.all([listCorrectionsColumn(50), getSite()]);
  await tagPage(pageTags.corrections);
  const xml = renderRss({
    title: `${site.name}: Corrections`,
    link: absoluteUrl('/corrections'),
    description: 'Corrections and clarifications, newest first.',
    selfUrl: absoluteUrl('/corrections/rss.xml'),
    language: site.locale,
    items: notes.map((n) => ({
      title: `${n.label}: ${n.article.title}`,
      link: `${absoluteUrl(articlePath(n.article.slug))}#corrections-heading`,
      guid: `${absoluteUrl('/corrections')}#note-${n.id}`,
      description: n.note,
      publishedAt: n.createdAt,
    })),
  });
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=60, stale-while-revalidate=300' } });
}
