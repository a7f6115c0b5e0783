import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, fillBody, storageStateFor, unique } from './helpers';

/** Creates a draft through the editor and returns its edit URL. */
async function createDraft(page: Page, title: string, body = 'A paragraph for the draft.') {
  await page.goto('/admin/articles/new');
  await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
  await page.getByLabel('Title').fill(title);
  // On a loaded machine the rich-text editor can still be starting when typing begins: type until it holds the text.
  await expect(async () => {
    await fillBody(page, body);
    await expect(page.getByLabel('Body')).toContainText(body, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft saved.')).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/articles\/[a-z0-9]+(\?|$)/);
  return page.url().split('?')[0]!;
}

test.describe('editor workflow', () => {
  test.use({ storageState: storageStateFor('editor') });

  test('filters the articles list and archives a selection in chunks with progress', async ({ page }) => {
    test.setTimeout(240_000); // creates three drafts through the editor on a shared, busy machine
    const token = `Bulkfind${unique()}`;
    for (const n of [1, 2, 3]) await createDraft(page, `Lighthouse keeper ${n} ${token}`);

    await page.goto('/admin');
    await page.getByLabel('Search titles').fill(token.toLowerCase());
    await page.getByLabel('Status').selectOption({ label: 'Draft' });
    await page.getByLabel('Sort by').selectOption({ label: 'Title (A–Z)' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/[?&]status=DRAFT/);
    await expect(page.getByRole('status').filter({ hasText: 'Showing 1–3 of 3 articles' })).toBeVisible();
    await expect(page.locator('tbody tr td:nth-child(2)')).toHaveText([`Lighthouse keeper 1 ${token}`, `Lighthouse keeper 2 ${token}`, `Lighthouse keeper 3 ${token}`]);
    await expectNoAxeViolations(page);

    await page.getByLabel('Select all articles on this page').check();
    await page.getByRole('button', { name: 'Archive selected' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Archived 3 of 3.' })).toBeVisible();

    // The filtered list (drafts) no longer holds them; the archived filter does.
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'No articles match these filters.' })).toBeVisible();
    await page.getByLabel('Status').selectOption({ label: 'Archived' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Showing 1–3 of 3 articles' })).toBeVisible();
  });

  test('a preview link shows the draft to someone without an account; a forged link is refused', async ({ page, browser }) => {
    test.setTimeout(150_000); // a draft through the editor, then a second browser context
    const title = `Night ferry timetable leaked ${unique()}`;
    await createDraft(page, title, 'The draft body nobody has published yet.');
    await page.getByRole('button', { name: 'Copy preview link' }).click();
    const link = await page.getByLabel('Preview link').inputValue();
    expect(link).toMatch(/\/preview\/[^/]+$/);

    const anonymous = await browser.newContext(); // no storage state: signed out
    const reader = await anonymous.newPage();
    await reader.goto(link);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(reader.getByText(/^Preview — not published/)).toBeVisible();
    await expect(reader.locator('.article-body p')).toHaveText(['The draft body nobody has published yet.']);
    await expect(reader.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expectNoAxeViolations(reader);

    // Changing one character of the signature breaks it.
    const forged = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
    await reader.goto(forged);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('This preview link is not valid');
    await expect(reader.getByText(title)).toHaveCount(0);
    await anonymous.close();
  });

  test('byline order, SEO fields with live preview, and closed comments reach the public page', async ({ page }) => {
    test.setTimeout(150_000); // a draft, two details saves, a publish and the public page
    const title = `Harbour wall repairs begin ${unique()}`;
    await createDraft(page, title);
    const details = page.getByRole('form', { name: 'Article details' });
    await details.getByLabel('Add an author').selectOption({ label: 'Arthur Author' });
    await details.getByRole('button', { name: 'Add to byline' }).click();
    await details.getByRole('button', { name: 'Move up: Arthur Author' }).click();
    await expect(details.getByRole('list', { name: 'Byline order' }).getByRole('listitem')).toHaveText([/1\. Arthur Author/, /2\. Edith Editor/]);

    await details.getByLabel('SEO headline').fill('Harbour wall: what the repairs mean for you');
    await expect(details.getByText(/^43 \/ ~60 characters/)).toBeVisible();
    await expect(page.getByRole('figure', { name: 'Search result preview' })).toContainText('Harbour wall: what the repairs mean for you');
    await details.getByLabel('SEO summary').fill('Works start on Monday.');
    await expect(page.getByRole('figure', { name: 'Social card preview' })).toContainText('Works start on Monday.');
    await details.getByLabel('Canonical URL').fill('not a url');
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect(details.getByText('Enter a full web address starting with https://')).toBeVisible();
    await details.getByLabel('Canonical URL').fill('');
    await details.getByLabel('Comments open').uncheck();
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect(details.getByRole('status').filter({ hasText: 'Details saved.' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published. The article is live.')).toBeVisible();
    await page.getByRole('link', { name: 'View article' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText(/^By Arthur Author and Edith Editor$/)).toBeVisible();
    await expect(page.getByText('Comments are closed on this article.')).toBeVisible();
    await expect(page).toHaveTitle(/Harbour wall: what the repairs mean for you/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', 'Works start on Monday.');
  });

  test('an editor archives a published article (readers get a 410) and restores it as a draft', async ({ page }) => {
    test.setTimeout(150_000); // a draft, a publish, archive, restore
    const title = `Pier closed for inspection ${unique()}`;
    const editUrl = await createDraft(page, title);
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published. The article is live.')).toBeVisible();
    const publicPath = await page.getByRole('link', { name: 'View article' }).getAttribute('href');

    await page.getByRole('button', { name: 'Archive article' }).click();
    await expect(page.getByText('Archived. The article is no longer on the site.')).toBeVisible();
    await expect(page.getByText('Status: Archived')).toBeVisible();
    expect((await page.request.get(publicPath!)).status()).toBe(410);

    await page.getByRole('button', { name: 'Restore to draft' }).click();
    await expect(page.getByText('Restored from the archive as a draft.')).toBeVisible();
    await expect(page.getByText('Status: Draft')).toBeVisible();
    expect(page.url()).toContain(editUrl);
  });

  test('an editor deletes an archived draft for good, after typing delete to confirm', async ({ page }) => {
    test.setTimeout(120_000);
    const title = `Duplicate notice ${unique()}`;
    const editUrl = await createDraft(page, title);
    await page.getByRole('button', { name: 'Archive article' }).click();
    await expect(page.getByText('Status: Archived')).toBeVisible();

    await page.getByLabel('Type delete to confirm').fill('yes');
    await page.getByRole('button', { name: 'Delete permanently' }).click();
    await expect(page.getByText('Type delete to confirm; nothing was deleted.').first()).toBeVisible();
    await expect(page.getByText('Status: Archived')).toBeVisible();

    await page.getByLabel('Type delete to confirm').fill('delete');
    await page.getByRole('button', { name: 'Delete permanently' }).click();
    await expect(page).toHaveURL(/\/admin\?deleted=1$/);
    await expect(page.getByText('The article was deleted permanently.')).toBeVisible();
    expect(editUrl).toContain('/admin/articles/');
    await page.goto(`/admin?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole('status').filter({ hasText: 'No articles match these filters.' })).toBeVisible();
  });
});
