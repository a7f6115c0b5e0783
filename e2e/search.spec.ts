import { expect, test, type Page } from '@playwright/test';
import { SEEDED_ARTICLE, expectNoAxeViolations, fillBody, storageStateFor, unique } from './helpers';

const seededPath = `/articles/${SEEDED_ARTICLE.slug}`;

/** Parses XML in the browser (DOMParser), failing on any parser error. */
async function parseXml(page: Page, xml: string) {
  if (page.url() === 'about:blank') await page.goto('/robots.txt');
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    const ns = (uri: string, name: string) => [...doc.getElementsByTagNameNS(uri, name)].map((n) => n.textContent ?? '');
    const SM = 'http://www.sitemaps.org/schemas/sitemap/0.9';
    const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9';
    return {
      error: error?.textContent ?? null,
      root: doc.documentElement.localName,
      rootNs: doc.documentElement.namespaceURI,
      locs: ns(SM, 'loc'),
      news: {
        names: ns(NEWS, 'name'),
        languages: ns(NEWS, 'language'),
        dates: ns(NEWS, 'publication_date'),
        titles: ns(NEWS, 'title'),
      },
      itemLinks: [...doc.querySelectorAll('channel > item > link')].map((n) => n.textContent ?? ''),
      channelTitle: doc.querySelector('channel > title')?.textContent ?? null,
    };
  }, xml);
}

test.describe('reader search', () => {
  // axe and several page loads per test: give a busy machine room.
  test.slow();

  test('searches from the header and sees ranked, highlighted results', async ({ page }) => {
    await page.goto('/');
    const header = page.getByRole('search', { name: 'Search' });
    await header.getByRole('searchbox', { name: 'Search' }).fill(SEEDED_ARTICLE.title);
    await header.getByRole('button', { name: 'Search' }).click();

    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Search results for “${SEEDED_ARTICLE.title}”`);
    await expect(page.getByRole('status').filter({ hasText: /articles? found/ })).toBeVisible();
    const results = page.getByRole('list', { name: 'Search results' });
    // Every word of the headline is in its title: it ranks first, with the words marked.
    const first = results.getByRole('listitem').first();
    await expect(first.getByRole('link', { name: SEEDED_ARTICLE.title })).toHaveAttribute('href', seededPath);
    expect(await first.locator('h2 mark').count()).toBeGreaterThan(2);
    // The page's own form keeps the query for refining it.
    await expect(page.getByRole('searchbox', { name: 'Search articles' })).toHaveValue(SEEDED_ARTICLE.title);
    await expectNoAxeViolations(page);
  });

  test('finds words in the body too, and matches other forms of a word', async ({ page }) => {
    // A word from the seeded article's second paragraph, searched in capitals.
    const word = SEEDED_ARTICLE.paragraphs[1]!.split(/\W+/)
      .filter((w) => w.length > 6)
      .at(-1)!;
    await page.goto(`/search?q=${encodeURIComponent(word.toUpperCase())}`);
    const results = page.getByRole('list', { name: 'Search results' });
    await expect(results.locator(`a[href="${seededPath}"]`)).toBeVisible();
    await expect(results.locator('mark').first()).toBeVisible();
  });

  test('a search with no results says so and offers a way on', async ({ page }) => {
    await page.goto('/search');
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    await box.fill(`zzqx${unique()}`);
    await box.press('Enter');
    await expect(page.getByRole('heading', { name: /No articles match “zzqx/ })).toBeVisible();
    await expect(page.getByText('Check the spelling, or try fewer or more general words.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Latest news' }).getByRole('link').first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Browse sections' }).getByRole('link', { name: 'Politics' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('query syntax and markup in the query never break the page', async ({ page }) => {
    for (const q of ['"unclosed NEAR(* OR', '<img src=x onerror=alert(1)>', '-', "'; DROP TABLE Article; --"]) {
      const res = await page.goto(`/search?q=${encodeURIComponent(q)}`);
      expect(res?.status(), q).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Search results for “${q}”`);
      await expect(page.locator('main img[src="x"]')).toHaveCount(0);
    }
  });
});

