import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { expectNoAxeViolations, fillBody, storageStateFor, unique, withoutWebSocket } from './helpers';

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
  test.beforeEach(({ context }) => withoutWebSocket(context));
  test.use({ storageState: storageStateFor('editor') });

  test('filters the articles list and archives a selection in chunks with progress', async ({ page }) => {
    test.setTimeout(240_000); // creates three drafts through the editor on a shared, busy machine
    const token = `Bulkfind${unique()}`;
    for (const n of [1, 2, 3]) await createDraft(page, `Lighthouse keeper ${n} ${token}`);

    await page.goto('/admin/articles');
    await page.getByLabel('Search titles').fill(token.toLowerCase());
    await page.getByLabel('Status').selectOption({ label: 'Draft' });
    await page.getByLabel('Sort by').selectOption({ label: 'Title (A–Z)' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/[?&]status=DRAFT/);
    await expect(page.getByRole('status').filter({ hasText: 'Showing 1–3 of 3 articles' })).toBeVisible();
    await expect(page.locator('tbody tr > :nth-child(2)')).toHaveText([`Lighthouse keeper 1 ${token}`, `Lighthouse keeper 2 ${token}`, `Lighthouse keeper 3 ${token}`]);
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

  test('two people save the same article’s details: the second sees the first’s values and chooses', async ({ page, browser }) => {
    test.setTimeout(240_000); // a draft, two browser contexts, two rounds of conflicting details saves, an axe scan
    const editUrl = await createDraft(page, `Tram depot plans revealed ${unique()}`);
    const other = await browser.newContext({ storageState: storageStateFor('admin') });
    await withoutWebSocket(other);
    const colleague = await other.newPage();
    await colleague.goto(editUrl);
    // Both panels are open on the same details before either saves.
    const mine = page.getByRole('form', { name: 'Article details' });
    const theirs = colleague.getByRole('form', { name: 'Article details' });
    await expect(theirs.getByRole('button', { name: 'Save details' })).toBeEnabled();

    await mine.getByLabel('SEO headline').fill('Tram depot: the editor’s headline');
    await mine.getByRole('button', { name: 'Save details' }).click();
    await expect(mine.getByRole('status').filter({ hasText: 'Details saved.' })).toBeVisible();

    await theirs.getByLabel('SEO headline').fill('Tram depot: the admin’s headline');
    await theirs.getByLabel('Comments open').uncheck();
    await theirs.getByRole('button', { name: 'Save details' }).click();
    await expect(theirs.getByRole('alert')).toContainText(/^Edith Editor changed these details on .+ \(Europe\/London time\), after you opened them\. Nothing was saved\./);
    const compare = colleague.getByRole('region', { name: 'Compare details before saving' });
    await expect(compare.getByRole('columnheader')).toHaveText(['Theirs (saved by Edith Editor)', 'Yours (not saved)']);
    await expect(compare.getByRole('row', { name: /SEO headline/ }).getByRole('cell')).toHaveText(['Tram depot: the editor’s headline', 'Tram depot: the admin’s headline']);
    await expect(compare.getByRole('row', { name: /Comments/ }).getByRole('cell')).toHaveText(['Open', 'Closed']);
    await expect(theirs.getByRole('button', { name: 'Save details' })).toBeDisabled();
    await expectNoAxeViolations(colleague);

    // Nothing was overwritten: a fresh look at the article has the first save.
    await page.reload();
    await expect(mine.getByLabel('SEO headline')).toHaveValue('Tram depot: the editor’s headline');

    // "Use their details" reloads the panel with them.
    await theirs.getByRole('button', { name: 'Use their details' }).click();
    await expect(compare).toHaveCount(0);
    await expect(theirs.getByLabel('SEO headline')).toHaveValue('Tram depot: the editor’s headline');
    await expect(theirs.getByLabel('Comments open')).toBeChecked();
    await expect(theirs.getByRole('status')).toHaveText('Loaded the details Edith Editor saved. Your changes were set aside.');

    // Second round: the editor saves again, and this time the admin keeps theirs on top.
    await mine.getByLabel('SEO summary').fill('The editor’s summary.');
    await mine.getByRole('button', { name: 'Save details' }).click();
    await expect(mine.getByRole('status').filter({ hasText: 'Details saved.' })).toBeVisible();
    await theirs.getByLabel('SEO headline').fill('Tram depot: kept on purpose');
    await theirs.getByRole('button', { name: 'Save details' }).click();
    await expect(compare.getByRole('row', { name: /SEO summary/ }).getByRole('cell')).toHaveText(['The editor’s summary.', '—']);
    await theirs.getByRole('button', { name: 'Keep my details' }).click();
    await expect(theirs.getByRole('status').filter({ hasText: 'Details saved.' })).toBeVisible();
    await expect(compare).toHaveCount(0);
    await page.reload();
    await expect(mine.getByLabel('SEO headline')).toHaveValue('Tram depot: kept on purpose');
    await expect(mine.getByLabel('SEO summary')).toHaveValue('');
    await other.close();
  });

  test('choosing only a hero image autosaves, is kept locally offline, and survives a reload', async ({ page, context }) => {
    test.setTimeout(240_000); // an upload, image processing and three autosave pauses
    // Created by autosave alone (as in media.spec), then opened at its own address.
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(`Lido reopens for the summer ${unique()}`);
    await fillBody(page, 'The pool opens on Saturday.');
    await expect(page).toHaveURL(/\/admin\/articles\/[a-z0-9]{20,}$/, { timeout: 30_000 });
    const autosave = page.getByRole('status', { name: 'Autosave' });
    await expect(autosave).toHaveText('Saved');
    const editUrl = page.url();
    await page.goto(editUrl);
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await expect(page.getByLabel('Body')).toContainText('The pool opens on Saturday.');
    await expect(autosave).toHaveText('Saved');
    const version = Number((await page.getByText(/^Status: Draft · version \d+$/).textContent())!.replace(/\D+/g, ''));

    await page.getByRole('button', { name: 'Choose hero image' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose a hero image' });
    const filename = `lido-${unique()}.png`;
    const png = await sharp({ create: { width: 800, height: 450, channels: 3, background: { r: 30, g: 140, b: 200 } } })
      .png()
      .toBuffer();
    await picker.getByLabel('Upload images').setInputFiles({ name: filename, mimeType: 'image/png', buffer: png });
    await expect(picker.getByText(`Selected: ${filename}`)).toBeVisible({ timeout: 30_000 });
    await picker.getByLabel('Alt text (required)').fill('The empty lido pool on a bright morning');
    await picker.getByRole('button', { name: 'Use as hero image' }).click();
    await expect(picker).toBeHidden();

    // Only the hero changed, and that alone is a change that autosaves.
    const heroField = page.getByRole('group', { name: 'Hero image' });
    await expect(heroField).toContainText('Alt text: The empty lido pool on a bright morning');
    await expect(autosave).toHaveText('Unsaved changes');
    await expect(autosave).toHaveText('Saved');
    await expect(page.getByText(`Status: Draft · version ${version + 1}`)).toBeVisible();
    await page.reload();
    await expect(heroField).toContainText('Alt text: The empty lido pool on a bright morning');
    await expect(page.getByRole('button', { name: 'Restore unsaved changes' })).toHaveCount(0);

    // Offline, removing the hero is kept in this browser and offered back in a new tab.
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await context.setOffline(true);
    await heroField.getByRole('button', { name: 'Remove hero image' }).click();
    await expect(autosave).toHaveText('Offline — changes kept locally');
    await page.close();
    await context.setOffline(false);

    const back = await context.newPage();
    await back.goto(editUrl);
    const backHero = back.getByRole('group', { name: 'Hero image' });
    await expect(backHero).toContainText('Alt text: The empty lido pool on a bright morning');
    await back.getByRole('button', { name: 'Restore unsaved changes' }).click();
    await expect(backHero).toContainText('No hero image.');
    await expect(back.getByRole('status', { name: 'Autosave' })).toHaveText('Saved');
    await back.reload();
    await expect(backHero).toContainText('No hero image.');
    await expect(back.getByText(`Status: Draft · version ${version + 2}`)).toBeVisible();
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
    await expect(page).toHaveURL(/\/admin\/articles\?deleted=1$/);
    await expect(page.getByText('The article was deleted permanently.')).toBeVisible();
    expect(editUrl).toContain('/admin/articles/');
    await page.goto(`/admin/articles?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole('status').filter({ hasText: 'No articles match these filters.' })).toBeVisible();
  });
});
