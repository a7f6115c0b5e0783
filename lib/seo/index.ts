import 'server-only';
import { env } from '@/lib/env';

export { breadcrumbJsonLd, liveBlogPostingJsonLd, newsArticleJsonLd, serializeJsonLd } from './json-ld';
export { escapeXml, renderNewsSitemap, renderRss, renderSitemapIndex, renderUrlSet } from './xml';

/** The public origin, without a trailing slash (SITE_URL). */
export const siteUrl = (): string => env.SITE_URL;

/** An absolute URL on this site for a path such as /articles/x. */
export function absoluteUrl(path: string): string {
  return new URL(path, `${env.SITE_URL}/`).toString();
}
