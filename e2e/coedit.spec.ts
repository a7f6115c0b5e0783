// Co-editing (lib/collab): two people in one story on one server. Both see each other's typing,
// names and carets; an offline side merges on reconnect; a restore reaches everyone.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { fillBody, storageStateFor, unique, type DemoRole } from './helpers';

const body = (page: Page) => page.getByRole('textbox', { name: 'Body' });

async function typeAtEnd(page: Page, text: string) {
  await body(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(text);
}

async function openAs(browser: Browser, role: DemoRole, path: string) {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.getByRole('status', { name: 'Autosave' })).toHaveText(/Co-editing/);
  return { context, page };
}

test('two people type into one story at once, see each other, merge offline work and follow a restore', async ({ browser }) => {
  test.setTimeout(120_000); // three browser pages, an offline round and a restore on a busy machine
  // A new story is not shared until its first save.
  const context = await browser.newContext({ storageState: storageStateFor('editor') });
  const start = await context.newPage();
  await start.goto('/admin/articles/new');
  await expect(start.getByRole('button', { name: 'Save draft' })).toBeEnabled();
  await start.getByLabel('Title').fill(`Co-edited story ${unique()}`);
  await fillBody(start, 'Opening line.');
  await start.getByRole('button', { name: 'Save draft' }).click();
  await expect(start).toHaveURL(/\/admin\/articles\/(?!new)[a-z0-9]+(\?|$)/);
  const path = new URL(start.url()).pathname;
  await context.close();

  const editor = await openAs(browser, 'editor', path);
  const admin = await openAs(browser, 'admin', path);
  // Presence: each sees the other by name.
  await expect(editor.page.getByRole('status', { name: 'Also editing' })).toContainText('Ada Admin');
  await expect(admin.page.getByRole('status', { name: 'Also editing' })).toContainText('Edith Editor');

  // The same moment, the same body.
  await Promise.all([typeAtEnd(editor.page, ' Edith wrote this.'), typeAtEnd(admin.page, ' Ada wrote that.')]);
  for (const { page } of [editor, admin]) {
    await expect(body(page)).toContainText('Edith wrote this.');
    await expect(body(page)).toContainText('Ada wrote that.');
  }
  // Carets carry the other person's name.
  await expect(admin.page.locator('.collab-caret-label', { hasText: 'Edith Editor' })).toBeVisible();
  await expect(editor.page.locator('.collab-caret-label', { hasText: 'Ada Admin' })).toBeVisible();

  // Offline: Ada keeps typing without a connection, Edith types too; nothing is lost on reconnect.
  await admin.context.setOffline(true);
  await expect(admin.page.getByRole('status', { name: 'Autosave' })).toHaveText(/Offline/);
  await typeAtEnd(admin.page, ' Typed on the train.');
  await typeAtEnd(editor.page, ' Typed at the desk.');
  await admin.context.setOffline(false);
  for (const { page } of [editor, admin]) {
    await expect(body(page)).toContainText('Typed on the train.');
    await expect(body(page)).toContainText('Typed at the desk.');
  }

  // A restore of the first version reaches both open editors.
  await editor.page.getByRole('button', { name: 'Save draft' }).click();
  await expect(editor.page.getByText('Draft saved.')).toBeVisible();
  const history = await admin.context.newPage();
  await history.goto(`${path}/revisions`);
  await history.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(history).toHaveURL(new RegExp(`${path}(\\?|$)`));
  for (const { page } of [editor, admin]) {
    await expect(body(page)).not.toContainText('Typed at the desk.');
    await expect(body(page)).toContainText('Opening line.');
  }
  await editor.context.close();
  await admin.context.close();
});
