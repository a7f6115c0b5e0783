import { beforeAll, describe, expect, it } from 'vitest';

// Small files, so a handful of articles spans several sitemap pages. Set before lib/env loads
// (static imports would load it first, hence the dynamic ones).
process.env.SITEMAP_URLS_PER_FILE = '2';
const { db } = await import('@/lib/db');
const { createArticle, unique } = await import('@/test/fixtures');
const { renderChildSitemapXml, renderNewsSitemapXml, renderSitemapIndexXml } = await import('@/lib/seo/sitemaps');

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
const HOUR = 3600_000;

beforeAll(async () => {
  for (let i = 0; i < 3; i++) await createArticle({ title: `Sitemap story ${unique()}`, publishedAt: new Date(Date.now() - (i + 1) * HOUR) });
});

describe('sitemaps', () => {
  it('split every published article over pages of SITEMAP_URLS_PER_FILE, none twice, no drafts or archived ones', async () => {
    const draft = await createArticle({ status: 'DRAFT' });
    const archived = await createArticle({ status: 'ARCHIVED', publishedAt: new Date(Date.now() - HOUR) });
    const published = await db.article.findMany({ where: { status: 'PUBLISHED', publishedAt: { lte: new Date() } }, select: { slug: true } });

    const index = locs(await renderSitemapIndexXml());
    const articlePages = index.filter((p) => p.startsWith('/sitemaps/articles-'));
    expect(articlePages).toHaveLength(Math.ceil(published.length / 2));
    expect(index).toEqual(expect.arrayContaining(['/sitemaps/sections.xml', '/sitemaps/tags.xml', '/sitemaps/authors.xml']));

    const listed: string[] = [];
    for (const p of articlePages) {
      const page = locs((await renderChildSitemapXml(p.split('/').pop()!))!);
      expect(page.length).toBeLessThanOrEqual(2);
      listed.push(...page);
    }
    expect(listed.sort()).toEqual(published.map((a) => `/articles/${a.slug}`).sort());
    expect(listed).not.toContain(`/articles/${draft.slug}`);
    expect(listed).not.toContain(`/articles/${archived.slug}`);
    expect(await renderChildSitemapXml(`articles-${articlePages.length + 1}.xml`)).toBeNull();
    expect(await renderChildSitemapXml('users.xml')).toBeNull();
  });

  it('list in the news sitemap only what was published in the last 48 hours', async () => {
    const fresh = await createArticle({ title: `Fresh & "new" ${unique()}`, publishedAt: new Date(Date.now() - 47 * HOUR) });
    const stale = await createArticle({ publishedAt: new Date(Date.now() - 49 * HOUR) });
    const future = await createArticle({ publishedAt: new Date(Date.now() + HOUR) });
    const archived = await createArticle({ status: 'ARCHIVED', publishedAt: new Date(Date.now() - HOUR) });
    const xml = await renderNewsSitemapXml();
    const listed = locs(xml);
    expect(listed).toContain(`/articles/${fresh.slug}`);
    for (const a of [stale, future, archived]) expect(listed).not.toContain(`/articles/${a.slug}`);
    expect(xml).toContain(`<news:title>${fresh.title.replace('&', '&amp;').replace(/"/g, '&quot;')}</news:title>`);
    expect(xml).toContain('<news:language>en</news:language>');
  });
});
