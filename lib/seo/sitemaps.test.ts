import { describe, expect, it } from 'vitest';
import { parseSitemapName } from './sitemap-names';
import { renderNewsSitemap, renderSitemapIndex, renderUrlSet } from './xml';

describe('child sitemap names', () => {
  it('accepts article pages and the three fixed files, nothing else', () => {
    expect(parseSitemapName('articles-1.xml')).toEqual({ kind: 'articles', page: 1 });
    expect(parseSitemapName('articles-12.xml')).toEqual({ kind: 'articles', page: 12 });
    expect(parseSitemapName('tags.xml')).toEqual({ kind: 'tags' });
    for (const bad of ['articles-0.xml', 'articles-01.xml', 'articles-1.xml.gz', 'articles.xml', 'users.xml', '../sitemap.xml', 'articles-9999999.xml', 'TAGS.xml']) {
      expect(parseSitemapName(bad), bad).toBeNull();
    }
  });
});

describe('sitemap XML', () => {
  const at = new Date('2026-11-30T08:00:00.000Z');

  it('escapes locations and titles', () => {
    const set = renderUrlSet([{ loc: 'https://news.example/tags/a?b=1&c=<2>', lastmod: at }]);
    expect(set).toContain('<loc>https://news.example/tags/a?b=1&amp;c=&lt;2&gt;</loc>');
    expect(set).toContain('<lastmod>2026-11-30T08:00:00.000Z</lastmod>');
    const news = renderNewsSitemap({ name: 'Broadsheet & Co', language: 'en' }, [{ loc: 'https://news.example/a', title: 'Tom & "Jerry" <b>\u0001', publishedAt: at }]);
    expect(news).toContain('<news:title>Tom &amp; &quot;Jerry&quot; &lt;b&gt;</news:title>');
    expect(news).toContain('<news:name>Broadsheet &amp; Co</news:name>');
    expect(news).toContain('<news:publication_date>2026-11-30T08:00:00.000Z</news:publication_date>');
  });

  it('declares the sitemap (and news) namespaces on the root', () => {
    expect(renderSitemapIndex([{ loc: 'https://news.example/sitemaps/articles-1.xml' }])).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    );
    expect(renderNewsSitemap({ name: 'B', language: 'en' }, [])).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
  });
});
