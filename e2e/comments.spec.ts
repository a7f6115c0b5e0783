import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { XSS_PAYLOADS } from '../test/xss-payloads';
import { seedArticles } from '../prisma/seed-data/articles';
import { SEEDED_ARTICLE, storageStateFor, unique } from './helpers';

// The second-newest seeded story: the newest is the one reader.spec scans with axe, and
// comments approved here should not slow that scan down.
const byAge = [...seedArticles].sort((a, b) => a.hoursAgo - b.hoursAgo);
const ARTICLE_PATH = `/articles/${byAge.find((a) => a.slug !== SEEDED_ARTICLE.slug)!.slug}`;
// The hostile suite fills a page with thousands of characters of payloads: it uses the oldest
// seeded story, away from the pages other specs scan with axe, and trashes its comments after.
const HOSTILE_PATH = `/articles/${byAge[byAge.length - 1]!.slug}`;

/** The article id and a fresh form token, as an API client would get them. */
async function formFor(page: Page, request: APIRequestContext, path = ARTICLE_PATH) {
  await page.goto(path);
  const articleId = await page.locator('input[name="articleId"]').first().inputValue();
  const res = await request.get(`/api/comments?articleId=${articleId}`);
  expect(res.status()).toBe(200);
  const { formToken } = (await res.json()) as { formToken: string };
  return { articleId, formToken };
}

async function fillAndPost(page: Page, body: string, name: string, email: string) {
  const form = page.getByRole('region', { name: 'Leave a reply' });
  await form.getByLabel('Comment', { exact: true }).fill(body);
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByRole('button', { name: 'Post comment' }).click();
}

/** Approves, one by one, every pending comment that contains `marker`. */
async function approveAll(admin: Page, marker: string, expected: number) {
  await admin.goto('/admin/comments');
  const items = admin.getByRole('article', { name: /^Comment by / }).filter({ hasText: marker });
  await expect(items).toHaveCount(expected);
  for (let left = expected; left > 0; left--) {
    await items.first().getByRole('button', { name: 'Approve' }).click();
    await expect(items).toHaveCount(left - 1);
  }
}

