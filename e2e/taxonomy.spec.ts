import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, storageStateFor, unique } from './helpers';

test.describe('editor manages sections, tags and slugs', () => {
  test.use({ storageState: storageStateFor('editor') });
  // Each test saves, revalidates and runs axe more than once: give a busy CI machine room.
  test.slow();

  test('adds, describes and reorders a section', async ({ page }) => {
    const name = `Climate ${unique()}`;
    await page.goto('/admin/sections');
    await expect(page.getByRole('heading', { name: 'Sections', level: 1 })).toBeVisible();
    const add = page.getByRole('form', { name: 'Add a section' });
    await add.getByLabel('Name').fill(name);
    await add.getByLabel('Slug (optional)').fill('Not A Slug');
    await add.getByRole('button', { name: 'Add section' }).click();
    await expect(add.getByText('Use lowercase letters, digits and single hyphens')).toBeVisible();
    await add.getByLabel('Slug (optional)').fill('');
    await add.getByLabel('Description').fill('Weather, energy and the planet.');
    await add.getByRole('button', { name: 'Add section' }).click();
    await expect(add.getByText(`Section “${name}” added`)).toBeVisible();

    const card = page.getByRole('region', { name: `Section ${name}` });
    await expect(card.getByLabel('Description')).toHaveValue('Weather, energy and the planet.');
    await card.getByRole('button', { name: `Move ${name} up` }).click();
    await expect(page.getByText(new RegExp(`“${name}” is now number \\d+ in the navigation`))).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('renames a tag and merges another into it', async ({ page }) => {
    const id = unique();
    const [from, into] = [`Ferries ${id}`, `Boats ${id}`];
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(`Tagged story ${id}`);
    await page.getByLabel('Tags').fill(`${from}, ${into}`);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();

    await page.goto('/admin/tags');
    const target = page.getByRole('region', { name: `Tag ${into}` });
    await target.getByLabel('Description').fill('Everything that floats.');
    await target.getByRole('button', { name: `Save tag ${into}` }).click();
    await expect(target.getByText(`Tag “${into}” saved.`)).toBeVisible();

    const merge = page.getByRole('form', { name: 'Merge tags' });
    await merge.getByLabel('Merge this tag').selectOption({ label: `${from} (1)` });
    await merge.getByLabel('Into this tag').selectOption({ label: `${into} (1)` });
    await merge.getByRole('button', { name: 'Merge tags' }).click();
    await expect(page.getByText(`Merged “${from}” into “${into}” (1 article).`)).toBeVisible();
    await page.reload();
    await expect(page.getByRole('region', { name: `Tag ${from}` })).toHaveCount(0);
    await expect(page.getByRole('region', { name: `Tag ${into}` })).toContainText('1 articles');
    await expectNoAxeViolations(page);
  });

  test('changing a slug redirects the old address to the new one', async ({ page }) => {
    const id = unique();
    const title = `Lighthouse keeper retires ${id}`;
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Body').fill('After forty years, the lamp is automated.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published. The article is live.')).toBeVisible();
    await page.reload();
    const oldSlug = await page.getByLabel('Slug').inputValue();

    await page.getByLabel('Slug').fill('Bad Slug');
    await page.getByRole('button', { name: 'Change slug' }).click();
    await expect(page.getByText('Use lowercase letters, digits and single hyphens').first()).toBeVisible();
    await page.getByLabel('Slug').fill(`keeper-retires-${id}`);
    await page.getByRole('button', { name: 'Change slug' }).click();
    await expect(page.getByText(`Slug changed. The old address now redirects to /articles/keeper-retires-${id}.`)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(`/articles/${oldSlug}`);
    await expect(page).toHaveURL(new RegExp(`/articles/keeper-retires-${id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });
});
