import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, storageStateFor } from './helpers';

test.describe('editor reads the GraphQL schema and runs a query', () => {
  test.use({ storageState: storageStateFor('editor') });

  test('the GraphQL page shows the SDL and answers a query', async ({ page }) => {
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'GraphQL' }).click();
    await expect(page.getByRole('heading', { name: 'GraphQL API', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Schema (SDL)' })).toBeVisible();
    await expect(page.getByText('type ArticleConnection {')).toBeVisible();

    await page.getByLabel('Query', { exact: true }).fill('{ sections(first: 2) { nodes { name slug } } }');
    await page.getByRole('button', { name: 'Run query' }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await expect(result).toContainText('"sections"');
    await expect(result).toContainText('"cost"');
    await expectNoAxeViolations(page);
  });
});