test.describe('reader comments', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('a reader replies to an approved comment; the thread nests and the card counts it', async ({ page: admin, browser }) => {
    test.slow(); // two browsers, two moderation rounds and four page loads
    const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    const marker = unique();
    const top = `Top-level thoughts ${marker}`;
    await reader.goto(ARTICLE_PATH);
    await fillAndPost(reader, top, 'Quinn Top', `quinn-${marker}@example.com`);
    await expect(reader.getByText(/awaiting moderation/)).toBeVisible();
    await approveAll(admin, marker, 1);

    await reader.reload();
    const parent = reader.getByRole('article', { name: 'Comment by Quinn Top' }).filter({ hasText: top });
    await expect(parent).toBeVisible();
    await parent.getByRole('button', { name: 'Reply to Quinn Top' }).click();
    const replyForm = reader.getByRole('region', { name: 'Reply to Quinn Top' });
    await replyForm.getByRole('button', { name: 'Post comment' }).click();
    await expect(replyForm.getByText('Please enter your comment!', { exact: true })).toBeVisible();
    const reply = `A reply to that ${marker}`;
    await replyForm.getByLabel('Comment', { exact: true }).fill(reply);
    await replyForm.getByLabel('Name').fill('Riley Reply');
    await replyForm.getByLabel('Email').fill(`riley-${marker}@example.com`);
    await replyForm.getByRole('button', { name: 'Post comment' }).click();
    await expect(replyForm.getByText(/awaiting moderation/)).toBeVisible();
    await approveAll(admin, `A reply to that ${marker}`, 1);

    await reader.reload();
    const thread = reader.locator('li', { has: reader.getByRole('article', { name: 'Comment by Quinn Top' }).filter({ hasText: top }) });
    const nested = thread.locator('ol li').getByRole('article', { name: 'Comment by Riley Reply' });
    await expect(nested).toContainText(reply);
    // Depth 3 by default: the reply can still be answered.
    await expect(nested.getByRole('button', { name: 'Reply to Riley Reply' })).toBeVisible();

    await reader.goto('/');
    await expect(reader.locator(`main a[href="${ARTICLE_PATH}#comments-heading"]`).first()).toHaveText(/^\d+ comments?$/);
    await reader.context().close();
  });

  test('a URL in a comment becomes a nofollow ugc link; javascript: stays text', async ({ page: admin, request }) => {
    const marker = unique();
    const { articleId, formToken } = await formFor(admin, request);
    const body = `Source: https://example.com/report?id=7. Not this: javascript:alert(1) ${marker}`;
    const res = await request.post('/api/comments', { data: { articleId, formToken, body, name: 'Link Poster', email: `link-${marker}@example.com` } });
    expect(res.status()).toBe(202);
    await approveAll(admin, marker, 1);
    await admin.goto(ARTICLE_PATH);
    const comment = admin.getByRole('article', { name: 'Comment by Link Poster' }).filter({ hasText: marker });
    const link = comment.getByRole('link', { name: 'https://example.com/report?id=7' });
    await expect(link).toHaveAttribute('rel', 'nofollow ugc noopener');
    await expect(link).toHaveAttribute('href', 'https://example.com/report?id=7');
    await expect(comment.getByRole('link')).toHaveCount(1);
  });

  test('a bot that fills the honeypot, or posts without a valid form token, lands in Spam unawares', async ({ page: admin, request, browser }) => {
    const marker = unique();
    const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await reader.goto(ARTICLE_PATH);
    await reader.locator('input[name="contact_fax"]').first().fill('555 0100', { force: true });
    await fillAndPost(reader, `Honeypot bot ${marker}`, 'Bot One', `bot1-${marker}@example.com`);
    await expect(reader.getByText(/awaiting moderation/)).toBeVisible();

    const { articleId } = await formFor(admin, request);
    const forged = await request.post('/api/comments', {
      data: { articleId, formToken: `${Date.now() - 60_000}.${'x'.repeat(43)}`, body: `Forged token bot ${marker}`, name: 'Bot Two', email: `bot2-${marker}@example.com` },
    });
    expect(forged.status()).toBe(202);
    expect(await forged.json()).toMatchObject({ status: 'pending' });

    await admin.goto('/admin/comments');
    await expect(admin.getByText(marker)).toHaveCount(0);
    await admin.goto('/admin/comments?status=SPAM');
    await expect(admin.getByRole('article', { name: /^Comment by / }).filter({ hasText: marker })).toHaveCount(2);
    await reader.context().close();
  });

  test('flooding from one email is answered with 429 and a clear message, in the API and the form', async ({ page, request }) => {
    const marker = unique();
    const email = `flood-${marker}@example.com`;
    const { articleId, formToken } = await formFor(page, request);
    for (let i = 0; i < 3; i++) {
      const ok = await request.post('/api/comments', { data: { articleId, formToken, body: `Flood ${i} ${marker}`, name: 'Flo Od', email } });
      expect(ok.status()).toBe(202);
    }
    const limited = await request.post('/api/comments', { data: { articleId, formToken, body: `Flood 3 ${marker}`, name: 'Flo Od', email } });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/^You are commenting too quickly\. Please wait \d+ seconds? and try again\.$/) } });

    await page.goto(ARTICLE_PATH);
    await fillAndPost(page, `Flood via form ${marker}`, 'Flo Od', email);
    await expect(page.getByText(/You are commenting too quickly/)).toBeVisible();
    // What was typed is kept.
    await expect(page.getByRole('region', { name: 'Leave a reply' }).getByLabel('Comment', { exact: true })).toHaveValue(`Flood via form ${marker}`);
  });

  test('the API answers 422 with the reader messages for an invalid comment', async ({ request, page }) => {
    const { articleId, formToken } = await formFor(page, request);
    const res = await request.post('/api/comments', { data: { articleId, formToken, body: ' ', name: '', email: 'nope' } });
    expect(res.status()).toBe(422);
    expect(await res.json()).toMatchObject({
      error: { code: 'unprocessable', details: { body: ['Please enter your comment!'], name: ['Please enter your name here'], email: ['You have entered an incorrect email address!'] } },
    });
  });
});

