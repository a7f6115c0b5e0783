// Co-editing (lib/collab): two people in one story on one server. Both see each other's typing,
// names and carets; they discuss passages in inline notes (a mention rings the colleague's bell);
// an offline side keeps its work through a reload and merges on reconnect; a restore reaches
// everyone; and notes never reach readers or the content API. One story, opened once by both.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations, fillBody, storageStateFor, unique, type DemoRole } from './helpers';

const body = (page: Page) => page.getByRole('textbox', { name: 'Body' });
const autosave = (page: Page) => page.getByRole('status', { name: 'Autosave' });
const note = (page: Page, quote: string) => page.getByRole('listitem', { name: `Note on “${quote}”` });

async function typeAtEnd(page: Page, text: string) {
  await body(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(text);
}

/** Contexts whose story connection is cut: pages load, the co-editing socket does not. */
const cut = new Set<BrowserContext>();

async function openAs(browser: Browser, role: DemoRole, path: string, options: { cuttable?: boolean } = {}) {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  // Set before the page opens: a route reaches only the sockets of pages loaded after it.
  if (options.cuttable) await context.routeWebSocket(/\/collab$/, (ws) => (cut.has(context) ? ws.close() : ws.connectToServer()));
  const page = await context.newPage();
  await page.goto(path);
  await expect(autosave(page)).toHaveText(/Co-editing/);
  return { context, page };
}

/** The bell's unread count in the dashboard's top bar (0 when it shows no count). */
async function unreadCount(page: Page) {
  const text = await page
    .getByRole('banner')
    .getByRole('link', { name: /^Notifications/ })
    .textContent();
  return Number(/\((\d+) unread\)/.exec(text ?? '')?.[1] ?? 0);
}

test.describe.serial('two people in one story', () => {
  const OPENING = 'Opening line.';
  const title = `Co-edited story ${unique()}`;
  let path: string;
  let editor: { context: BrowserContext; page: Page };
  let admin: { context: BrowserContext; page: Page };

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(90_000); // three pages open and a first save, on a busy machine
    // A new story is not shared until its first save.
    const context = await browser.newContext({ storageState: storageStateFor('editor') });
    const start = await context.newPage();
    await start.goto('/admin/articles/new');
    await expect(start.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await start.getByLabel('Title').fill(title);
    await fillBody(start, OPENING);
    await start.getByRole('button', { name: 'Save draft' }).click();
    await expect(start).toHaveURL(/\/admin\/articles\/(?!new)[a-z0-9]+(\?|$)/);
    path = new URL(start.url()).pathname;
    await context.close();
    editor = await openAs(browser, 'editor', path);
    admin = await openAs(browser, 'admin', path, { cuttable: true });
  });

  test.afterAll(async () => {
    await editor?.context.close();
    await admin?.context.close();
  });

  test('both type at once and see each other by name, with named carets', async () => {
    await expect(editor.page.getByRole('status', { name: 'Also editing' })).toContainText('Ada Admin');
    await expect(admin.page.getByRole('status', { name: 'Also editing' })).toContainText('Edith Editor');
    // The same moment, the same body.
    await Promise.all([typeAtEnd(editor.page, ' Edith wrote this.'), typeAtEnd(admin.page, ' Ada wrote that.')]);
    for (const { page } of [editor, admin]) {
      await expect(body(page)).toContainText('Edith wrote this.');
      await expect(body(page)).toContainText('Ada wrote that.');
    }
    await expect(admin.page.locator('.collab-caret-label', { hasText: 'Edith Editor' })).toBeVisible();
    await expect(editor.page.locator('.collab-caret-label', { hasText: 'Ada Admin' })).toBeVisible();
  });

  test('a note on a passage is replied to, resolved and reopened, and its mention rings the bell', async () => {
    const bellBefore = await unreadCount(editor.page);
    // Ada selects the opening words and starts a note that mentions Edith.
    await body(admin.page).click();
    await admin.page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < OPENING.length; i++) await admin.page.keyboard.press('Shift+ArrowRight');
    await admin.page.getByRole('button', { name: 'Add note' }).click();
    const form = admin.page.getByRole('form', { name: 'New note' });
    await expect(form.getByRole('blockquote')).toHaveText(OPENING);
    await form.getByLabel('Note', { exact: true }).fill('@Edith Editor can we sharpen this opening?');
    await form.getByRole('button', { name: 'Post note' }).click();
    for (const { page } of [admin, editor]) {
      await expect(note(page, OPENING)).toContainText('Ada Admin: @Edith Editor can we sharpen this opening?');
      await expect(note(page, OPENING)).toContainText('Open');
    }

    // Edith replies; Ada resolves, then reopens; both screens follow.
    await note(editor.page, OPENING).getByLabel(`Reply to the note on “${OPENING}”`).fill('Sharpened in the next version.');
    await note(editor.page, OPENING).getByRole('button', { name: 'Reply' }).click();
    await expect(note(admin.page, OPENING)).toContainText('Edith Editor: Sharpened in the next version.');
    await note(admin.page, OPENING).getByRole('button', { name: 'Resolve' }).click();
    await expect(note(editor.page, OPENING)).toContainText('Resolved');
    await expect(note(editor.page, OPENING).getByRole('button', { name: 'Reopen' })).toBeVisible();
    await note(admin.page, OPENING).getByRole('button', { name: 'Reopen' }).click();
    await expect(note(editor.page, OPENING).getByRole('button', { name: 'Resolve' })).toBeVisible();

    // Edith's bell counts the mention, and her notifications lead to the note.
    const inbox = await editor.context.newPage();
    await inbox.goto('/admin/notifications');
    expect(await unreadCount(inbox)).toBe(bellBefore + 1);
    const mention = inbox.getByRole('link', { name: `Ada Admin mentioned you in a note on “${title}”` });
    await expect(mention).toHaveAttribute('href', new RegExp(`^${path}#note-`));
    await inbox.close();
  });

  test('the co-editing screen with two people and the notes panel is axe-clean', async () => {
    await expect(admin.page.getByRole('status', { name: 'Also editing' })).toContainText('Edith Editor');
    await expect(note(admin.page, OPENING)).toBeVisible();
    await expectNoAxeViolations(admin.page);
  });

  test('work typed offline survives a reload and merges on reconnect, nothing lost', async () => {
    // The story's connection stays cut through a reload (the page itself loads again before the story's socket does).
    cut.add(admin.context);
    await admin.context.setOffline(true);
    await expect(autosave(admin.page)).toHaveText(/Offline/);
    await typeAtEnd(admin.page, ' Typed on the train.');
    await typeAtEnd(editor.page, ' Typed at the desk.');
    await admin.context.setOffline(false);
    await admin.page.reload();
    // The local copy: Ada's offline words are back, though the server has not seen them.
    await expect(autosave(admin.page)).toHaveText(/Offline/);
    await expect(body(admin.page)).toContainText('Typed on the train.');
    await expect(body(editor.page)).not.toContainText('Typed on the train.');
    // The connection comes back: both sides merge.
    cut.delete(admin.context);
    await admin.context.setOffline(true);
    await admin.context.setOffline(false);
    await expect(autosave(admin.page)).toHaveText(/Co-editing/);
    for (const { page } of [editor, admin]) {
      await expect(body(page)).toContainText('Typed on the train.');
      await expect(body(page)).toContainText('Typed at the desk.');
      await expect(body(page)).toContainText('Edith wrote this.');
    }
  });

  test('a restore of the first version reaches both open editors', async () => {
    await editor.page.getByRole('button', { name: 'Save draft' }).click();
    await expect(editor.page.getByText('Draft saved.')).toBeVisible();
    const history = await admin.context.newPage();
    await history.goto(`${path}/revisions`);
    await history.getByRole('button', { name: 'Restore version 1' }).click();
    await expect(history).toHaveURL(new RegExp(`${path}(\\?|$)`));
    for (const { page } of [editor, admin]) {
      await expect(body(page)).not.toContainText('Typed at the desk.');
      await expect(body(page)).toContainText(OPENING);
    }
    await history.close();
  });

  test('once published, the notes are on neither the public page nor the content API', async () => {
    await editor.page.getByRole('button', { name: 'Publish' }).click();
    await expect(editor.page.getByText('Published. The article is live.')).toBeVisible();
    // A content API key, made as an admin makes one.
    const keys = await admin.context.newPage();
    await keys.goto('/admin/api-keys');
    await keys.getByLabel('Label').fill(`Notes check ${unique()}`);
    await keys.getByRole('button', { name: 'Create key' }).click();
    const key = await keys.getByLabel('New key').inputValue();
    await keys.close();

    const id = path.split('/').pop()!;
    const api = await editor.page.request.get(`/api/v1/articles/${id}`, { headers: { Authorization: `Bearer ${key}` } });
    expect(api.status()).toBe(200);
    const json = JSON.stringify(await api.json());
    expect(json).toContain(OPENING);
    for (const text of ['sharpen this opening', 'Sharpened in the next version']) expect(json).not.toContain(text);

    const url = (JSON.parse(json) as { data: { url: string } }).data.url;
    const reader = await editor.page.request.get(url);
    expect(reader.status()).toBe(200);
    const html = await reader.text();
    expect(html).toContain(OPENING);
    for (const text of ['sharpen this opening', 'Sharpened in the next version']) expect(html).not.toContain(text);
  });
});
