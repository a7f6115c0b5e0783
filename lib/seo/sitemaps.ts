import 'server-only';
import { publishedOnly } from '@/lib/articles/access';
import { articlePath, authorPath, pagePath, sectionPath, tagPath } from '@/lib/articles/urls';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { absoluteUrl, renderNewsSitemap, renderSitemapIndex, renderUrlSet } from '@/lib/seo';
import { site } from '@/lib/site';
import { parseSitemapName, SITEMAP_KINDS } from './sitemap-names';

// Sitemaps for large sites: /sitemap.xml is an index of child files, articles split into
// pages of SITEMAP_URLS_PER_FILE (oldest first, so a page's contents stay put as new
// articles are published onto the last page), plus one file each for sections, tags, authors and static pages.

const perFile = () => env.SITEMAP_URLS_PER_FILE;

/** The sitemap index: every article page, then sections, tags and authors. */
export async function renderSitemapIndexXml(now = new Date()): Promise<string> {
  const total = await db.article.count({ where: publishedOnly(now) });
  const pages = Math.max(1, Math.ceil(total / perFile()));
  return renderSitemapIndex([
    ...Array.from({ length: pages }, (_, i) => ({ loc: absoluteUrl(`/sitemaps/articles-${i + 1}.xml`) })),
    ...SITEMAP_KINDS.map((k) => ({ loc: absoluteUrl(`/sitemaps/${k}.xml`) })),
  ]);
}

/** One child sitemap, or null when it does not exist (an article page past the last). */
export async function renderChildSitemapXml(name: string, now = new Date()): Promise<string | null> {
  const parsed = parseSitemapName(name);
  if (!parsed) return null;
  const published = publishedOnly(now);
  switch (parsed.kind) {
    case 'articles': {
      const rows = await db.article.findMany({
        where: published,
        orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
        skip: (parsed.page - 1) * perFile(),
        take: perFile(),
        select: { slug: true, updatedAt: true },
      });
      if (!rows.length && parsed.page > 1) return null;
      return renderUrlSet(rows.map((r) => ({ loc: absoluteUrl(articlePath(r.slug)), lastmod: r.updatedAt })));
    }
    case 'sections': {
      const rows = await db.section.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { slug: true } });
      return renderUrlSet([{ loc: absoluteUrl('/') }, ...rows.map((r) => ({ loc: absoluteUrl(sectionPath(r.slug)) }))]);
    }
    case 'tags': {
      const rows = await db.tag.findMany({ where: { articles: { some: { article: published } } }, orderBy: { slug: 'asc' }, select: { slug: true } });
      return renderUrlSet(rows.map((r) => ({ loc: absoluteUrl(tagPath(r.slug)) })));
    }
    case 'authors': {
      const rows = await db.user.findMany({ where: { bylines: { some: { article: published } } }, orderBy: { slug: 'asc' }, select: { slug: true } });
      return renderUrlSet(rows.map((r) => ({ loc: absoluteUrl(authorPath(r.slug)) })));
    }
    case 'pages': {
      const rows = await db.page.findMany({ where: published, orderBy: { slug: 'asc' }, select: { slug: true, updatedAt: true } });
      return renderUrlSet(rows.map((r) => ({ loc: absoluteUrl(pagePath(r.slug)), lastmod: r.updatedAt })));
    }
  }
}

/** Google News: articles published in the last 48 hours, newest first, at most 1,000. */
export async function renderNewsSitemapXml(now = new Date()): Promise<string> {
  const rows = await db.article.findMany({
    where: { status: 'PUBLISHED', publishedAt: { gte: new Date(now.getTime() - 48 * 3600_000), lte: now } },
    orderBy: { publishedAt: 'desc' },
    take: 1000,
    select: { slug: true, title: true, publishedAt: true },
  });
  // News sitemaps take an ISO 639 language code ("en"), not a full locale.
  const language = site.locale.split('-')[0]!.toLowerCase();
  return renderNewsSitemap(
    { name: site.name, language },
    rows.map((r) => ({ loc: absoluteUrl(articlePath(r.slug)), title: r.title, publishedAt: r.publishedAt! })),
  );
}