test.describe('search under load', () => {
  test.slow();

  test('a repeated search is served from the cache, and a matching story published meanwhile is found at once', async ({ browser, request }) => {
    const word = `zephyrine${unique()}`;
    const url = `/search?q=${encodeURIComponent(`  ${word}  `)}`;
    const first = await request.get(url);
    expect(first.status()).toBe(200);
    expect(await first.text()).toContain(`No articles match “${word}”`);
    // The same normalised query again: the stored page, straight from memory. Any publish (or edit
    // of a published story) empties the search cache, and other tests do that meanwhile, sometimes
    // in bursts: stored again and asked again until a second asking finds it stored.
    await expect(async () => {
      await request.get(url);
      const again = await request.get(`/search?q=${word}`);
      expect(await again.text()).toContain(`No articles match “${word}”`);
      expect(again.headers()['x-nextjs-cache']).toBe('HIT');
    }).toPass({ intervals: [100, 250, 500], timeout: 20_000 });

    const editor = await browser.newContext({ storageState: storageStateFor('editor') });
    const page = await editor.newPage();
    const title = `Harbour pilots report a ${word} tide`;
    await page.goto('/admin/articles/new');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Standfirst').fill('Pilots logged the unusual tide at dawn.');
    await fillBody(page, 'The tide gauge at the outer mole recorded it twice.');
    await page.getByLabel('Section').selectOption({ label: 'Business' });
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published. The article is live.')).toBeVisible();
    await editor.close();

    const reader = await browser.newPage();
    await reader.goto(url);
    await expect(reader.getByRole('list', { name: 'Search results' }).getByRole('link', { name: title })).toBeVisible();
    await reader.close();
  });
});

test.describe('feeds and sitemaps', () => {
  test.slow();

  test('/sitemap.xml is an index whose child sitemaps list the articles, sections, tags and authors', async ({ page, request }) => {
    const res = await request.get('/sitemap.xml');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/xml');
    const index = await parseXml(page, await res.text());
    expect(index.error).toBeNull();
    expect(index.root).toBe('sitemapindex');
    expect(index.rootNs).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const children = index.locs.map((l) => new URL(l).pathname);
    expect(children).toContain('/sitemaps/articles-1.xml');
    expect(children).toEqual(expect.arrayContaining(['/sitemaps/sections.xml', '/sitemaps/tags.xml', '/sitemaps/authors.xml']));

    const urls: string[] = [];
    for (const child of children) {
      const r = await request.get(child);
      expect(r.status(), child).toBe(200);
      const set = await parseXml(page, await r.text());
      expect(set.error, child).toBeNull();
      expect(set.root, child).toBe('urlset');
      urls.push(...set.locs.map((l) => new URL(l).pathname));
    }
    expect(urls).toContain(seededPath);
    expect(urls).toEqual(expect.arrayContaining(['/', '/sections/politics', '/authors/edith-editor']));
    expect(urls.some((u) => u.startsWith('/tags/'))).toBe(true);
    expect(new Set(urls).size).toBe(urls.length);
    expect((await request.get(`/sitemaps/articles-${children.length + 50}.xml`)).status()).toBe(404);
  });

  test('/news-sitemap.xml lists recent articles in the Google News format', async ({ page, request }) => {
    const res = await request.get('/news-sitemap.xml');
    expect(res.status()).toBe(200);
    const news = await parseXml(page, await res.text());
    expect(news.error).toBeNull();
    expect(news.root).toBe('urlset');
    // The newest seeded article is hours old; the seed's week-old ones are not listed.
    expect(news.locs.map((l) => new URL(l).pathname)).toContain(seededPath);
    expect(news.news.titles).toContain(SEEDED_ARTICLE.title);
    expect(news.news.names.every((n) => n === 'Broadsheet')).toBe(true);
    expect(news.news.languages.every((l) => l === 'en')).toBe(true);
    expect(news.news.dates).toHaveLength(news.locs.length);
    for (const d of news.news.dates) expect(Date.now() - Date.parse(d)).toBeLessThanOrEqual(48 * 3600_000 + 60_000);
  });

  test('a story published in the dashboard is in the feeds and sitemaps at once, although they are cached', async ({ browser, request }) => {
    const before = await request.get('/rss.xml');
    expect(before.status()).toBe(200);
    // Every feed and sitemap is read (and so cached) before the publish.
    const readAll = async () => {
      const [rss, section, news, articles] = await Promise.all(
        ['/rss.xml', '/sections/business/rss.xml', '/news-sitemap.xml', '/sitemaps/articles-1.xml'].map((p) => request.get(p).then((r) => r.text())),
      );
      return { rss, section, news, articles };
    };
    const cached = await readAll();
    const title = `Tidal turbine array switched on ${unique()}`;
    expect(cached.rss).not.toContain(title);

    const editor = await browser.newContext({ storageState: storageStateFor('editor') });
    const page = await editor.newPage();
    await page.goto('/admin/articles/new');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Standfirst').fill('The first turbines of the estuary array sent power to the grid this morning.');
    await fillBody(page, 'Engineers watched the first blades turn at slack water.');
    await page.getByLabel('Section').selectOption({ label: 'Business' });
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published. The article is live.')).toBeVisible();
    const slug = new URL((await page.getByRole('link', { name: 'View article' }).getAttribute('href')) ?? '', 'http://x').pathname;
    await editor.close();

    const fresh = await readAll();
    expect(fresh.rss).toContain(title);
    expect(fresh.section).toContain(title);
    expect(fresh.news).toContain(title);
    expect(fresh.articles).toContain(slug);
  });

  test('each section has its own RSS feed, linked from the section page; robots.txt names both sitemaps', async ({ page, request }) => {
    await page.goto('/sections/politics');
    const link = page.locator('link[rel="alternate"][type="application/rss+xml"]');
    await expect(link).toHaveAttribute('href', /\/sections\/politics\/rss\.xml$/);
    const res = await request.get('/sections/politics/rss.xml');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/rss+xml');
    const feed = await parseXml(page, await res.text());
    expect(feed.error).toBeNull();
    expect(feed.root).toBe('rss');
    expect(feed.channelTitle).toBe('Politics — Broadsheet');
    expect(feed.itemLinks.some((l) => l.endsWith(seededPath))).toBe(true);
    expect((await request.get('/sections/no-such-section/rss.xml')).status()).toBe(404);

    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/Sitemap: https?:\/\/\S+\/sitemap\.xml/);
    expect(robots).toMatch(/Sitemap: https?:\/\/\S+\/news-sitemap\.xml/);
  });
});

