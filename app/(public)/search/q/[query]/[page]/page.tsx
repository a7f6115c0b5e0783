import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { searchFromResultsPath } from '@/lib/search/results-path.mjs';
import { SearchView, searchMetadata } from '../../../view';

// The results of one search, cached like any public page: readers ask for /search?q=…&page=…
// and proxy.ts (or the server's fast path) serves this page, keyed by the normalised query
// (lib/search/results-path.mjs). Only the canonical form of a query has a page.
type Props = { params: Promise<{ query: string; page: string }> };

export const revalidate = 60;

// Rendered on first request, then cached (none are built ahead).
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { query, page } = await params;
  return searchMetadata(searchFromResultsPath(query, page)?.q ?? '');
}

export default async function SearchResultsPage({ params }: Props) {
  const { query, page } = await params;
  const search = searchFromResultsPath(query, page);
  if (!search) notFound();
  return <SearchView q={search.q} page={search.page} />;
}
