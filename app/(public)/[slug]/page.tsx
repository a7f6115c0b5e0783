import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StaticPage } from '@/components/site/static-page';
import { pagePath } from '@/lib/articles/urls';
import { pageTags, tagPage } from '@/lib/cache';
import { getPublishedPageBySlug } from '@/lib/pages/queries';
import { isReservedTopLevelName } from '@/lib/pages/reserved';
import { absoluteUrl } from '@/lib/seo';
import { slugParamSchema } from '@/lib/validation/pages';

// A static page at /<slug> (About, Terms). Cached and refreshed by tag (lib/cache): `p:<id>`
// when the page changes, its path tag when a page takes or leaves this address.
export const revalidate = 3600;

export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  if (!slugParamSchema.safeParse(slug).success || isReservedTopLevelName(slug)) return null;
  return getPublishedPageBySlug(slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load((await params).slug);
  if (!page) return { title: 'Page not found' };
  const title = page.seoTitle || page.title;
  const description = page.seoDescription || page.standfirst || undefined;
  const url = absoluteUrl(pagePath(page.slug));
  return { title, description, alternates: { canonical: url }, openGraph: { type: 'website', url, title, description } };
}

export default async function PublicStaticPage({ params }: Props) {
  const page = await load((await params).slug);
  if (!page) notFound();
  await tagPage(pageTags.page(page.id));
  return <StaticPage page={page} />;
}