test.describe('moved and removed articles', () => {
  test.use({ storageState: storageStateFor('editor') });
  test.slow();

  test('an old slug answers 301 to the new one; an archived article answers 410 with ways onward', async ({ page, request }) => {
    const id = unique();
    const title = `Pier reopens after storm repairs ${id}`;
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Body').fill('Engineers replaced forty timber piles.');
    await page.getByLabel('Section').selectOption({ label: 'Politics' });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published. The article is live.')).toBeVisible();
    await page.reload();
    const oldSlug = await page.getByLabel('Slug').inputValue();
    const newSlug = `pier-reopens-${id}`;
    await page.getByLabel('Slug').fill(newSlug);
    await page.getByRole('button', { name: 'Change slug' }).click();
    await expect(page.getByText(`Slug changed. The old address now redirects to /articles/${newSlug}.`)).toBeVisible();

    const moved = await request.get(`/articles/${oldSlug}`, { maxRedirects: 0 });
    expect(moved.status()).toBe(301);
    expect(new URL(moved.headers()['location']!, 'http://x').pathname).toBe(`/articles/${newSlug}`);

    // The editor archives it from the edit page, as in the newsroom.
    await page.getByRole('button', { name: 'Archive article' }).click();
    await expect(page.getByText('Archived. The article is no longer on the site.')).toBeVisible();

    const res = await page.goto(`/articles/${newSlug}`);
    expect(res?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1, name: 'This article has been removed' })).toBeVisible();
    await expect(page.getByText(`“${title}” is no longer available`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'More from Politics' })).toHaveAttribute('href', '/sections/politics');
    await expect(page.getByRole('region', { name: 'Latest news' }).getByRole('link').first()).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Search for related articles' })).toHaveValue(title);
    await expectNoAxeViolations(page);
    // Search no longer finds it.
    await page.goto(`/search?q=${encodeURIComponent(`pier ${id}`)}`);
    await expect(page.getByRole('heading', { name: /No articles match/ })).toBeVisible();
  });

  test('an unknown article is a 404 with search and the latest news', async ({ page }) => {
    const res = await page.goto(`/articles/no-such-story-${unique()}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Latest news' }).getByRole('link').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
