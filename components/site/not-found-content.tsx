import Link from 'next/link';
import { ArticleList } from '@/components/articles/article-list';
import { SearchForm } from '@/components/search/search-form';
import { listLatestArticles } from '@/lib/articles/queries';

/** The body of every public 404: a search box and the latest news, so readers can go on. */
export async function NotFoundContent() {
  // A broken database must not turn a 404 into a 500: the page still offers search and the front page.
  const latest = await listLatestArticles({ take: 5 }).catch(() => []);
  return (
    <div className="mx-auto max-w-2xl py-8">
      <h1 className="font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4 text-muted">The page you were looking for has moved or never existed. Search for it, or pick up the latest news below.</p>
      <div className="mt-8">
        <SearchForm id="not-found-search-q" label="Search articles" />
      </div>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-accent underline">
          Go to the front page
        </Link>
      </p>
      <ArticleList title="Latest news" articles={latest} />
    </div>
  );
}
