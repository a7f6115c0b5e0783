// Corrections and breaking-news alerts, through the dashboard and on readers' pages.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, fillBody, storageStateFor, unique } from './helpers';

/** Publishes a new article through the editor and returns its editor URL and public path. */
async function publishArticle(page: Page, title: string) {
  await page.goto('/admin/articles/new');
  await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Standfirst').fill('The council voted on Tuesday night.');
  await fillBody(page, 'The vote passed by nine to four.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Published. The article is live.')).toBeVisible();
  const path = await page.getByRole('link', { name: 'View article' }).getAttribute('href');
  return { editUrl: page.url().split('?')[0]!, path: path! };
}

async function readerPage(browser: Browser, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

test.describe('corrections', () => {
  test.use({ storageState: storageStateFor('editor') });

  test('an editor adds a correction; it shows on the page, in the JSON-LD and in the corrections column', async ({ page }) => {
    test.slow(); // three screens, each checked by axe in both schemes
    const title = `Council budget passes ${unique()}`;
    const { editUrl, path } = await publishArticle(page, title);
    // The fix itself, then the note that tells readers about it.
    await page.goto(editUrl);
    await fillBody(page, 'The vote passed by nine to four.\n\nThe budget takes effect in April.');
    await page.getByRole('button', { name: 'Update' }).click();
    await expect(page.getByText('Saved. The live article is updated.')).toBeVisible();
    await page.goto(editUrl);
    const panel = page.getByRole('region', { name: 'Corrections' });
    await panel.getByLabel('Type', { exact: true }).selectOption({ label: 'Correction' });
    await panel.getByLabel('Note', { exact: true }).fill('An earlier version said the vote passed by ten to three.');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await expect(panel.getByText('Correction added. Readers see it under the article.')).toBeVisible();
    await expect(panel.getByRole('list', { name: 'Notes on this article' })).toContainText('An earlier version said the vote passed by ten to three.');
    await expect(panel.getByRole('link', { name: /^Changes in version \d+$/ })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(path);
    const block = page.getByRole('region', { name: 'Corrections and updates' });
    await expect(block).toContainText('Correction');
    await expect(block).toContainText('An earlier version said the vote passed by ten to three.');
    await expect(block.locator('time[datetime]')).toHaveCount(1);
    const jsonLd = await page.locator('script[type="application/ld+json"]').first().textContent();
    const article = JSON.parse(jsonLd!)[0];
    expect(article.correction).toEqual([expect.objectContaining({ '@type': 'CorrectionComment', text: expect.stringContaining('ten to three') })]);
    expect(article.dateModified).toBeTruthy();
    await expectNoAxeViolations(page);

    await page.goto('/corrections');
    await expect(page.getByRole('heading', { level: 1, name: 'Corrections' })).toBeVisible();
    await expect(page.getByRole('link', { name: title })).toHaveAttribute('href', path);
    await expectNoAxeViolations(page);
    const feed = await page.request.get('/corrections/rss.xml');
    expect(feed.headers()['content-type']).toContain('application/rss+xml');
    expect(await feed.text()).toContain(`Correction: ${title}`);

    // Withdrawn: still on the article, marked, and gone from the column.
    await page.goto(editUrl);
    await panel.getByRole('button', { name: /^Withdraw correction/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Withdraw correction/ })
      .click();
    await expect(panel.getByText(/^Withdrawn /)).toBeVisible();
    await page.goto(path);
    await expect(page.getByRole('region', { name: 'Corrections and updates' })).toContainText('Withdrawn');
    await page.goto('/corrections');
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  });
});

test.describe('breaking-news alerts', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ storageState: storageStateFor('editor') });

  test('an alert reaches a page already open and a cached page, is dismissed, then ends', async ({ page, browser }) => {
    test.slow(); // three browser contexts
    const reader = await readerPage(browser, '/');
    await expect(reader.locator('main')).toBeVisible();

    await page.goto('/admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Alerts' }).click();
    await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
    const text = `Storm warning for the coast ${unique()}`;
    await page.getByLabel('Text', { exact: true }).fill(text);
    await page.getByLabel('Link (optional)').fill('/corrections');
    await page.getByLabel('Level', { exact: true }).selectOption({ label: 'Breaking' });
    await page.getByRole('button', { name: 'Publish alert' }).click();
    const published = Date.now();
    await expect(page.getByText('Alert published. It is showing on every page.')).toBeVisible();

    // The page that was already open shows it within 2 s, without a reload.
    const banner = reader.getByRole('region', { name: 'Breaking news' });
    await expect(banner).toContainText(text, { timeout: 2000 });
    console.log(`alert on an open page ${Date.now() - published} ms after "Publish alert"`);
    await expect(banner.getByRole('link', { name: text })).toHaveAttribute('href', '/corrections');
    await expectNoAxeViolations(reader);

    // A cached page loaded now shows it too.
    const later = await readerPage(browser, '/');
    await expect(later.getByRole('region', { name: 'Breaking news' })).toContainText(text);

    // Dismissed: gone, and it stays gone in this browser.
    await reader.getByRole('button', { name: 'Dismiss alert' }).click();
    await expect(banner).toHaveCount(0);
    await reader.reload();
    await expect(reader.locator('main')).toBeVisible();
    await expect(reader.getByRole('region', { name: 'Breaking news' })).toHaveCount(0);

    await expectNoAxeViolations(page);
    const row = page.getByRole('row', { name: new RegExp(text) });
    await row.getByRole('button', { name: 'End alert' }).click();
    await expect(row.getByRole('cell', { name: 'Ended' })).toBeVisible();
    await expect(later.getByRole('region', { name: 'Breaking news' })).toHaveCount(0, { timeout: 2000 });
    await later.context().close();
    await reader.context().close();
  });

  test('the alert form says what is wrong and publishes nothing', async ({ page }) => {
    await page.goto('/admin/alerts');
    await page.getByLabel('Link (optional)').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Publish alert' }).click();
    await expect(page.getByText('Write the alert readers will see.')).toBeVisible();
    await expect(page.getByText('Enter a path on this site such as /articles/storm, or a full https:// address.')).toBeVisible();
  });
});
