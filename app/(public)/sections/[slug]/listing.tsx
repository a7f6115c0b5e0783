import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryCard } from '@/components/articles/article-list';
import { Pagination } from '@/components/site/pagination';
import { listSectionArticles } from '@/lib/articles/queries';
import { sectionPath } from '@/lib/articles/urls';
import { articleTags, pageTags, tagPage } from '@/lib/cache';
import { getSectionBySlug } from '@/lib/sections';
import { absoluteUrl } from '@/lib/seo';
import { getSite } from '@/lib/site';
import { slugParamSchema } from '@/lib/validation/pages';

async function sectionFrom(slug: string) {
  const parsed = slugParamSchema.safeParse(slug);
  return parsed.success ? getSectionBySlug(parsed.data) : null;
}

export async function sectionMetadata(slug: string, page: number): Promise<Metadata> {
  const section = await sectionFrom(slug);
  if (!section) return { title: 'Section not found' };
  const path = page > 1 ? `${sectionPath(section.slug)}/page/${page}` : sectionPath(section.slug);
  return {
    title: page > 1 ? `${section.name} — page ${page}` : section.name,
    description: section.description ?? undefined,
    // Feed readers and browsers discover the section's own feed from this link.
    alternates: {
      canonical: absoluteUrl(path),
      types: { 'application/rss+xml': [{ url: absoluteUrl(`${sectionPath(section.slug)}/rss.xml`), title: `${section.name} — ${(await getSite()).name}` }] },
    },
  };
}

/** One page of a section's stories (the section's own URL is page 1; `/page/N` the rest). */
export async function SectionListing({ slug, page }: { slug: string; page: number }) {
  const section = await sectionFrom(slug);
  if (!section) notFound();
  const { articles, pages } = await listSectionArticles(section.id, page);
  if (page > 1 && articles.length === 0) notFound();
  await tagPage(pageTags.section(section.id), ...articleTags(articles));
  return (
    <>
      <h1 className="border-b-2 border-accent pb-2 font-serif text-4xl font-bold">{section.name}</h1>
      {section.description ? <p className="mt-2 text-muted">{section.description}</p> : null}
      <div className="mt-8 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
        {articles.map((a) => (
          <StoryCard key={a.id} article={a} />
        ))}
      </div>
      {articles.length === 0 ? <p className="mt-8">No stories in this section yet.</p> : null}
      <Pagination basePath={sectionPath(section.slug)} page={page} pages={pages} />
    </>
  );
}
