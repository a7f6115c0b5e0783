import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, firstArticlePath, unique } from './helpers';

test.describe('reader', () => {
  test('article page shows headline, standfirst, byline, date, body, latest and related news', async ({ page }) => {
    const path = await firstArticlePath(page);
    await page.goto(path);
    await expect(page.locator('h1')).toHaveCount(1);
    const headline = (await page.locator('h1').textContent())!.trim();
    expect(headline.length).toBeGreaterThan(10);
    await expect(page).toHaveTitle(new RegExp(headline.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expect(page.getByText(/^By /)).toBeVisible();
    const published = page.locator('article header time[datetime]').first();
    expect(Date.parse((await published.getAttribute('datetime'))!)).not.toBeNaN();
    expect(await page.locator('.article-body p').count()).toBeGreaterThanOrEqual(3);

    const latest = page.getByRole('region', { name: 'Latest news' });
    const related = page.getByRole('region', { name: 'Related news' });
    await expect(latest.getByRole('link').first()).toBeVisible();
    await expect(related.getByRole('link').first()).toBeVisible();
    // Neither block links back to the article being read.
    await expect(latest.locator(`a[href="${path}"]`)).toHaveCount(0);
    await expect(related.locator(`a[href="${path}"]`)).toHaveCount(0);
  });

  test('the header shows today’s date and section navigation', async ({ page }) => {
    await page.goto('/');
    const today = new Intl.DateTimeFormat('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Europe/London' }).format(new Date());
    await expect(page.getByRole('banner').getByText(today)).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Technology' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Technology' })).toBeVisible();
    await expect(page.locator('main article').first()).toBeVisible();
  });

  test('"Leave a reply" shows each validation message beside its field and keeps what was typed', async ({ page }) => {
    await page.goto(await firstArticlePath(page));
    await expect(page.getByRole('heading', { name: 'Leave a reply' })).toBeVisible();
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByText('Please enter your comment!', { exact: true })).toBeVisible();
    await expect(page.getByText('Please enter your name here', { exact: true })).toBeVisible();
    await expect(page.getByText('You have entered an incorrect email address!', { exact: true })).toBeVisible();

    await page.getByLabel('Comment', { exact: true }).fill('A fair summary of the council meeting.');
    await page.getByLabel('Name').fill('Imogen Vale');
    await page.getByLabel('Email').fill('imogen-at-example');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByText('You have entered an incorrect email address!', { exact: true })).toBeVisible();
    await expect(page.getByText('Please enter your comment!', { exact: true })).toHaveCount(0);
    await expect(page.getByText('Please enter your name here', { exact: true })).toHaveCount(0);
    await expect(page.getByLabel('Comment', { exact: true })).toHaveValue('A fair summary of the council meeting.');
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  });

  test('a valid comment is held for moderation, not published', async ({ page }) => {
    const path = await firstArticlePath(page);
    await page.goto(path);
    const text = `Held for moderation ${unique()}`;
    await page.getByLabel('Comment', { exact: true }).fill(text);
    await page.getByLabel('Name').fill('Rowan Pike');
    await page.getByLabel('Email').fill('rowan@example.com');
    await page.getByLabel('Website').fill('https://rowan.example.com');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByText(/awaiting moderation/)).toBeVisible();
    await expect(page.getByLabel('Comment', { exact: true })).toHaveValue('');
    await page.reload();
    await expect(page.getByText(text)).toHaveCount(0);
  });

  test('the article page runs no React, only its islands, and its comment form also works without JavaScript', async ({ page, browser }) => {
    const path = await firstArticlePath(page);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Leave a reply' })).toBeVisible();
    expect(scripts.filter((s) => s.startsWith('/_next/'))).toEqual([]);
    expect(scripts.filter((s) => s.startsWith('/_islands/'))).toHaveLength(1);

    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
    const reader = await noScript.newPage();
    await reader.goto(path);
    await reader.getByRole('button', { name: 'Post comment' }).click();
    await expect(reader.getByRole('heading', { name: 'Your comment was not posted' })).toBeVisible();
    await expect(reader.getByText('Please enter your comment!', { exact: true })).toBeVisible();
    await reader.goBack();
    await reader.getByLabel('Comment', { exact: true }).fill(`Posted without scripts ${unique()}`);
    await reader.getByLabel('Name').fill('Noel Script');
    await reader.getByLabel('Email').fill('noel@example.com');
    await reader.getByRole('button', { name: 'Post comment' }).click();
    await expect(reader.getByText(/awaiting moderation/)).toBeVisible();
    await expect(reader.getByRole('link', { name: 'Back to the article' })).toHaveAttribute('href', `${path}#comments-heading`);
    await noScript.close();
  });

  test('home, section and article pages have no axe violations', async ({ page }) => {
    await page.goto('/');
    await expectNoAxeViolations(page);
    await page.goto('/sections/world');
    await expectNoAxeViolations(page);
    await page.goto(await firstArticlePath(page));
    await expectNoAxeViolations(page);
  });

  test('an unknown article is a helpful 404', async ({ page }) => {
    const res = await page.goto('/articles/no-such-story-here');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('link', { name: 'Go to the front page' })).toBeVisible();
  });
});
