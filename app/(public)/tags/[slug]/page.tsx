import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryCard } from '@/components/articles/article-list';
import { Pagination } from '@/components/site/pagination';
import { listTagArticles } from '@/lib/articles/queries';
import { tagPath } from '@/lib/articles/urls';
import { absoluteUrl } from '@/lib/seo';
import { getTagBySlug } from '@/lib/tags';
import { pageNumberSchema, slugParamSchema } from '@/lib/validation/pages';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function tagFrom(params: Props['params']) {
  const slug = slugParamSchema.safeParse((await params).slug);
  return slug.success ? getTagBySlug(slug.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await tagFrom(params);
  if (!tag) return { title: 'Tag not found' };
  return { title: tag.name, description: tag.description ?? `Stories tagged ${tag.name}.`, alternates: { canonical: absoluteUrl(tagPath(tag.slug)) } };
}

export default async function TagPage({ params, searchParams }: Props) {
  const tag = await tagFrom(params);
  if (!tag) notFound();
  const page = pageNumberSchema.parse((await searchParams).page);
  const { articles, pages } = await listTagArticles(tag.id, page);
  return (
    <>
      <p className="text-sm font-bold uppercase tracking-wide text-[var(--color-accent)]">Tag</p>
      <h1 className="border-b-2 border-[var(--color-accent)] pb-2 font-serif text-4xl font-bold">{tag.name}</h1>
      {tag.description ? <p className="mt-2 text-[var(--color-muted)]">{tag.description}</p> : null}
      <div className="mt-8 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
        {articles.map((a) => (
          <StoryCard key={a.id} article={a} />
        ))}
      </div>
      {articles.length === 0 ? <p className="mt-8">No stories with this tag{page > 1 ? ' on this page' : ' yet'}.</p> : null}
      <Pagination basePath={tagPath(tag.slug)} page={page} pages={pages} />
    </>
  );
}
