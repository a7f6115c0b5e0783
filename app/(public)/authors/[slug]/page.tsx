import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryCard } from '@/components/articles/article-list';
import { Pagination } from '@/components/site/pagination';
import { listAuthorArticles } from '@/lib/articles/queries';
import { authorPath } from '@/lib/articles/urls';
import { absoluteUrl } from '@/lib/seo';
import { getPublicAuthorBySlug } from '@/lib/users';
import { pageNumberSchema, slugParamSchema } from '@/lib/validation/pages';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function authorFrom(params: Props['params']) {
  const slug = slugParamSchema.safeParse((await params).slug);
  return slug.success ? getPublicAuthorBySlug(slug.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await authorFrom(params);
  if (!author) return { title: 'Author not found' };
  return { title: author.name, description: author.bio ?? `Stories by ${author.name}.`, alternates: { canonical: absoluteUrl(authorPath(author.slug)) } };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const author = await authorFrom(params);
  if (!author) notFound();
  const page = pageNumberSchema.parse((await searchParams).page);
  const { articles, pages } = await listAuthorArticles(author.id, page);
  return (
    <>
      <header className="border-b-2 border-[var(--color-accent)] pb-4">
        <h1 className="font-serif text-4xl font-bold">{author.name}</h1>
        {author.bio ? <p className="mt-2 max-w-2xl text-lg text-[var(--color-muted)]">{author.bio}</p> : null}
      </header>
      <h2 className="mt-8 text-lg font-bold uppercase tracking-wide">Stories by {author.name}</h2>
      <div className="mt-4 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
        {articles.map((a) => (
          <StoryCard key={a.id} article={a} headingLevel={3} />
        ))}
      </div>
      {articles.length === 0 ? <p className="mt-8">No stories on this page.</p> : null}
      <Pagination basePath={authorPath(author.slug)} page={page} pages={pages} />
    </>
  );
}
