import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactElement } from 'react';
import { listingPageSegmentSchema } from '@/lib/validation/pages';

type Listing = (props: { slug: string; page: number }) => Promise<ReactElement>;
type ListingMetadata = (slug: string, page: number) => Promise<Metadata>;
type PagedProps = { params: Promise<{ slug: string; n: string }> };

/**
 * The `…/[slug]/page/[n]` route of a section, tag or author listing: the page number comes
 * from the path (so every page is cacheable) and anything but a whole number ≥ 2 is a 404.
 */
export function pagedListingRoute(Listing: Listing, metadata: ListingMetadata) {
  return {
    async generateMetadata({ params }: PagedProps): Promise<Metadata> {
      const { slug, n } = await params;
      const page = listingPageSegmentSchema.safeParse(n);
      return page.success ? metadata(slug, page.data) : { title: 'Page not found' };
    },
    async Page({ params }: PagedProps) {
      const { slug, n } = await params;
      const page = listingPageSegmentSchema.safeParse(n);
      if (!page.success) notFound();
      return <Listing slug={slug} page={page.data} />;
    },
  };
}
