import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryCard } from '@/components/articles/article-list';
import { Pagination } from '@/components/site/pagination';
import { listTagArticles } from '@/lib/articles/queries';
import { tagPath } from '@/lib/articles/urls';
import { articleTags, pageTags, tagPage } from '@/lib/cache';
import { getTagBySlug } from '@/lib/tags';
import { absoluteUrl } from '@/lib/seo';
import { slugParamSchema } from '@/lib/validation/pages';

async function tagFrom(slug: string) {
  const parsed = slugParamSchema.safeParse(slug);
  return parsed.success ? getTagBySlug(parsed.data) : null;
}

export async function tagMetadata(slug: string, page: number): Promise<Metadata> {
  const tag = await tagFrom(slug);
  if (!tag) return { title: 'Tag not found' };
  const path = page > 1 ? `${tagPath(tag.slug)}/page/${page}` : tagPath(tag.slug);
  return {
    title: page > 1 ? `${tag.name} — page ${page}` : tag.name,
    description: tag.description ?? `Stories tagged ${tag.name}.`,
    alternates: { canonical: absoluteUrl(path) },
  };
}

/** One page of a tag's stories (the tag's own URL is page 1; `/page/N` the rest). */
export async function TagListing({ slug, page }: { slug: string; page: number }) {
  const tag = await tagFrom(slug);
  if (!tag) notFound();
  const { articles, pages } = await listTagArticles(tag.id, page);
  if (page > 1 && articles.length === 0) notFound();
  await tagPage(pageTags.tag(tag.id), ...articleTags(articles));
  return (
    <>
      <p className="text-sm font-bold uppercase tracking-wide text-accent">Tag</p>
      <h1 className="border-b-2 border-accent pb-2 font-serif text-4xl font-bold">{tag.name}</h1>
      {tag.description ? <p className="mt-2 text-muted">{tag.description}</p> : null}
      <div className="mt-8 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
        {articles.map((a) => (
          <StoryCard key={a.id} article={a} />
        ))}
      </div>
      {articles.length === 0 ? <p className="mt-8">No stories with this tag yet.</p> : null}
      <Pagination basePath={tagPath(tag.slug)} page={page} pages={pages} />
    </>
  );
}
