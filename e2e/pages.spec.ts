import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, fillBody, storageStateFor } from './helpers';

test.describe('editor manages pages and menus', () => {
  test.use({ storageState: storageStateFor('editor') });
  // Saves, public renders and axe in both schemes: give a busy machine room.
  test.slow();

  test('creates and publishes an About page, public at /about; reserved addresses are refused', async ({ page }) => {
    await page.goto('/admin/pages');
    await expect(page.getByRole('heading', { name: 'Pages', level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'New page' }).click();
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title', { exact: true }).fill('About');
    await page.getByLabel('Standfirst').fill('Who we are and how we work.');
    await fillBody(page, 'Broadsheet is an independent newsroom on the coast.\n\nWrite to us at newsroom@broadsheet.test.');
    await page.getByLabel('Slug', { exact: true }).fill('search');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('"/search" is one of the site\'s own addresses; choose another slug for this page.').first()).toBeVisible();

    await page.getByLabel('Slug', { exact: true }).fill('about');
    await page.getByLabel('SEO description').fill('About Broadsheet, an independent newsroom.');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText(/^Published\. The page is live/)).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/pages\/[^/]+\?saved=publish$/);
    await expect(page.getByRole('link', { name: 'View page' })).toHaveAttribute('href', '/about');

    // An update is a new revision; the first one can be restored as a new version.
    await page.getByLabel('Standfirst').fill('A draft line we will take back.');
    await page.getByRole('button', { name: 'Update' }).click();
    await expect(page.getByText('Saved. The live page is updated.')).toBeVisible();
    await page.reload();
    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await expect(page.getByText('Revision restored as a new version.')).toBeVisible();
    await expect(page.getByLabel('Standfirst')).toHaveValue('Who we are and how we work.');
    await expectNoAxeViolations(page);

    await page.goto('/about');
    await expect(page.getByRole('heading', { name: 'About', level: 1 })).toBeVisible();
    await expect(page.getByText('Broadsheet is an independent newsroom on the coast.')).toBeVisible();
    await expect(page).toHaveTitle(/About/);
    await expectNoAxeViolations(page);

    // Listed in the dashboard, in the sitemap.
    await page.goto('/admin/pages');
    await expect(page.getByRole('rowheader', { name: 'About' })).toBeVisible();
    const sitemap = await page.request.get('/sitemaps/pages.xml');
    expect(await sitemap.text()).toContain('/about</loc>');
  });

  test('reorders the header menu with the keyboard, and the public header follows', async ({ page }) => {
    await page.goto('/admin/menus');
    await expect(page.getByRole('heading', { name: 'Menus', level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);

    const header = page.getByRole('form', { name: 'Header menu' });
    const up = header.getByRole('button', { name: 'Move “Business” up' });
    await up.focus();
    await page.keyboard.press('Enter');
    // Focus stays on the moved link's button, so it can move again at once.
    await expect(up).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(header.getByRole('group', { name: 'Link 1' }).getByRole('button', { name: 'Move “Business” down' })).toBeVisible();
    await header.getByRole('button', { name: 'Save header menu' }).focus();
    await page.keyboard.press('Enter');
    await expect(header.getByText(/Saved\. The header menu is live/)).toBeVisible();

    await page.goto('/');
    const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    await expect(links.first()).toHaveText('Business');
    await expect(links.nth(1)).toHaveText('World');
    await expect(links.nth(2)).toHaveText('Politics');
  });
});