test.describe('moderation', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('a reader reports a comment; it shows under Reported with the reason until dismissed', async ({ page: admin, request, browser }) => {
    const marker = unique();
    const { articleId, formToken } = await formFor(admin, request);
    await request.post('/api/comments', { data: { articleId, formToken, body: `Reportable remark ${marker}`, name: 'Rep Orted', email: `rep-${marker}@example.com` } });
    await approveAll(admin, marker, 1);

    const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await reader.goto(ARTICLE_PATH);
    const comment = reader.getByRole('article', { name: 'Comment by Rep Orted' }).filter({ hasText: marker });
    await comment.getByRole('button', { name: 'Report comment by Rep Orted' }).click();
    const form = comment.getByRole('form', { name: 'Report comment by Rep Orted' });
    await form.getByRole('button', { name: 'Send report' }).click();
    await expect(form.getByText('Please tell us briefly what is wrong with this comment.')).toBeVisible();
    await form.getByLabel('Why should a moderator look at this comment?').fill(`Insulting ${marker}`);
    await form.getByRole('button', { name: 'Send report' }).click();
    await expect(comment.getByText('Thank you. A moderator will look at this comment.')).toBeVisible();
    await reader.context().close();

    await admin.goto('/admin/comments?status=REPORTED');
    await expect(admin.getByRole('link', { name: /^Reported \(\d+\)$/ })).toHaveAttribute('aria-current', 'page');
    const item = admin.getByRole('article', { name: 'Comment by Rep Orted' }).filter({ hasText: marker });
    await expect(item.getByText('Reported 1 time')).toBeVisible();
    await expect(item.getByText(`Insulting ${marker}`)).toBeVisible();
    await item.getByRole('button', { name: 'Dismiss reports' }).click();
    await expect(admin.getByText('Reports dismissed.')).toBeVisible();
    await expect(item).toHaveCount(0);
  });

  test('search, edit and a staff reply from the dashboard', async ({ page: admin, request }) => {
    const marker = unique();
    const { articleId, formToken } = await formFor(admin, request);
    await request.post('/api/comments', { data: { articleId, formToken, body: `Needs a tidy ${marker}`, name: 'Ed Itable', email: `ed-${marker}@example.com` } });

    await admin.goto('/admin/comments');
    await admin.getByLabel('Search comments').fill(`ed-${marker}@example.com`);
    await admin.getByRole('button', { name: 'Search' }).click();
    await expect(admin).toHaveURL(new RegExp(`q=ed-${marker}`));
    const items = admin.getByRole('article', { name: /^Comment by / });
    await expect(items).toHaveCount(1);

    const item = items.first();
    await item.getByText('Edit', { exact: true }).click();
    const edit = item.getByRole('form', { name: 'Edit comment by Ed Itable' });
    await edit.getByLabel('Comment text').fill('');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit.getByText('Please enter your comment!')).toBeVisible();
    await edit.getByLabel('Comment text').fill(`Tidied up ${marker}`);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit.getByText('Comment updated.')).toBeVisible();
    await expect(item.getByText(`Tidied up ${marker}`).first()).toBeVisible();

    await item.getByRole('button', { name: 'Approve' }).click();
    await admin.goto(`/admin/comments?status=APPROVED&q=${marker}`);
    const approved = admin.getByRole('article', { name: 'Comment by Ed Itable' });
    await approved.getByText('Reply as staff').click();
    const reply = approved.getByRole('form', { name: 'Staff reply to Ed Itable' });
    await reply.getByLabel('Your reply').fill(`Thanks, fixed ${marker}`);
    await reply.getByRole('button', { name: 'Publish reply' }).click();
    await expect(reply.getByText('Reply published.')).toBeVisible();

    await admin.goto(ARTICLE_PATH);
    const staff = admin.getByRole('article', { name: 'Comment by Ada Admin' }).filter({ hasText: `Thanks, fixed ${marker}` });
    await expect(staff.getByText('Staff', { exact: true })).toBeVisible();
    await expect(
      admin
        .locator('li', { has: admin.getByText(`Tidied up ${marker}`) })
        .locator('ol')
        .getByText(`Thanks, fixed ${marker}`),
    ).toBeVisible();
  });

  test('bulk actions move many comments with progress, and delete forever empties the trash', async ({ page: admin, request }) => {
    const marker = unique();
    const { articleId, formToken } = await formFor(admin, request);
    for (let i = 0; i < 7; i++) {
      const res = await request.post('/api/comments', { data: { articleId, formToken, body: `Bulk ${i} ${marker}`, name: 'Bul K', email: `bulk-${i}-${marker}@example.com` } });
      expect(res.status()).toBe(202);
    }
    await admin.goto(`/admin/comments?q=${marker}`);
    await expect(admin.getByRole('article', { name: /^Comment by / })).toHaveCount(7);
    await admin.getByRole('button', { name: 'Select all on this page' }).click();
    await admin.getByLabel('Bulk action').selectOption('trash');
    await admin.getByRole('button', { name: 'Apply to selected' }).click();
    await expect(admin.getByText('Bulk action done: move to trash, 7 of 7 comments.')).toBeVisible();
    await expect(admin.getByRole('article', { name: /^Comment by / })).toHaveCount(0);

    await admin.goto(`/admin/comments?status=TRASH&q=${marker}`);
    await expect(admin.getByRole('article', { name: /^Comment by / })).toHaveCount(7);
    await admin.getByRole('checkbox', { name: 'Select comment by Bul K' }).first().check();
    await admin.getByLabel('Bulk action').selectOption('unapprove');
    await admin.getByRole('button', { name: 'Apply to selected' }).click();
    await expect(admin.getByText('Bulk action done: unapprove, 1 of 1 comment.')).toBeVisible();
    await expect(admin.getByRole('article', { name: /^Comment by / })).toHaveCount(6);
    await admin.getByRole('button', { name: 'Select all on this page' }).click();
    await admin.getByLabel('Bulk action').selectOption('delete');
    await admin.getByRole('button', { name: 'Apply to selected' }).click();
    await expect(admin.getByText('Bulk action done: delete forever, 6 of 6 comments.')).toBeVisible();
    await admin.goto(`/admin/comments?status=TRASH&q=${marker}`);
    await expect(admin.getByText('No trash comments.')).toBeVisible();
    await admin.goto(`/admin/comments?status=PENDING&q=${marker}`);
    await expect(admin.getByRole('article', { name: /^Comment by / })).toHaveCount(1);
  });
});

