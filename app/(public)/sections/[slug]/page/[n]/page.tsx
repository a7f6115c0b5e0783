import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { listingPageSegmentSchema } from '@/lib/validation/pages';
import { SectionListing, sectionMetadata } from '../../listing';

export const revalidate = 60;

// Rendered on first request, then cached (none are built ahead).
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  const page = listingPageSegmentSchema.safeParse(n);
  return page.success ? sectionMetadata(slug, page.data) : { title: 'Page not found' };
}

export default async function SectionPageN({ params }: Props) {
  const { slug, n } = await params;
  const page = listingPageSegmentSchema.safeParse(n);
  if (!page.success) notFound();
  return <SectionListing slug={slug} page={page.data} />;
}
