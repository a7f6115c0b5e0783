import { expect, test, type Page } from '@playwright/test';
import { SEEDED_ARTICLE, expectNoAxeViolations, firstArticlePath } from './helpers';

const articlePath = `/articles/${SEEDED_ARTICLE.slug}`;

/** Parses XML in the browser, failing on any parser error; returns the root name and the texts of `selector`. */
async function parseXml(page: Page, xml: string, selector: string) {
  if (page.url() === 'about:blank') await page.goto('/robots.txt');
  return page.evaluate(
    ([text, sel]) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      return { error: error?.textContent ?? null, root: doc.documentElement.nodeName, texts: [...doc.querySelectorAll(sel)].map((n) => n.textContent ?? '') };
    },
    [xml, selector] as const,
  );
}

test.describe('tag and author pages', () => {
  test('a tag on the article page leads to a page listing that article', async ({ page }) => {
    await page.goto(await firstArticlePath(page));
    const tag = page.getByRole('list', { name: 'Tags' }).getByRole('link').first();
    const tagName = (await tag.textContent())!.trim();
    await tag.click();
    await expect(page).toHaveURL(/\/tags\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1, name: tagName })).toBeVisible();
    await expect(page.locator(`main a[href="${articlePath}"]`)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the byline leads to the author page with name, bio and their articles, never their email', async ({ page }) => {
    await page.goto(articlePath);
    const byline = page.locator('article header').getByRole('link', { name: 'Edith Editor' });
    await byline.click();
    await expect(page).toHaveURL(/\/authors\/edith-editor$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Edith Editor' })).toBeVisible();
    await expect(page.getByText('News editor. Previously covered city hall for a decade.')).toBeVisible();
    await expect(page.locator(`main a[href="${articlePath}"]`)).toBeVisible();
    expect(await page.content()).not.toContain('@broadsheet.test');
    await expectNoAxeViolations(page);
  });

  test('author pages paginate', async ({ page }) => {
    await page.goto('/authors/arthur-author');
    const firstPage = await page.locator('main article h3 a').allTextContents();
    expect(firstPage).toHaveLength(12);
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Older stories' }).click();
    await expect(page).toHaveURL(/\/authors\/arthur-author\/page\/2$/);
    const secondPage = await page.locator('main article h3 a').allTextContents();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
    await expect(page.getByRole('link', { name: 'Newer stories' })).toHaveAttribute('href', '/authors/arthur-author');
  });

  test('unknown tags and authors, and malformed slugs, are 404s', async ({ page }) => {
    for (const path of ['/tags/no-such-tag', '/authors/nobody-here', '/tags/Bad%20Slug', '/authors/..%2Fadmin']) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
  });
});

test.describe('ad slots', () => {
  test('the in-article slot appears after paragraph 2, labelled "Advertisement", at its reserved size', async ({ page }) => {
    await page.goto(articlePath);
    const ad = page.locator('[data-ad-slot="demo-in-article"]');
    await expect(ad).toHaveCount(1);
    await expect(page.getByRole('group', { name: 'Advertisement' }).first()).toBeVisible();
    await expect(ad.getByText('Advertisement', { exact: true })).toBeVisible();
    await expect(ad).toContainText('Broadsheet Membership');

    const position = await ad.evaluate((el) => {
      const paragraphs = [...document.querySelectorAll('.article-body p')];
      const before = (p: Element | undefined) => !!p && !!(p.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
      return { second: before(paragraphs[1]), third: before(paragraphs[2]) };
    });
    expect(position).toEqual({ second: true, third: false });

    // The creative box keeps the slot's 300 × 250 shape, whatever the creative.
    const box = await ad.locator('[style*="aspect-ratio"]').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeLessThanOrEqual(300);
    expect(box!.height / box!.width).toBeCloseTo(250 / 300, 1);
    await expect(ad.locator('script')).toHaveCount(0);
    // The ad is not part of the story text.
    await expect(page.locator('.article-body [data-ad-slot]')).toHaveCount(0);
  });
});

test.describe('findable and shareable', () => {
  test('the article page has canonical, Open Graph, Twitter and NewsArticle + BreadcrumbList JSON-LD', async ({ page }) => {
    await page.goto(articlePath);
    const headline = (await page.locator('h1').textContent())!.trim();
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`^https?://[^/]+${articlePath}$`));
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', headline);
    await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute('content', /^\d{4}-\d\d-\d\dT/);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', /summary/);

    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const data = blocks.flatMap((b) => [JSON.parse(b)].flat()) as Record<string, unknown>[];
    const article = data.find((d) => d['@type'] === 'NewsArticle')!;
    expect(article).toBeTruthy();
    expect(article.headline).toBe(headline);
    expect(article.articleSection).toBe('Politics');
    expect(article.author).toEqual([expect.objectContaining({ '@type': 'Person', name: 'Edith Editor' })]);
    expect(Date.parse(article.datePublished as string)).not.toBeNaN();
    expect(Date.parse(article.dateModified as string)).not.toBeNaN();
    expect(article.publisher).toMatchObject({ name: 'Broadsheet' });
    const crumbs = data.find((d) => d['@type'] === 'BreadcrumbList') as { itemListElement: { name: string }[] };
    expect(crumbs.itemListElement.map((i) => i.name)).toEqual(['Broadsheet', 'Politics', headline]);
  });

  test('/rss.xml is well-formed RSS 2.0 listing the newest article', async ({ page, request }) => {
    const res = await request.get('/rss.xml');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/rss+xml');
    const { error, root, texts } = await parseXml(page, await res.text(), 'channel > item > link');
    expect(error).toBeNull();
    expect(root).toBe('rss');
    expect(texts.some((t) => t.endsWith(articlePath))).toBe(true);
    expect(texts.length).toBeLessThanOrEqual(50);
  });

  test('/sitemap.xml is a well-formed index whose child sitemaps hold the articles and sections; robots.txt points to it', async ({ page, request }) => {
    const res = await request.get('/sitemap.xml');
    expect(res.status()).toBe(200);
    const index = await parseXml(page, await res.text(), 'sitemap > loc');
    expect(index.error).toBeNull();
    expect(index.root).toBe('sitemapindex');
    const texts: string[] = [];
    for (const loc of index.texts) {
      const child = await parseXml(page, await (await request.get(new URL(loc).pathname)).text(), 'url > loc');
      expect(child.error).toBeNull();
      expect(child.root).toBe('urlset');
      texts.push(...child.texts);
    }
    expect(texts.some((t) => t.endsWith(articlePath))).toBe(true);
    expect(texts.some((t) => t.endsWith('/sections/politics'))).toBe(true);

    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/Sitemap: https?:\/\/\S+\/sitemap\.xml/);
    expect(robots).toContain('Disallow: /admin');
  });
});
