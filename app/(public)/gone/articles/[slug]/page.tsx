import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/articles/article-list';
import { SearchForm } from '@/components/search/search-form';
import { getArchivedArticleBySlug } from '@/lib/articles/gone';
import { listLatestArticles } from '@/lib/articles/queries';
import { sectionPath } from '@/lib/articles/urls';
import { slugParamSchema } from '@/lib/validation/pages';

// Shown with HTTP 410 for /articles/<slug> of an archived article (proxy.ts rewrites here).
type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: 'Article removed', robots: { index: false, follow: true } };

export default async function GoneArticlePage({ params }: Props) {
  const slug = slugParamSchema.safeParse((await params).slug);
  const article = slug.success ? await getArchivedArticleBySlug(slug.data) : null;
  if (!article) notFound();
  const latest = await listLatestArticles({ take: 6 });
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-4xl font-bold">This article has been removed</h1>
      <p className="mt-4 text-lg text-muted">
        “{article.title}” is no longer available on {`this site`}. It has been archived and will not return at this address.
      </p>
      <div className="mt-8">
        <SearchForm id="gone-search-q" defaultValue={article.title} label="Search for related articles" />
      </div>
      {article.section ? (
        <p className="mt-6">
          <Link href={sectionPath(article.section.slug)} className="font-semibold text-accent underline">
            More from {article.section.name}
          </Link>
        </p>
      ) : null}
      <p className="mt-3">
        <Link href="/" className="font-semibold text-accent underline">
          Go to the front page
        </Link>
      </p>
      <ArticleList title="Latest news" articles={latest} />
    </div>
  );
}
