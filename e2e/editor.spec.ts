import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, fillBody, storageStateFor, unique, withoutWebSocket } from './helpers';

test.describe('editor', () => {
  test.beforeEach(({ context }) => withoutWebSocket(context));
  test.use({ storageState: storageStateFor('editor') });

  test('drafts, publishes and views a new article', async ({ page }) => {
    const title = `Harbour ferry returns after winter refit ${unique()}`;
    await page.goto('/admin');
    await page.getByRole('link', { name: 'New article' }).first().click();
    await expect(page.getByRole('heading', { name: 'New article' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Standfirst').fill('The Ardmere crossing reopens on Monday with a quieter engine and a new timetable.');
    await fillBody(page, 'The ferry left the dry dock at dawn.\n\nPassengers will notice the quieter engine first, the operator said.');
    await page.getByLabel('Section').selectOption({ label: 'Business' });
    await page.getByLabel('Tags').fill('transport, cities');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/articles\/[a-z0-9]+(\?|$)/);
    await expect(page.getByRole('link', { name: 'View article' })).toHaveCount(0);

    // After a reload nothing is offered back (the server has it all, tags spelt as the newsroom spells them), and autosave goes on.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await expect(page.getByLabel('Tags')).toHaveValue('Transport, Cities');
    await page.getByLabel('Standfirst').fill('The Ardmere crossing reopens on Monday with a quieter engine.');
    await expect(page.getByRole('status', { name: 'Autosave' })).toHaveText('Unsaved changes');
    await expect(page.getByRole('status', { name: 'Autosave' })).toHaveText('Saved');
    await expect(page.getByRole('heading', { name: 'Unsaved changes found in this browser' })).toHaveCount(0);

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
    test.slow(); // three browser contexts and two rounds of conflicting saves
    const title = `Council budget vote delayed ${unique()}`;
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(title);
    await fillBody(page, 'First draft.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();
    const editUrl = page.url();

    const other = await browser.newContext({ storageState: storageStateFor('admin') });
    await withoutWebSocket(other);
    const colleague = await other.newPage();
    await colleague.goto(editUrl);
    await expect(colleague.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await fillBody(colleague, 'The colleague’s rewrite.');
    await colleague.getByRole('button', { name: 'Save draft' }).click();
    await expect(colleague.getByText('Draft saved.')).toBeVisible();
    await other.close();

    await fillBody(page, 'My competing edit.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Someone else saved this article' })).toBeVisible();
    await expect(page.getByLabel('Body')).toHaveText('My competing edit.');
    // Their change is shown beside mine, field by field, and nothing is overwritten until I choose.
    const compare = page.getByRole('region', { name: 'Compare before saving' });
    await expect(compare.getByRole('columnheader')).toHaveText([/^Their version \(version \d+\)$/, 'Your version']);
    await expect(compare.getByRole('row', { name: /^Text/ }).getByRole('cell')).toHaveText(['The colleague’s rewrite.', 'My competing edit.']);
    await expectNoAxeViolations(page);

    const reader = await page
      .context()
      .browser()!
      .newContext({ storageState: storageStateFor('editor') });
    await withoutWebSocket(reader);
    const check = await reader.newPage();
    await check.goto(editUrl);
    await expect(check.getByLabel('Body')).toHaveText('The colleague’s rewrite.');

    await page.getByRole('button', { name: 'Use theirs' }).click();
    await expect(page.getByLabel('Body')).toHaveText('The colleague’s rewrite.');
    await expect(compare).toHaveCount(0);

    // A second round: this time I keep mine, saved on top of their version.
    await check.reload();
    await fillBody(check, 'Yet another rewrite.');
    await check.getByRole('button', { name: 'Save draft' }).click();
    await expect(check.getByText('Draft saved.')).toBeVisible();
    await fillBody(page, 'My edit, kept on purpose.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(compare.getByRole('row', { name: /^Text/ }).getByRole('cell').first()).toHaveText('Yet another rewrite.');
    await page.getByRole('button', { name: 'Keep mine' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();
    await check.reload();
    await expect(check.getByLabel('Body')).toHaveText('My edit, kept on purpose.');
    await reader.close();
  });

  test('autosaves after a pause, and keeps changes locally while offline', async ({ page, context }) => {
    test.slow(); // waits out the autosave pause three times
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(`Library opening hours extended ${unique()}`);
    await fillBody(page, 'Branches will open until eight.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/articles\/[a-z0-9]+(\?|$)/);
    const editUrl = page.url().replace(/\?.*$/, '');
    const autosave = page.getByRole('status', { name: 'Autosave' });

    // No button: a pause in typing saves.
    await fillBody(page, 'Branches will open until eight on weekdays.');
    await expect(autosave).toHaveText('Unsaved changes');
    await expect(autosave).toHaveText('Saved');
    await expect(page.getByText('Status: Draft · version 2')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Body')).toHaveText('Branches will open until eight on weekdays.');

    // Offline: the change stays in this browser, and is offered back after the tab is closed.
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await context.setOffline(true);
    await fillBody(page, 'Written on the train with no signal.');
    await expect(autosave).toHaveText('Offline — changes kept locally');
    await page.close();
    await context.setOffline(false);

    const back = await context.newPage();
    await back.goto(editUrl);
    await expect(back.getByLabel('Body')).toHaveText('Branches will open until eight on weekdays.');
    await back.getByRole('button', { name: 'Restore unsaved changes' }).click();
    await expect(back.getByLabel('Body')).toHaveText('Written on the train with no signal.');
    await expect(back.getByRole('status', { name: 'Autosave' })).toHaveText('Saved');
    await back.reload();
    await expect(back.getByLabel('Body')).toHaveText('Written on the train with no signal.');
    await expect(back.getByRole('button', { name: 'Restore unsaved changes' })).toHaveCount(0);
  });

  test('formats the body with the toolbar and renders it safely for readers', async ({ page }) => {
    const title = `Toolbar story ${unique()}`;
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Body').click();
    await page.getByRole('button', { name: 'Heading 2' }).click();
    await page.keyboard.type('What changes');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Plain words and ');
    await page.keyboard.press('ControlOrMeta+B');
    await page.keyboard.type('bold words');
    await page.keyboard.press('ControlOrMeta+B');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Pull quote' }).click();
    await page.keyboard.type('A quote to remember');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Embed' }).click();
    await page.getByLabel('Embed URL').fill('https://youtu.be/dQw4w9WgXcQ');
    await page.getByRole('button', { name: 'Insert embed' }).click();
    await expect(page.getByText(/\d+ words · 1 min read/)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published. The article is live.')).toBeVisible();
    await page.getByRole('link', { name: 'View article' }).click();

    const body = page.locator('.article-body');
    await expect(body.getByRole('heading', { level: 2, name: 'What changes' })).toBeVisible();
    await expect(body.locator('strong')).toHaveText('bold words');
    await expect(body.locator('blockquote.pull-quote')).toHaveText('A quote to remember');
    const player = body.locator('iframe');
    await expect(player).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    await expect(player).toHaveAttribute('title', 'YouTube video');
    await expect(player).toHaveAttribute('sandbox', /allow-scripts/);
  });

  test('a scheduled article goes live on its own at the chosen time', async ({ page, request }) => {
    const title = `Night bus trial begins ${unique()}`;
    const path = `/articles/${title.toLowerCase().replaceAll(' ', '-')}`;
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(title);
    await fillBody(page, 'Three routes will run all night from Friday.');
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
    await fillBody(page, 'The library will open until eight on Thursdays.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText(/Status: Draft · version \d+/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await fillBody(page, 'The library will open until ten on Thursdays.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();

    await page.getByRole('link', { name: 'Revisions' }).click();
    await page.getByLabel('From', { exact: true }).selectOption({ label: 'Version 1' });
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByRole('heading', { name: /^Changes from version 1 to version \d+$/ })).toBeVisible();
    await expect(page.locator('del')).toHaveText(' eight');
    await expect(page.locator('ins')).toHaveText(' ten');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await expect(page.getByText('Revision restored as a new version.')).toBeVisible();
    await expect(page.getByLabel('Body')).toHaveText('The library will open until eight on Thursdays.');
  });

  test('the editor is axe-clean', async ({ page }) => {
    await page.goto('/admin/articles/new');
    await expectNoAxeViolations(page);
    await page.goto('/admin');
    await expectNoAxeViolations(page);
  });
});

test.describe('author', () => {
  test.beforeEach(({ context }) => withoutWebSocket(context));
  test.use({ storageState: storageStateFor('author') });

  test('can save and submit for review but not publish', async ({ page }) => {
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
    await page.getByLabel('Title').fill(`Tram extension consultation opens ${unique()}`);
    await fillBody(page, 'Residents have six weeks to respond.');
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
