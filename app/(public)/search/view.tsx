import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleList } from '@/components/articles/article-list';
import { Highlighted, SearchForm } from '@/components/search/search-form';
import { listLatestArticles } from '@/lib/articles/queries';
import { articlePath, sectionPath } from '@/lib/articles/urls';
import { articleTags, pageTags, tagPage } from '@/lib/cache';
import { searchArticles } from '@/lib/search';
import { listSections } from '@/lib/sections';
import { formatDateTime } from '@/lib/site';

// The search page's body, shared by /search (the form) and the cached results pages at
// /search/q/<query>/<page>, which proxy.ts serves for /search?q=… (lib/search/results-path.mjs).

const PER_PAGE = 10;

/** Result pages are endless and change by the minute: kept out of search engines. */
export const searchMetadata = (q: string): Metadata => ({ title: q ? `Search results for “${q}”` : 'Search', robots: { index: false, follow: true } });

const searchHref = (q: string, page: number) => `/search?${new URLSearchParams({ q, ...(page > 1 ? { page: String(page) } : {}) })}`;

/**
 * The search page for `q` (empty: the form alone). Tagged `search`, which every publish,
 * unpublish and edit of a published article invalidates (lib/cache invalidateArticle), and with
 * each result's article, so a cached results page never outlives a change that could alter it.
 */
export async function SearchView({ q, page }: { q: string; page: number }) {
  const results = q ? await searchArticles({ q, page, perPage: PER_PAGE }) : null;
  const nothing = !results || results.hits.length === 0;
  const [latest, sections] = nothing ? await Promise.all([listLatestArticles({ take: 5 }), listSections()]) : [[], []];
  await tagPage(pageTags.search, ...articleTags(results?.hits ?? []), ...(nothing ? [pageTags.latest, ...articleTags(latest)] : []));
  const first = results ? (results.page - 1) * results.perPage + 1 : 0;

  return (
    <div className="grid gap-12 lg:grid-cols-3">
      <div className="lg:col-span-2">
        <h1 className="border-b-2 border-accent pb-2 font-serif text-4xl font-bold">{q ? <>Search results for “{q}”</> : 'Search'}</h1>
        <div className="mt-6">
          <SearchForm id="search-page-q" defaultValue={q} label="Search articles" />
        </div>

        {!q ? (
          <p className="mt-6 text-muted">
            Type a word or a few words to search headlines, standfirsts and stories. Put a phrase in “quotes”, use OR for either word, and a minus sign to leave a word out (-sport).
          </p>
        ) : null}

        {results && results.hits.length > 0 ? (
          <>
            <p className="mt-6 text-sm text-muted" role="status">
              {results.capped
                ? `More than ${results.total.toLocaleString('en-GB')} articles found: the best matches among the ${results.total.toLocaleString('en-GB')} most recent`
                : results.total === 1
                  ? '1 article found'
                  : `${results.total.toLocaleString('en-GB')} articles found`}
              {results.pages > 1 ? ` · showing ${first}–${first + results.hits.length - 1}, page ${results.page} of ${results.pages}` : ''}
            </p>
            {results.capped ? <p className="mt-1 text-sm text-muted">Add another word or use quotes for a phrase to narrow the search.</p> : null}
            <ol aria-label="Search results" className="mt-4 divide-y divide-subtle" start={first}>
              {results.hits.map((hit) => (
                <li key={hit.id} className="py-5">
                  <article>
                    {hit.section ? (
                      <p className="text-xs font-bold uppercase tracking-wide text-accent">
                        <Link href={sectionPath(hit.section.slug)}>{hit.section.name}</Link>
                      </p>
                    ) : null}
                    <h2 className="mt-1 font-serif text-xl font-bold leading-snug">
                      <Link href={articlePath(hit.slug)} className="hover:underline">
                        <Highlighted segments={hit.title} />
                      </Link>
                    </h2>
                    {hit.excerpt.length ? (
                      <p className="mt-2 text-muted">
                        <Highlighted segments={hit.excerpt} />
                      </p>
                    ) : null}
                    <p className="mt-2 text-xs text-muted">
                      {hit.authors.length ? `By ${hit.authors.map((a) => a.name).join(' and ')} · ` : ''}
                      <time dateTime={hit.publishedAt.toISOString()}>{formatDateTime(hit.publishedAt)}</time>
                    </p>
                  </article>
                </li>
              ))}
            </ol>
            {results.pages > 1 ? (
              <nav aria-label="Search result pages" className="mt-8 flex items-center justify-between gap-4">
                {results.page > 1 ? (
                  <Link href={searchHref(q, results.page - 1)} rel="prev" className="underline">
                    Previous results
                  </Link>
                ) : (
                  <span />
                )}
                <span className="text-sm text-muted">
                  Page {results.page} of {results.pages}
                </span>
                {results.page < results.pages ? (
                  <Link href={searchHref(q, results.page + 1)} rel="next" className="underline">
                    More results
                  </Link>
                ) : (
                  <span />
                )}
              </nav>
            ) : null}
          </>
        ) : null}

        {q && nothing ? (
          <div className="mt-6 rounded border border-subtle p-5" role="status">
            <h2 className="text-lg font-bold">{results && results.page > 1 ? `No more results for “${q}”` : `No articles match “${q}”`}</h2>
            <ul className="mt-2 list-disc pl-5 text-muted">
              <li>Check the spelling, or try fewer or more general words.</li>
              <li>Leave out minus signs and quotes to widen the search.</li>
              <li>Browse a section or the latest news instead.</li>
            </ul>
            {results && results.page > 1 ? (
              <p className="mt-3">
                <Link href={searchHref(q, 1)} className="font-semibold text-accent underline">
                  Back to the first page of results
                </Link>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>

      <aside>
        {sections.length ? (
          <nav aria-labelledby="search-sections" className="mt-10">
            <h2 id="search-sections" className="border-b-2 border-accent pb-1 text-lg font-bold uppercase tracking-wide">
              Browse sections
            </h2>
            <ul className="mt-3 space-y-2">
              {sections.map((s) => (
                <li key={s.id}>
                  <Link href={sectionPath(s.slug)} className="hover:underline">
                    {s.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <ArticleList title="Latest news" articles={latest} />
      </aside>
    </div>
  );
}
