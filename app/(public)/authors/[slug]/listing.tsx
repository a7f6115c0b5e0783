import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryCard } from '@/components/articles/article-list';
import { Pagination } from '@/components/site/pagination';
import { listAuthorArticles } from '@/lib/articles/queries';
import { authorPath } from '@/lib/articles/urls';
import { articleTags, pageTags, tagPage } from '@/lib/cache';
import { absoluteUrl } from '@/lib/seo';
import { getPublicAuthorBySlug } from '@/lib/users';
import { slugParamSchema } from '@/lib/validation/pages';

async function authorFrom(slug: string) {
  const parsed = slugParamSchema.safeParse(slug);
  return parsed.success ? getPublicAuthorBySlug(parsed.data) : null;
}

export async function authorMetadata(slug: string, page: number): Promise<Metadata> {
  const author = await authorFrom(slug);
  if (!author) return { title: 'Author not found' };
  const path = page > 1 ? `${authorPath(author.slug)}/page/${page}` : authorPath(author.slug);
  return {
    title: page > 1 ? `${author.name} — page ${page}` : author.name,
    description: author.bio ?? `Stories by ${author.name}.`,
    alternates: { canonical: absoluteUrl(path) },
  };
}

/** One page of an author's profile and stories (the profile URL is page 1; `/page/N` the rest). */
export async function AuthorListing({ slug, page }: { slug: string; page: number }) {
  const author = await authorFrom(slug);
  if (!author) notFound();
  const { articles, pages } = await listAuthorArticles(author.id, page);
  if (page > 1 && articles.length === 0) notFound();
  await tagPage(pageTags.author(author.id), ...articleTags(articles));
  return (
    <>
      <header className="border-b-2 border-accent pb-4">
        <h1 className="font-serif text-4xl font-bold">{author.name}</h1>
        {author.bio ? <p className="mt-2 max-w-2xl text-lg text-muted">{author.bio}</p> : null}
      </header>
      <h2 className="mt-8 text-lg font-bold uppercase tracking-wide">Stories by {author.name}</h2>
      <div className="mt-4 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
        {articles.map((a) => (
          <StoryCard key={a.id} article={a} headingLevel={3} />
        ))}
      </div>
      {articles.length === 0 ? <p className="mt-8">No stories yet.</p> : null}
      <Pagination basePath={authorPath(author.slug)} page={page} pages={pages} />
    </>
  );
}
