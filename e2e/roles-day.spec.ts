// A working day for the writers who cannot publish (contributor, author), each with the editor
// who takes their story from review to the site, in two browser contexts of the same test.
import { expect, test, type Browser, type Page, type Route } from '@playwright/test';
import { SEEDED_ARTICLE, expectNoAxeViolations, fillBody, storageStateFor, unique, type DemoRole, withoutWebSocket } from './helpers';

// These days are about autosave, the local copy and conflicts: every browser here is one that
// cannot co-edit (e2e/coedit.spec.ts covers the shared editor).
test.beforeEach(({ context }) => withoutWebSocket(context));

async function signedInPage(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  await withoutWebSocket(context);
  return { context, page: await context.newPage() };
}

/** Types into the rich-text Body until it holds the text (the editor can still be starting on a busy machine). */
async function typeBody(page: Page, text: string) {
  await expect(async () => {
    await fillBody(page, text);
    await expect(page.getByLabel('Body')).toHaveText(text.replaceAll('\n\n', ''), { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** The "Status: Draft · version 3" line of the editor, read as [status, version]. */
async function statusLine(page: Page): Promise<[string, number]> {
  const text = await page.getByText(/^Status: .+ · version \d+$/).textContent();
  const m = /^Status: (.+) · version (\d+)$/.exec(text ?? '');
  expect(m, `status line "${text}"`).not.toBeNull();
  return [m![1]!, Number(m![2])];
}

/**
 * Makes the next server action this page posts carry different form values, as someone
 * editing the request by hand would; fails the test if the request held no such field.
 */
async function forgeNextAction(page: Page, changes: Record<string, [from: string, to: string]>) {
  let outcome = 'no server action was posted';
  let done = false;
  // Not `times: 1`: link prefetches match the same URLs and would use up the route.
  const handler = async (route: Route) => {
    const request = route.request();
    if (done || request.method() !== 'POST' || !request.headers()['next-action']) return route.fallback();
    done = true;
    let body = request.postDataBuffer()?.toString('utf8') ?? '';
    outcome = 'forged';
    for (const [field, [from, to]] of Object.entries(changes)) {
      // React sends a FormData argument as multipart fields named "_<n>_<field>".
      const pattern = new RegExp(`(name="(?:_?\\d+_)?${field}"\\r\\n\\r\\n)${from}\\r\\n`);
      if (!pattern.test(body)) outcome = `the request carried no ${field}=${from}: ${body.slice(0, 600)}`;
      body = body.replace(pattern, `$1${to}\r\n`);
    }
    await route.continue({ postData: Buffer.from(body, 'utf8') });
  };
  await page.route('**/admin/articles/**', handler);
  return async () => {
    await expect.poll(() => outcome).toBe('forged');
    await page.unroute('**/admin/articles/**', handler);
  };
}

/** `seconds` from now as the wall-clock value of a datetime-local field in the site's time zone (read from the editor's hint). */
async function siteWallTime(page: Page, seconds: number) {
  const hint = await page.getByText(/^Time zone: .+\. The article goes live/).textContent();
  const timeZone = /^Time zone: ([^ ]+)\./.exec(hint ?? '')![1]!;
  const at = new Date(Date.now() + seconds * 1000);
  // "sv-SE" formats as YYYY-MM-DD HH:mm:ss.
  const wall = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(at).replace(' ', 'T');
  return { at, wall };
}

/** The dashboard's edit address of the newest seeded article (Edith Editor's), as an editor finds it. */
async function seededEditUrl(editor: Page) {
  await editor.goto(`/admin/articles?q=${encodeURIComponent(SEEDED_ARTICLE.title)}`);
  const href = await editor.getByRole('link', { name: SEEDED_ARTICLE.title, exact: true }).getAttribute('href');
  expect(href).toMatch(/^\/admin\/articles\/[a-z0-9]+$/);
  return href!;
}

/** The editor finds the article under "In review" in the dashboard list and opens it. */
async function openFromReviewQueue(editor: Page, title: string) {
  await editor.goto('/admin/articles');
  await editor.getByLabel('Status').selectOption({ label: 'In review' });
  await editor.getByRole('button', { name: 'Apply filters' }).click();
  await expect(editor).toHaveURL(/[?&]status=IN_REVIEW/);
  const row = editor.getByRole('row').filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: title }).click();
  await expect(editor.getByRole('heading', { name: 'Edit article' })).toBeVisible();
  await expect(editor.getByLabel('Title')).toHaveValue(title);
  await expect(editor.getByText(/^Status: In review · version \d+$/)).toBeVisible();
}

test.describe('a contributor’s day', () => {
  test.use({ storageState: storageStateFor('contributor') });

  test('writes, autosaves, revises, previews and submits; an editor schedules, publishes and unpublishes it', async ({ page, browser }) => {
    test.setTimeout(360_000); // two signed-in browsers, autosaves, a schedule and the public page; 3 min on a loaded 2-core machine
    const title = `Coastal path reopens at Marram Bay ${unique()}`;
    const publicPath = `/articles/${title.toLowerCase().replaceAll(' ', '-')}`;

    // Writing: no button pressed, the pause after typing saves and gives the article its address.
    await page.goto('/admin/articles');
    await expect(page.getByText('You see the articles with you in the byline.')).toBeVisible();
    await page.getByRole('link', { name: 'New article' }).first().click();
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Schedule', exact: true })).toHaveCount(0);
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Standfirst').fill('The cliff-top route was closed for two winters after a landslip.');
    await typeBody(page, 'Walkers can use the path from Saturday.\n\nThe council rebuilt 300 metres of it inland.');
    const autosave = page.getByRole('status', { name: 'Autosave' });
    await expect(autosave).toHaveText('Saved', { timeout: 15_000 });
    await expect(page).toHaveURL(/\/admin\/articles\/[a-z0-9]+$/);
    const editUrl = page.url();

    // Revising on the article's own page: the revision is saved on its own and listed as hers.
    await page.reload();
    await expect(page.getByLabel('Body')).toHaveText('Walkers can use the path from Saturday.The council rebuilt 300 metres of it inland.');
    const [, firstVersion] = await statusLine(page);
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await typeBody(page, 'Walkers can use the path from Saturday morning.\n\nThe council rebuilt 300 metres of it inland.');
    await expect(autosave).toHaveText('Unsaved changes');
    await expect(autosave).toHaveText('Saved', { timeout: 15_000 });
    await expect(page.getByText(`Status: Draft · version ${firstVersion + 1}`)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Revisions' }).click();
    await expect(page.getByRole('heading', { name: `Revisions of “${title}”` })).toBeVisible();
    const rows = page.getByRole('row').filter({ hasText: 'Connie Contributor' });
    await expect(rows).toHaveCount(firstVersion + 1);
    await expect(rows.first().getByRole('cell').first()).toHaveText(`${firstVersion + 1} (current)`);
    await expect(page.locator('ins').first()).toContainText('morning');
    await page.getByRole('link', { name: 'Back to the editor' }).click();

    // The preview shows the saved revision as readers would see it; the public address still does not.
    await expect(page.getByRole('button', { name: 'Copy preview link' })).toBeVisible();
    await page.getByRole('button', { name: 'Copy preview link' }).click();
    await expect(page.getByLabel('Preview link')).toHaveValue(/\/preview\/[^/]+$/);
    const [preview] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: 'Open preview' }).click()]);
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(preview.getByText(/^Preview — not published/)).toBeVisible();
    await expect(preview.locator('.article-body p')).toHaveText(['Walkers can use the path from Saturday morning.', 'The council rebuilt 300 metres of it inland.']);
    await preview.close();
    expect((await page.request.get(publicPath)).status()).toBe(404);

    // A hand-edited request that asks to publish is refused by the server, and nothing goes live.
    await expect(autosave).toHaveText('Saved');
    const wasForged = await forgeNextAction(page, { intent: ['submit', 'publish'] });
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await wasForged();
    await expect(page.getByRole('alert').filter({ hasText: 'Only editors and admins can publish, schedule or unpublish.' })).toBeVisible();
    expect((await page.request.get(publicPath)).status()).toBe(404);
    await page.reload();
    await expect(page.getByText(/^Status: Draft · version \d+$/)).toBeVisible();

    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.getByText('Submitted for review. An editor will take it from here.')).toBeVisible();
    await expect(page.getByText(/^Status: In review · version \d+$/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Articles', exact: true }).click();
    await expect(page.getByRole('row').filter({ hasText: title })).toContainText(['In review']);

    // The editor takes it from the review queue and schedules it a few seconds ahead, in the site's time zone.
    const { context: editorContext, page: editor } = await signedInPage(browser, 'editor');
    await openFromReviewQueue(editor, title);
    await expect(editor.getByLabel('Body')).toHaveText('Walkers can use the path from Saturday morning.The council rebuilt 300 metres of it inland.');
    const { at, wall } = await siteWallTime(editor, 8);
    await editor.getByLabel('Publish at').fill(wall);
    await editor.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(editor.getByText(/^Scheduled for .+ time\)\.$/)).toBeVisible();
    await expect(editor.getByText(/^Status: Scheduled · version \d+$/)).toBeVisible();
    expect((await editor.request.get(publicPath)).status()).toBe(404);

    await expect.poll(async () => (await editor.request.get(publicPath)).status(), { timeout: 30_000, intervals: [500] }).toBe(200);
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime() - 1000);
    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    await readerPage.goto(publicPath);
    await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(readerPage.getByText(/^By Connie Contributor$/)).toBeVisible();
    await expect(readerPage.locator('.article-body p')).toHaveText(['Walkers can use the path from Saturday morning.', 'The council rebuilt 300 metres of it inland.']);

    // Unpublished, it is gone from the site at once: readers get the not-found page.
    await editor.reload();
    await expect(editor.getByText(/^Status: Published · version \d+$/)).toBeVisible();
    await editor.getByRole('button', { name: 'Unpublish' }).click();
    await expect(editor.getByText('Unpublished. The article is back in drafts and no longer public.')).toBeVisible();
    const gone = await readerPage.goto(publicPath);
    expect(gone?.status()).toBe(404);
    await expect(readerPage.getByRole('heading', { level: 1 })).not.toHaveText(title);
    await reader.close();

    // Back in drafts, the contributor can work on it again.
    await page.goto(editUrl);
    await expect(page.getByText(/^Status: Draft · version \d+$/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Submit for review' })).toBeVisible();
    await editorContext.close();
  });

  test('cannot find or open another person’s article', async ({ page, browser }) => {
    test.setTimeout(90_000); // a second browser and five dashboard pages
    const { context, page: editor } = await signedInPage(browser, 'editor');
    const editUrl = await seededEditUrl(editor);
    await context.close();

    await page.goto(`/admin/articles?q=${encodeURIComponent(SEEDED_ARTICLE.title)}`);
    await expect(page.getByRole('status').filter({ hasText: 'No articles match these filters.' })).toBeVisible();

    for (const [url, reason] of [
      [editUrl, 'You can open only your own articles.'],
      [`${editUrl}/revisions`, 'You can see the history of your own articles only.'],
    ] as const) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot open this article');
      await expect(page.getByText(reason)).toBeVisible();
      await expect(page.getByText(SEEDED_ARTICLE.title)).toHaveCount(0);
      await expect(page.getByLabel('Body')).toHaveCount(0);
    }
    // An address that names no article at all is simply not found.
    await page.goto('/admin/articles/no-such-article/revisions');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
  });
});

