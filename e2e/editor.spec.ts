import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, storageStateFor, unique } from './helpers';

test.describe('editor', () => {
  test.use({ storageState: storageStateFor('editor') });

  test('drafts, publishes and views a new article', async ({ page }) => {
    const title = `Harbour ferry returns after winter refit ${unique()}`;
    await page.goto('/admin');
    await page.getByRole('link', { name: 'New article' }).first().click();
    await expect(page.getByRole('heading', { name: 'New article' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Standfirst').fill('The Ardmere crossing reopens on Monday with a quieter engine and a new timetable.');
    await page.getByLabel('Body').fill('The ferry left the dry dock at dawn.\n\nPassengers will notice the quieter engine first, the operator said.');
    await page.getByLabel('Section').selectOption({ label: 'Business' });
    await page.getByLabel('Tags').fill('transport, cities');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/articles\/[a-z0-9]+(\?|$)/);
    await expect(page.getByRole('link', { name: 'View article' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published. The article is live.')).toBeVisible();
    await page.getByRole('link', { name: 'View article' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('The Ardmere crossing reopens on Monday')).toBeVisible();
    await expect(page.getByText(/^By Edith Editor$/)).toBeVisible();
    await expect(page.locator('.article-body p')).toHaveText(['The ferry left the dry dock at dawn.', 'Passengers will notice the quieter engine first, the operator said.']);
    await expect(page.getByRole('list', { name: 'Tags' }).getByRole('link')).toHaveText(['Transport', 'Cities']);

    // It leads the home page as the newest story.
    await page.goto('/');
    await expect(page.locator('main h2').first()).toHaveText(title);
  });

  test('a stale save is refused instead of overwriting a colleague’s change', async ({ page, browser }) => {
    const title = `Council budget vote delayed ${unique()}`;
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Body').fill('First draft.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();
    const editUrl = page.url();

    const other = await browser.newContext({ storageState: storageStateFor('admin') });
    const colleague = await other.newPage();
    await colleague.goto(editUrl);
    await expect(colleague.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await colleague.getByLabel('Body').fill('The colleague’s rewrite.');
    await colleague.getByRole('button', { name: 'Save draft' }).click();
    await expect(colleague.getByText('Draft saved.')).toBeVisible();
    await other.close();

    await page.getByLabel('Body').fill('My competing edit.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Someone else saved this article' })).toBeVisible();
    await expect(page.getByLabel('Body')).toHaveValue('My competing edit.');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await expect(page.getByLabel('Body')).toHaveValue('The colleague’s rewrite.');
  });

  test('a scheduled article goes live on its own at the chosen time', async ({ page, request }) => {
    const title = `Night bus trial begins ${unique()}`;
    const path = `/articles/${title.toLowerCase().replaceAll(' ', '-')}`;
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Body').fill('Three routes will run all night from Friday.');
    await expect(page.getByText('Time zone: Europe/London')).toBeVisible();
    // Six seconds from now, as wall-clock time in the site's zone ("sv-SE" formats as YYYY-MM-DD HH:mm:ss).
    const at = new Date(Date.now() + 6000);
    const wall = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'medium' }).format(at).replace(' ', 'T');
    await page.getByLabel('Publish at').fill(wall);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(page.getByText('Status: Scheduled')).toBeVisible();
    expect((await request.get(path)).status()).toBe(404);

    await expect.poll(async () => (await request.get(path)).status(), { timeout: 15_000, intervals: [250] }).toBe(200);
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime() - 1000);
  });

  test('compares revisions and restores an earlier one', async ({ page }) => {
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(`Library hours extended ${unique()}`);
    await page.getByLabel('Body').fill('The library will open until eight on Thursdays.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Status: Draft · version 1')).toBeVisible();
    await page.getByLabel('Body').fill('The library will open until ten on Thursdays.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Status: Draft · version 2')).toBeVisible();

    await page.getByRole('link', { name: 'Revisions' }).click();
    await expect(page.getByRole('heading', { name: 'Changes from version 1 to version 2' })).toBeVisible();
    await expect(page.locator('del')).toHaveText(' eight');
    await expect(page.locator('ins')).toHaveText(' ten');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await expect(page.getByText('Revision restored as a new version.')).toBeVisible();
    await expect(page.getByLabel('Body')).toHaveValue('The library will open until eight on Thursdays.');
    await expect(page.getByText('Status: Draft · version 3')).toBeVisible();
  });

  test('the editor is axe-clean', async ({ page }) => {
    await page.goto('/admin/articles/new');
    await expectNoAxeViolations(page);
    await page.goto('/admin');
    await expectNoAxeViolations(page);
  });
});

test.describe('author', () => {
  test.use({ storageState: storageStateFor('author') });

  test('can save and submit for review but not publish', async ({ page }) => {
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
    await page.getByLabel('Title').fill(`Tram extension consultation opens ${unique()}`);
    await page.getByLabel('Body').fill('Residents have six weeks to respond.');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.getByText('Submitted for review.')).toBeVisible();
    await expect(page.getByText('Status: In review')).toBeVisible();
  });

  test('cannot open comment moderation', async ({ page }) => {
    await page.goto('/admin/comments');
    await expect(page).toHaveURL(/\/admin\?denied=1/);
    await expect(page.getByText('Your role does not give access to that page.')).toBeVisible();
  });
});
