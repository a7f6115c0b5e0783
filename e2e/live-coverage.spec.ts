// Live coverage through the editor, seen by a reader whose page stays open the whole time.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, fillBody, storageStateFor, unique } from './helpers';

/** Types an update in the composer `form` (the body editor's subset) and posts or saves it. */
async function writeUpdate(page: Page, form: ReturnType<Page['getByRole']>, text: string) {
  const box = form.getByRole('textbox', { name: 'Update', exact: true });
  await box.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
}

test.describe('live coverage', () => {
  test.use({ storageState: storageStateFor('editor') });

  test('updates reach an open page without a reload: posted, edited, deleted, held back when scrolled, and the end', async ({ page, browser }) => {
    test.slow(); // two browser contexts and many round trips
    const title = `Election night live ${unique()}`;
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(title);
    await fillBody(page, 'Follow the count as it happens.\n\nResults are expected after midnight.');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published. The article is live.')).toBeVisible();
    const path = (await page.getByRole('link', { name: 'View article' }).getAttribute('href'))!;
    const editUrl = page.url().split('?')[0]!;

    await page.goto(editUrl);
    const panel = page.getByRole('region', { name: 'Live coverage' });
    await panel.getByRole('button', { name: 'Start live coverage' }).click();
    const composer = panel.getByRole('form', { name: 'Post an update' });
    await expect(composer).toBeVisible();

    const readerContext = await browser.newContext();
    const reader = await readerContext.newPage();
    await reader.goto(path);
    const live = reader.getByRole('region', { name: /Live updates/ });
    await expect(live.getByText('Live', { exact: true })).toBeVisible();

    // Posted: on the open page within a second.
    await composer.getByLabel('Headline (optional)').fill('Polls close');
    await writeUpdate(page, composer, 'Polls have closed across the country.');
    await composer.getByLabel('Key event').check();
    await composer.getByRole('button', { name: 'Post update' }).click();
    await expect(panel.getByText('Update posted. Readers with the page open see it now.')).toBeVisible();
    await expect(live.getByText('Polls have closed across the country.')).toBeVisible({ timeout: 1000 });
    await expect(live.getByRole('heading', { name: 'Polls close' })).toBeVisible();
    await expect(live.locator('time[datetime]').first()).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
    await expect(live.getByText('Edith Editor')).toBeVisible();
    await expect(reader.getByRole('navigation', { name: 'Key events' }).getByRole('link', { name: 'Polls close' })).toHaveAttribute('href', /^#update-/);
    await expectNoAxeViolations(reader);
    await expectNoAxeViolations(page);

    // Edited and deleted: the open page follows.
    await panel.getByText('Edit update').click();
    const edit = panel.getByRole('form', { name: 'Edit update' });
    await writeUpdate(page, edit, 'Polls closed at 10pm; the count has begun.');
    await edit.getByRole('button', { name: 'Save update' }).click();
    await expect(live.getByText('Polls closed at 10pm; the count has begun.')).toBeVisible({ timeout: 2000 });
    await panel.getByRole('button', { name: 'Delete update' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete update' }).click();
    await expect(live.getByText('Polls closed at 10pm; the count has begun.')).toHaveCount(0, { timeout: 2000 });

    // A reader who has scrolled past the top is offered the new update instead of a jump.
    await reader.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await writeUpdate(page, composer, 'First result: Ardmere North declares.');
    await composer.getByRole('button', { name: 'Post update' }).click();
    const more = reader.getByRole('button', { name: '1 new update' });
    await expect(more).toBeVisible({ timeout: 2000 });
    await expect(live.getByText('First result: Ardmere North declares.')).toHaveCount(0);
    await more.click();
    await expect(live.getByText('First result: Ardmere North declares.')).toBeVisible();

    // Structured data and the cached page a later reader gets.
    const later = await readerContext.newPage();
    await later.goto(path);
    await expect(later.getByText('First result: Ardmere North declares.')).toBeVisible();
    const blocks = JSON.parse((await later.locator('script[type="application/ld+json"]').first().textContent())!);
    const blog = blocks.find((b: { '@type': string }) => b['@type'] === 'LiveBlogPosting');
    expect(blog).toMatchObject({ coverageStartTime: expect.any(String), liveBlogUpdate: [expect.objectContaining({ articleBody: 'First result: Ardmere North declares.' })] });
    const feed = await later.request.get(`${path}/rss.xml`);
    expect(await feed.text()).toContain('First result: Ardmere North declares.');

    // Ended: the open page says so.
    await panel.getByRole('button', { name: 'End live coverage' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End live coverage' }).click();
    await expect(reader.getByText('This live coverage has ended.')).toBeVisible({ timeout: 2000 });
    await expect(live.getByText('Live', { exact: true })).toHaveCount(0);
    await readerContext.close();
  });
});
