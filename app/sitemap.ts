import type { MetadataRoute } from 'next';
import { listArticlesForSitemap } from '@/lib/articles/queries';
import { articlePath, sectionPath } from '@/lib/articles/urls';
import { listSections } from '@/lib/sections';
import { absoluteUrl } from '@/lib/seo';

// Read at request time: the sitemap follows publishing rather than the last build.
export const dynamic = 'force-dynamic';

/** The front page, every section and every published article (one file holds up to 50,000 URLs). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, sections] = await Promise.all([listArticlesForSitemap(49_000), listSections()]);
  const newest = articles[0]?.publishedAt ?? undefined;
  return [
    { url: absoluteUrl('/'), lastModified: newest, changeFrequency: 'always', priority: 1 },
    ...sections.map((s) => ({ url: absoluteUrl(sectionPath(s.slug)), lastModified: newest, changeFrequency: 'hourly' as const, priority: 0.8 })),
    ...articles.map((a) => ({ url: absoluteUrl(articlePath(a.slug)), lastModified: a.updatedAt, changeFrequency: 'daily' as const, priority: 0.6 })),
  ];
}
