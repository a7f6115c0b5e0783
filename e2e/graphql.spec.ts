import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, storageStateFor } from './helpers';

test.describe('editor reads the GraphQL schema and runs a query', () => {
  test.use({ storageState: storageStateFor('editor') });

  test('the GraphQL explorer answers a query with the session, and its Docs pane inserts fields', async ({ page }) => {
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
    await expect(result).toContainText(/Answered in \d+ ms/);
    await expectNoAxeViolations(page);

    // The Docs pane: find a type, open it, insert a field into the query, run it from the keyboard.
    const query = page.getByLabel('Query', { exact: true });
    await query.fill('{ sections(first: 1) { nodes { name  } } }');
    await query.press('End');
    for (let i = 0; i < 6; i++) await query.press('ArrowLeft');
    await page.getByLabel('Find a type or field').fill('Section');
    await page.getByRole('button', { name: 'Insert slug into the query' }).first().click();
    await expect(query).toHaveValue(/name slug/);
    await query.press('Control+Enter');
    await expect(result).toContainText('"slug"');
  });
});
