import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, storageStateFor } from './helpers';

test.describe('editor reads the GraphQL schema and runs a query', () => {
  test.use({ storageState: storageStateFor('editor') });

  test('GraphiQL runs a query with the session, documents the schema, and works under the dashboard’s CSP', async ({ page }) => {
    // axe reads Monaco's editors in both colour schemes, which takes a while on a busy machine.
    test.setTimeout(120_000);
    // Anything the CSP blocks (a worker, a style, a script) or Monaco falling back from its workers shows up here.
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to|Could not create web worker/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'GraphQL' }).click();
    await expect(page.getByRole('heading', { name: 'GraphQL API', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Schema (SDL)' })).toBeVisible();
    await expect(page.getByText('type ArticleConnection {')).toBeVisible();

    // A query in the address opens in GraphiQL's editor; running it answers with the session (no key).
    await page.goto(`/admin/api/graphql?query=${encodeURIComponent('{ sections(first: 2) { nodes { name slug } } }')}`);
    const graphiql = page.getByRole('region', { name: 'GraphiQL' });
    await expect(graphiql.locator('.graphiql-query-editor')).toContainText('sections(first: 2)');
    await graphiql.getByRole('button', { name: /^Execute query/ }).click();
    const response = graphiql.locator('.graphiql-response');
    await expect(response).toContainText('"sections"');
    await expect(response).toContainText('"cost"');

    // Edited from the keyboard (Monaco, its language worker running) and run with Ctrl+Enter.
    await graphiql.locator('.graphiql-query-editor .monaco-editor').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{ tags(first: 1) { nodes { slug } } }');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(response).toContainText('"tags"');

    // The Docs pane reads the schema the page handed over: Query, then one of its fields.
    await graphiql.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = graphiql.getByRole('region', { name: 'Documentation Explorer' });
    await docs.getByRole('link', { name: 'Query' }).click();
    await expect(docs.getByRole('link', { name: 'articles' })).toBeVisible();

    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
  });
});
