import type { Metadata } from 'next';
import { searchPageParamsSchema } from '@/lib/validation/search';
import { SearchView, searchMetadata } from './view';

// GET /search — the search form. With a query, proxy.ts serves the cached results page
// (./q/[query]/[page]) instead; this page answers such a request only if it arrives unrewritten.
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return searchMetadata(searchPageParamsSchema.parse(await searchParams).q);
}

export default async function SearchPage({ searchParams }: Props) {
  const { q, page } = searchPageParamsSchema.parse(await searchParams);
  return <SearchView q={q} page={page} />;
}