test.describe('settings and outbox', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('an admin adds a block-list word; a comment containing it goes to spam', async ({ page: admin, request }) => {
    const word = `blockme${unique()}`;
    await admin.goto('/admin/comments/settings');
    const form = admin.getByRole('form', { name: 'Comment settings' });
    await form.getByLabel('Reply depth').fill('11');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByText('Enter a whole number from 1 to 10.')).toBeVisible();
    await form.getByLabel('Reply depth').fill('3');
    const blockList = form.getByLabel('Block list');
    await blockList.fill(`${await blockList.inputValue()}\n${word}`);
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByText('Settings saved.')).toBeVisible();

    const { articleId, formToken } = await formFor(admin, request);
    const res = await request.post('/api/comments', { data: { articleId, formToken, body: `Visit ${word.toUpperCase()} now`, name: 'Spam Mer', email: `spam-${word}@example.com` } });
    expect(await res.json()).toMatchObject({ status: 'pending' });
    await admin.goto(`/admin/comments?status=SPAM&q=${word}`);
    await expect(admin.getByRole('article', { name: 'Comment by Spam Mer' })).toHaveCount(1);

    // Leave the list as it was.
    await admin.goto('/admin/comments/settings');
    await blockList.fill(
      (await blockList.inputValue())
        .split('\n')
        .filter((w) => w !== word)
        .join('\n'),
    );
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByText('Settings saved.')).toBeVisible();
  });

  test('a new pending comment notifies editors: without SMTP it waits in the Outbox', async ({ browser }) => {
    const marker = unique();
    const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await reader.goto(ARTICLE_PATH);
    await fillAndPost(reader, `Notify the desk ${marker}`, 'Out Box', `out-${marker}@example.com`);
    await expect(reader.getByText(/awaiting moderation/)).toBeVisible();
    await reader.context().close();

    const editor = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
    await editor.goto('/admin/comments');
    await editor.getByRole('link', { name: 'Outbox' }).click();
    await expect(editor.getByText(/these are the messages the site would have sent/)).toBeVisible();
    const mail = editor.getByRole('article', { name: /^New comment awaiting moderation/ }).filter({ hasText: marker });
    await expect(mail.first()).toContainText('Out Box wrote:');
    await expect(mail.filter({ hasText: 'editor@broadsheet.test' })).toHaveCount(1);
    await editor.goto('/admin/comments/settings');
    await expect(editor).toHaveURL(/\/admin\?denied=1/);
    await editor.context().close();
  });
});

