import type { Metadata } from 'next';
import { AuthorListing, authorMetadata } from './listing';

// Cached (lib/cache/page-cache-handler.mjs) and refreshed by tag when its stories change;
// at most a minute old otherwise (dates, ad windows).
export const revalidate = 60;

// Rendered on first request, then cached (none are built ahead).
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata((await params).slug, 1);
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorListing slug={(await params).slug} page={1} />;
}