test.describe('an author’s day', () => {
  test.use({ storageState: storageStateFor('author') });

  test('writes and submits; after an editor publishes, the author can no longer change it until it is unpublished', async ({ page, browser }) => {
    test.setTimeout(300_000); // two signed-in browsers, a conflict, publish and unpublish
    const title = `Tram depot expansion approved ${unique()}`;
    const publicPath = `/articles/${title.toLowerCase().replaceAll(' ', '-')}`;

    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
    await page.getByLabel('Title').fill(title);
    await typeBody(page, 'The depot will house twelve more trams.');
    await page.getByLabel('Section').selectOption({ label: 'Business' });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/articles\/[a-z0-9]+(\?|$)/);
    const editUrl = page.url().split('?')[0]!;
    const autosave = page.getByRole('status', { name: 'Autosave' });

    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await typeBody(page, 'The depot will house twelve more trams from 2028.');
    await expect(autosave).toHaveText('Saved', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.getByText('Submitted for review. An editor will take it from here.')).toBeVisible();
    await expect(page.getByText(/^Status: In review · version \d+$/)).toBeVisible();

    // The editor tightens the standfirst while the author is still typing: the author's autosave
    // meets the newer version instead of overwriting it, and the author takes the editor's.
    const { context: editorContext, page: editor } = await signedInPage(browser, 'editor');
    await openFromReviewQueue(editor, title);
    await editor.getByLabel('Standfirst').fill('Twelve more trams, and 40 jobs.');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await expect(editor.getByText('Draft saved.')).toBeVisible();
    await typeBody(page, 'The depot will house twelve more trams from 2028, the council said.');
    await expect(autosave).toHaveText('Not saved — someone else saved a newer version', { timeout: 15_000 });
    await expect(
      page
        .getByRole('region', { name: 'Compare before saving' })
        .getByRole('row', { name: /^Standfirst/ })
        .getByRole('cell')
        .first(),
    ).toHaveText('Twelve more trams, and 40 jobs.');
    await page.getByRole('button', { name: 'Use theirs' }).click();
    await expect(page.getByLabel('Standfirst')).toHaveValue('Twelve more trams, and 40 jobs.');
    await expect(autosave).toHaveText('Saved');

    // Not in the byline of the editor's story: the author can neither open it nor save over it.
    const seededUrl = await seededEditUrl(editor);
    const seededId = seededUrl.split('/').pop()!;
    await page.goto(seededUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot open this article');
    await expect(page.getByText('You can open only your own articles.')).toBeVisible();
    await page.goto(editUrl);
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    const ownId = editUrl.split('/').pop()!;
    const wasForged = await forgeNextAction(page, { id: [ownId, seededId] });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await wasForged();
    await expect(page.getByRole('alert').filter({ hasText: 'You can edit only your own articles.' })).toBeVisible();
    await page.goto(`/articles/${SEEDED_ARTICLE.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEEDED_ARTICLE.title);
    await expect(page.locator('.article-body p').first()).toHaveText(SEEDED_ARTICLE.paragraphs[0]!);

    // The editor publishes it.
    await editor.goto(editUrl);
    await expect(editor.getByText(/^Status: In review · version \d+$/)).toBeVisible();
    await editor.getByRole('button', { name: 'Publish' }).click();
    await expect(editor.getByText('Published. The article is live.')).toBeVisible();
    await page.goto(publicPath);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText(/^By Arthur Author$/)).toBeVisible();
    await expect(page.locator('.article-body p')).toHaveText(['The depot will house twelve more trams from 2028.']);

    // Published, it is the editors' now: the author is told so, is offered no save, and the live page keeps its text.
    await page.goto(editUrl);
    await expect(page.getByText(/^Status: Published · version \d+$/)).toBeVisible();
    await expect(page.getByRole('note')).toHaveText(/This article is published, so only an editor can change it now\./);
    for (const name of ['Update', 'Submit for review', 'Unpublish', 'Publish']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    await typeBody(page, 'An unreviewed change to the live story.');
    await expect(autosave).toHaveText('Unsaved changes — kept locally until you save');
    const live = await page.request.get(publicPath);
    expect(await live.text()).toContain('twelve more trams from 2028.');
    expect(await live.text()).not.toContain('An unreviewed change');

    // Unpublished, readers get the not-found page and the story is the author's draft again.
    await editor.reload();
    await editor.getByRole('button', { name: 'Unpublish' }).click();
    await expect(editor.getByText('Unpublished. The article is back in drafts and no longer public.')).toBeVisible();
    expect((await page.request.get(publicPath)).status()).toBe(404);
    await editorContext.close();
    await page.goto(editUrl);
    await page.getByRole('button', { name: 'Discard' }).click(); // the refused local change is offered back
    await expect(page.getByText(/^Status: Draft · version \d+$/)).toBeVisible();
    await typeBody(page, 'The depot will house twelve more trams from 2029.');
    await expect(autosave).toHaveText('Saved', { timeout: 15_000 });
  });
});
