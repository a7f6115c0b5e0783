import { pagedListingRoute } from '@/components/site/paged-listing-route';
import { SectionListing, sectionMetadata } from '../../listing';

export const revalidate = 60;

// Rendered on first request, then cached (none are built ahead).
export async function generateStaticParams() {
  return [];
}

const route = pagedListingRoute(SectionListing, sectionMetadata);
export const generateMetadata = route.generateMetadata;
export default route.Page;