test.describe('commenter privacy', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('an admin exports, then erases, everything about one email', async ({ page: admin, request }) => {
    const marker = unique();
    const email = `privacy-${marker}@example.com`;
    const { articleId, formToken } = await formFor(admin, request);
    for (const i of [1, 2]) await request.post('/api/comments', { data: { articleId, formToken, body: `Mine ${i} ${marker}`, name: 'Pri Vacy', email } });

    await admin.goto('/admin/comments');
    await admin.getByRole('link', { name: 'Privacy' }).click();
    const exportForm = admin.getByRole('form', { name: 'Export a commenter’s data' });
    await exportForm.getByLabel('Email address').fill(email);
    const download = admin.waitForEvent('download');
    await exportForm.getByRole('button', { name: 'Download export' }).click();
    const file = await download;
    const data = JSON.parse(await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8')) as { email: string; comments: { body: string }[] };
    expect(data.email).toBe(email);
    expect(data.comments.map((c) => c.body).sort()).toEqual([`Mine 1 ${marker}`, `Mine 2 ${marker}`]);
    await expect(exportForm.getByText('Exported 2 comments.')).toBeVisible();

    const eraseForm = admin.getByRole('form', { name: 'Erase a commenter’s data' });
    await eraseForm.getByLabel('Email address').fill(email);
    await eraseForm.getByRole('checkbox').check();
    await eraseForm.getByRole('button', { name: 'Erase everything' }).click();
    await expect(eraseForm.getByText('Erased 2 comments and what was stored with them.')).toBeVisible();
    await admin.goto(`/admin/comments?q=${marker}`);
    await expect(admin.getByRole('article', { name: /^Comment by / })).toHaveCount(0);
  });
});

test.describe('bans', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('an admin bans a commenter from the queue; they get a neutral refusal until the ban is lifted', async ({ page: admin, browser }) => {
    test.slow(); // two browsers, three posts, a ban and its lifting
    const marker = unique();
    const email = `banned-${marker}@example.com`;
    const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await reader.goto(ARTICLE_PATH);
    await fillAndPost(reader, `Provocation ${marker}`, 'Tro Ll', email);
    await expect(reader.getByText(/awaiting moderation/)).toBeVisible();

    await admin.goto('/admin/comments');
    const item = admin.getByRole('article', { name: /^Comment by / }).filter({ hasText: `Provocation ${marker}` });
    await item.getByText('Ban commenter').click();
    const banForm = item.getByRole('form', { name: 'Ban commenter' });
    await banForm.getByLabel('Duration').selectOption('7');
    await banForm.getByLabel('Reason').fill(`Personal attacks ${marker}`);
    await banForm.getByRole('button', { name: 'Ban' }).click();
    await expect(banForm.getByText('Banned the commenter’s email for 7 days.')).toBeVisible();

    await reader.goto(ARTICLE_PATH);
    await fillAndPost(reader, `Back again ${marker}`, 'Tro Ll', email);
    await expect(reader.getByText('Sorry, your comment could not be posted.')).toBeVisible();
    // Neutral: the form says nothing about a ban (the article text itself may contain "ban").
    await expect(reader.getByRole('region', { name: 'Leave a reply' }).getByText(/\bban/i)).toHaveCount(0);

    await admin.goto('/admin/comments/bans');
    const ban = admin.getByRole('listitem', { name: `Email ban: Personal attacks ${marker}` });
    await expect(ban).toContainText('until');
    await expect(admin.getByText(email)).toHaveCount(0);
    await ban.getByRole('button', { name: 'Lift' }).click();
    await expect(ban).toHaveCount(0);

    await reader.goto(ARTICLE_PATH);
    await fillAndPost(reader, `Apologies ${marker}`, 'Tro Ll', email);
    await expect(reader.getByText(/awaiting moderation/)).toBeVisible();
    await reader.context().close();
  });

  test('editors moderate but cannot ban', async ({ browser }) => {
    const editor = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
    await editor.goto('/admin/comments');
    await expect(editor.getByRole('heading', { name: 'Comments', level: 1 })).toBeVisible();
    await expect(editor.getByText('Ban commenter')).toHaveCount(0);
    await editor.goto('/admin/comments/bans');
    await expect(editor).toHaveURL(/\/admin\?denied=1/);
    await editor.context().close();
  });
});

