import { expect, test } from '@playwright/test';
import { SEEDED_ARTICLE, expectNoAxeViolations, openAccountMenu, storageStateFor } from './helpers';

test.describe('the dashboard shell', () => {
  test.use({ storageState: storageStateFor('editor') });

  test('the overview, old list links, and the command palette from the keyboard', async ({ page }) => {
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    for (const name of ['Stories in review', 'Next scheduled', 'Pending comments', 'My drafts', 'Recently published']) await expect(page.getByRole('region', { name })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Recently published' }).getByRole('link', { name: SEEDED_ARTICLE.title })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page);

    // The list moved; bookmarks of the old address keep their filters.
    await page.goto('/admin?status=DRAFT&q=harbour');
    await expect(page).toHaveURL(/\/admin\/articles\?status=DRAFT&q=harbour$/);
    await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Articles' })).toHaveAttribute('aria-current', 'page');

    // Ctrl+K: a screen by name, from the keyboard.
    await page.keyboard.press('ControlOrMeta+k');
    const palette = page.getByRole('dialog', { name: 'Jump to' });
    const input = palette.getByRole('combobox', { name: 'Find a screen or an article' });
    await expect(input).toBeFocused();
    await input.fill('audit');
    await expect(palette.getByRole('option', { name: /Audit log/ })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  });

  test('the command palette finds an article by title, and Escape gives focus back', async ({ page }) => {
    await page.goto('/admin');
    const palette = page.getByRole('dialog', { name: 'Jump to' });
    const input = palette.getByRole('combobox', { name: 'Find a screen or an article' });
    // The button: an article by its title, chosen with the arrow keys.
    await page.getByRole('button', { name: /^Jump to/ }).click();
    await input.fill(SEEDED_ARTICLE.title.split(' ').slice(0, 3).join(' '));
    const found = palette.getByRole('option', { name: new RegExp(SEEDED_ARTICLE.title) });
    await expect(found).toBeVisible();
    await expectNoAxeViolations(page);
    const options = palette.getByRole('option');
    const index = (await options.allTextContents()).findIndex((t) => t.includes(SEEDED_ARTICLE.title));
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await expect(found).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveValue(SEEDED_ARTICLE.title);

    // Escape closes it and gives focus back.
    const opener = page.getByRole('button', { name: /^Jump to/ });
    await opener.click();
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('a chosen theme is remembered and applied before the first paint, on dashboard and public pages', async ({ page }) => {
    // What <html> says when the document is parsed, before any script of the app has run.
    await page.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => ((window as unknown as { themeAtParse: string | null }).themeAtParse = document.documentElement.getAttribute('data-theme'))),
    );
    await page.goto('/admin');
    await openAccountMenu(page);
    await page.getByRole('group', { name: 'Colour theme' }).getByRole('button', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const themeAtParse = () => page.evaluate(() => (window as unknown as { themeAtParse: string | null }).themeAtParse);

    await page.goto('/');
    expect(await themeAtParse()).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    await expect(page.getByRole('contentinfo').getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');

    // Back to System: the page follows the OS again.
    await page.getByRole('contentinfo').getByRole('button', { name: 'System' }).click();
    await page.reload();
    expect(await themeAtParse()).toBeNull();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(background);
  });

  test('on a phone the sidebar opens behind Menu and closes with Escape', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/admin');
    const nav = page.getByRole('navigation', { name: 'Dashboard' });
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Articles' })).toBeVisible();
    await nav.getByRole('link', { name: 'Articles' }).focus();
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
    await menu.click();
    await nav.getByRole('link', { name: 'Media' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Media library' })).toBeVisible();
    await expect(nav).toBeHidden();
  });
});
