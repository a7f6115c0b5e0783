import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryCard } from '@/components/articles/article-list';
import { Pagination } from '@/components/site/pagination';
import { listSectionArticles } from '@/lib/articles/queries';
import { sectionPath } from '@/lib/articles/urls';
import { getSectionBySlug } from '@/lib/sections';
import { absoluteUrl } from '@/lib/seo';
import { site } from '@/lib/site';
import { pageNumberSchema } from '@/lib/validation/pages';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSectionBySlug((await params).slug);
  if (!section) return {};
  // Feed readers and browsers discover the section's own feed from this link.
  return {
    title: section.name,
    description: section.description ?? undefined,
    alternates: { types: { 'application/rss+xml': [{ url: absoluteUrl(`${sectionPath(section.slug)}/rss.xml`), title: `${section.name} — ${site.name}` }] } },
  };
}

export default async function SectionPage({ params, searchParams }: Props) {
  const section = await getSectionBySlug((await params).slug);
  if (!section) notFound();
  const page = pageNumberSchema.parse((await searchParams).page);
  const { articles, pages } = await listSectionArticles(section.id, page);
  return (
    <>
      <h1 className="border-b-2 border-[var(--color-accent)] pb-2 font-serif text-4xl font-bold">{section.name}</h1>
      {section.description ? <p className="mt-2 text-[var(--color-muted)]">{section.description}</p> : null}
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
