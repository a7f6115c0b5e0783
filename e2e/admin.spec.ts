import { expect, test, type Browser } from '@playwright/test';
import { expectNoAxeViolations, firstArticlePath, storageStateFor, unique } from './helpers';

async function postComment(browser: Browser, text: string, email = `hollis-${unique()}@example.com`) {
  const reader = await browser.newContext();
  const page = await reader.newPage();
  const path = await firstArticlePath(page);
  await page.goto(path);
  await page.getByLabel('Comment', { exact: true }).fill(text);
  await page.getByLabel('Name').fill('Hollis Marsh');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText(/awaiting moderation/)).toBeVisible();
  return { page, path, close: () => reader.close() };
}

test.describe('admin moderation', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('an approved comment appears on the article page', async ({ page, browser }) => {
    const text = `Approved reader view ${unique()}`;
    const email = `hollis-${unique()}@example.com`;
    const reader = await postComment(browser, text, email);
    await expect(reader.page.getByText(text)).toHaveCount(0);

    await page.goto('/admin/comments');
    const item = page.getByRole('article', { name: 'Comment by Hollis Marsh' }).filter({ hasText: text });
    await expect(item).toBeVisible();
    await expect(item.getByText(email)).toBeVisible();
    await item.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByText('Comment approved.')).toBeVisible();

    await reader.page.reload();
    await expect(reader.page.getByText(text)).toBeVisible();
    // Commenters' emails never reach the public page.
    await expect(reader.page.getByText(email)).toHaveCount(0);
    await reader.close();
  });

  test('"Mark as spam" and "Trash" take comments out of the pending queue', async ({ page, browser }) => {
    const spam = `Cheap watches ${unique()}`;
    const trash = `Off-topic rant ${unique()}`;
    await (await postComment(browser, spam)).close();
    await (await postComment(browser, trash)).close();

    await page.goto('/admin/comments');
    await page.getByRole('article').filter({ hasText: spam }).getByRole('button', { name: 'Mark as spam' }).click();
    await expect(page.getByText('Comment marked as spam.')).toBeVisible();
    await page.getByRole('article').filter({ hasText: trash }).getByRole('button', { name: 'Trash' }).click();
    await expect(page.getByText('Comment moved to the trash.')).toBeVisible();

    await page.reload();
    await expect(page.getByText(spam)).toHaveCount(0);
    await expect(page.getByText(trash)).toHaveCount(0);
    await page.getByRole('link', { name: /^Spam/ }).click();
    await expect(page.getByText(spam)).toBeVisible();
    await page.getByRole('link', { name: /^Trash/ }).click();
    await expect(page.getByText(trash)).toBeVisible();
  });

  test('the moderation queue and its tools are axe-clean', async ({ page }) => {
    test.slow(); // five pages, each scanned in two colour schemes
    for (const path of ['/admin/comments', '/admin/comments/bans', '/admin/comments/outbox', '/admin/comments/settings', '/admin/comments/privacy']) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  });
});
