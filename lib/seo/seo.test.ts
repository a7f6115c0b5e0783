import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd } from './json-ld';
import { escapeXml, renderRss } from './xml';

const article = {
  title: 'Flood barriers hold </script><script>alert(1)</script>',
  standfirst: 'Engineers & residents',
  url: 'https://news.example/articles/flood',
  publishedAt: new Date('2026-11-29T10:00:00Z'),
  updatedAt: new Date('2026-11-29T11:00:00Z'),
  authors: [{ name: 'Edith Editor', url: 'https://news.example/authors/edith-editor' }],
  section: { name: 'World', url: 'https://news.example/sections/world' },
};

describe('JSON-LD', () => {
  it('describes a NewsArticle with dates, authors, publisher and section', () => {
    const ld = newsArticleJsonLd(article, { name: 'Broadsheet', url: 'https://news.example' });
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: article.title,
      datePublished: '2026-11-29T10:00:00.000Z',
      dateModified: '2026-11-29T11:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Edith Editor' }],
      publisher: { name: 'Broadsheet' },
      articleSection: 'World',
    });
  });

  it('numbers breadcrumbs from 1', () => {
    const ld = breadcrumbJsonLd([
      { name: 'Home', url: 'https://news.example/' },
      { name: 'World', url: 'https://news.example/sections/world' },
    ]);
    expect(ld.itemListElement.map((i) => i.position)).toEqual([1, 2]);
  });

  it('cannot be broken out of its script element, and still parses back to the same data', () => {
    const ld = newsArticleJsonLd(article, { name: 'Broadsheet', url: 'https://news.example' });
    const json = serializeJsonLd(ld);
    expect(json).not.toMatch(/[<>]/);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(ld)));
  });
});

describe('RSS', () => {
  it('escapes markup and control characters', () => {
    expect(escapeXml('A & B <c> "d" \'e\'\u0001')).toBe('A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;');
  });

  it('renders an RSS 2.0 channel with escaped items', () => {
    const xml = renderRss({
      title: 'Broadsheet',
      link: 'https://news.example/',
      description: 'News',
      selfUrl: 'https://news.example/rss.xml',
      language: 'en-GB',
      items: [{ title: 'Tom & Jerry <b>', link: 'https://news.example/articles/a?x=1&y=2', description: 'x', publishedAt: new Date('2026-11-29T10:00:00Z'), author: 'Edith' }],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    expect(xml).toContain('<title>Tom &amp; Jerry &lt;b&gt;</title>');
    expect(xml).toContain('<link>https://news.example/articles/a?x=1&amp;y=2</link>');
    expect(xml).toContain('<pubDate>Sun, 29 Nov 2026 10:00:00 GMT</pubDate>');
    expect(xml).not.toContain('<b>');
  });
});