/** Groups payloads into comment bodies of at most ~4,500 characters, each led by a marker line. */
function chunk(marker: string, payloads: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const p of payloads) {
    if (size + p.length > 4_400 && current.length) {
      out.push(`[hostile ${marker} #${out.length}]\n${current.join('\n')}`);
      current = [];
      size = 0;
    }
    current.push(p);
    size += p.length + 1;
  }
  if (current.length) out.push(`[hostile ${marker} #${out.length}]\n${current.join('\n')}`);
  return out;
}

test.describe('hostile input', () => {
  test.use({ storageState: storageStateFor('admin') });

  test(`${XSS_PAYLOADS.length} XSS payloads posted through the form and the API run nothing once approved`, async ({ page: admin, browser, request }) => {
    test.setTimeout(240_000);
    const marker = unique();
    const executed: string[] = [];
    const watch = (p: Page) => {
      p.on('dialog', (d) => {
        executed.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      p.on('pageerror', (e) => executed.push(`pageerror: ${e.message}`));
    };
    watch(admin);
    const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    watch(reader);

    // Every payload goes through the real form; every payload also goes through the API.
    const viaForm = chunk(`${marker}-form`, XSS_PAYLOADS);
    for (const [i, body] of viaForm.entries()) {
      await reader.goto(HOSTILE_PATH);
      await fillAndPost(reader, body, XSS_PAYLOADS[i]!.slice(0, 100), `xss-form-${i}-${marker}@example.com`);
      await expect(reader.getByText(/awaiting moderation/)).toBeVisible();
    }
    const viaApi = chunk(`${marker}-api`, XSS_PAYLOADS);
    const { articleId, formToken } = await formFor(admin, request, HOSTILE_PATH);
    for (const [i, body] of viaApi.entries()) {
      const res = await request.post('/api/comments', { data: { articleId, formToken, body, name: XSS_PAYLOADS[i + 7]!.slice(0, 100), email: `xss-api-${i}-${marker}@example.com` } });
      expect(res.status(), await res.text()).toBe(202);
    }

    // The moderation queue shows them escaped too.
    await approveAll(admin, `hostile ${marker}`, viaForm.length + viaApi.length);

    await reader.goto(HOSTILE_PATH);
    const comments = reader.getByRole('article', { name: /^Comment by / }).filter({ hasText: `hostile ${marker}` });
    await expect(comments).toHaveCount(viaForm.length + viaApi.length);
    await reader.waitForLoadState('load');
    await reader.waitForTimeout(500);

    const report = await reader.evaluate((m) => {
      const bodies = [...document.querySelectorAll('.comment-body')].filter((b) => b.textContent?.includes(`hostile ${m}`));
      const foreign = bodies.flatMap((b) =>
        [...b.querySelectorAll('*')]
          .filter((el) => el.tagName !== 'A' || el.getAttribute('rel') !== 'nofollow ugc noopener' || !/^https?:\/\//.test(el.getAttribute('href') ?? '') || el.attributes.length !== 3)
          .map((el) => el.outerHTML.slice(0, 120)),
      );
      return { flag: (window as { __xss?: unknown }).__xss ?? null, foreign, texts: bodies.map((b) => b.textContent) };
    }, marker);
    expect(executed).toEqual([]);
    expect(report.flag).toBeNull();
    expect(report.foreign).toEqual([]);
    // What was typed is what readers see, character for character (NUL is dropped on the way in).
    const expected = [...viaForm, ...viaApi].map((b) => b.replace(/\u0000/g, '')).sort();
    expect([...report.texts].sort()).toEqual(expected);

    await admin.goto(HOSTILE_PATH);
    expect(await admin.evaluate(() => (window as { __xss?: unknown }).__xss ?? null)).toBeNull();
    expect(executed).toEqual([]);
    await reader.context().close();

    // Clean up with a bulk action, so later page scans stay fast.
    await admin.goto(`/admin/comments?status=APPROVED&q=${encodeURIComponent(`hostile ${marker}`)}`);
    await admin.getByRole('button', { name: 'Select all on this page' }).click();
    await admin.getByLabel('Bulk action').selectOption('trash');
    await admin.getByRole('button', { name: 'Apply to selected' }).click();
    await expect(admin.getByText(/^Bulk action done: move to trash/)).toBeVisible();
  });
});
