import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, firstArticlePath, storageStateFor, unique } from './helpers';

// Ads, site settings and the comment threshold change what every public page shows, so this
// file runs one test at a time and puts each setting back when it is done.
test.describe.configure({ mode: 'serial' });
// Several axe scans and two browsers per test: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });
test.use({ storageState: storageStateFor('admin') });

const SITE_TZ = 'Europe/London';

/** An instant as the value of a datetime-local field in `timeZone`. */
function wallTime(date: Date, timeZone = SITE_TZ): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
const DAY = 86_400_000;

async function newAd(page: Page, opts: { name: string; placement: string; html: string; startsAt?: string; endsAt?: string; paragraph?: string }) {
  await page.goto('/admin/ads');
  await page.getByRole('link', { name: 'New ad slot' }).click();
  const form = page.getByRole('form', { name: 'New ad slot' });
  await form.getByLabel('Name').fill(opts.name);
  await form.getByLabel('Placement').selectOption({ label: opts.placement });
  if (opts.paragraph) await form.getByLabel('Paragraph number (N)').fill(opts.paragraph);
  await form.getByLabel('HTML creative').check();
  await form.getByLabel('HTML', { exact: true }).fill(opts.html);
  if (opts.startsAt) await form.getByLabel('Starts').fill(opts.startsAt);
  if (opts.endsAt) await form.getByLabel('Ends').fill(opts.endsAt);
  await form.getByRole('button', { name: 'Create ad slot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: opts.name })).toBeVisible();
}

test.describe('ad slots', () => {
  test('an admin runs a sidebar ad from now until tomorrow, then ends it: it shows, labelled, and goes', async ({ page, browser }) => {
    const marker = unique();
    const name = `Membership sidebar ${marker}`;
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Ads', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ads' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Invalid input is explained and changes nothing.
    await page.getByRole('link', { name: 'New ad slot' }).click();
    const form = page.getByRole('form', { name: 'New ad slot' });
    await expectNoAxeViolations(page);
    await form.getByLabel('Image URL').fill('javascript:alert(1)');
    await form.getByLabel('Starts').fill(wallTime(new Date(Date.now() + DAY)));
    await form.getByLabel('Ends').fill(wallTime(new Date()));
    await form.getByRole('button', { name: 'Create ad slot' }).click();
    await expect(form.getByText('Enter a name, e.g. “Membership drive — sidebar”.')).toBeVisible();
    await expect(form.getByText('Enter the image URL as a full web address starting with https:// (or http://).')).toBeVisible();
    await expect(form.getByText('Enter the link URL readers go to, starting with https://.')).toBeVisible();
    await expect(form.getByText('The end must be after the start.')).toBeVisible();

    await newAd(page, {
      name,
      placement: 'Sidebar',
      html: `<p><strong>Join us</strong> ${marker}</p>`,
      startsAt: wallTime(new Date(Date.now() - 5 * 60_000)),
      endsAt: wallTime(new Date(Date.now() + DAY)),
    });
    await expect(page.getByText('Status: Live: showing now.')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/admin/ads');
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Live');

    const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    const path = await firstArticlePath(reader);
    await reader.goto(path);
    const ad = reader.getByRole('complementary').getByRole('group', { name: 'Advertisement' }).filter({ hasText: marker });
    await expect(ad).toBeVisible();
    await expect(ad).toContainText('Join us');
    // The slot keeps its reserved 300 × 250 box.
    const box = await ad.locator('[style*="aspect-ratio"]').boundingBox();
    expect(Math.round((box!.width / box!.height) * 100) / 100).toBeCloseTo(1.2, 1);

    // End it yesterday: it is expired and gone from the page.
    await page.getByRole('link', { name }).click();
    const edit = page.getByRole('form', { name: 'Edit ad slot' });
    await edit.getByLabel('Starts').fill(wallTime(new Date(Date.now() - 2 * DAY)));
    await edit.getByLabel('Ends').fill(wallTime(new Date(Date.now() - DAY)));
    await edit.getByRole('button', { name: 'Save ad slot' }).click();
    await expect(edit.getByText(`Ad slot “${name}” saved.`)).toBeVisible();
    await page.reload();
    await expect(page.getByText('Status: Expired: its end date has passed.')).toBeVisible();
    await reader.reload();
    await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(reader.getByText(marker)).toHaveCount(0);
    await reader.context().close();
  });

  test('scripts are stripped from an HTML creative; the preview shows what readers get; delete asks first', async ({ page, browser }) => {
    const marker = unique();
    const name = `Hostile creative ${marker}`;
    const executed: string[] = [];
    await newAd(page, {
      name,
      placement: 'After paragraph N',
      paragraph: '1',
      html: `<p onclick="window.__adXss=1">Spring sale ${marker}</p><script>window.__adXss = 1; alert('ad')</script><img src="x" onerror="window.__adXss=1">`,
    });
    await expect(page.getByRole('status').filter({ hasText: 'Unsafe markup (scripts, styles, frames, forms or event handlers) was removed' })).toBeVisible();
    const stored = page.getByLabel('Stored HTML');
    await expect(stored).toContainText(`Spring sale ${marker}`);
    await expect(stored).not.toContainText('script');
    await expect(stored).not.toContainText('onclick');
    await expect(stored).not.toContainText('onerror');
    const preview = page.getByRole('region', { name: 'Preview' }).getByRole('group', { name: 'Advertisement' });
    await expect(preview).toContainText(`Spring sale ${marker}`);

    const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    reader.on('dialog', (d) => {
      executed.push(d.message());
      void d.dismiss();
    });
    await reader.goto(await firstArticlePath(reader));
    const ad = reader.getByRole('article').getByRole('group', { name: 'Advertisement' }).filter({ hasText: marker });
    await expect(ad).toBeVisible();
    await ad.getByText(`Spring sale ${marker}`).click();
    expect(await ad.locator('script, [onclick], [onerror]').count()).toBe(0);
    expect(await reader.evaluate(() => (window as { __adXss?: unknown }).__adXss ?? null)).toBeNull();
    expect(executed).toEqual([]);

    // Delete needs the tick.
    const del = page.getByRole('form', { name: 'Delete ad slot' });
    await del.getByRole('button', { name: 'Delete ad slot' }).click();
    await expect(del.getByText('Tick the box to confirm that the ad slot should be deleted.')).toBeVisible();
    await del.getByRole('checkbox').check();
    await del.getByRole('button', { name: 'Delete ad slot' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Ad slot deleted.' })).toBeVisible();
    await expect(page.getByRole('link', { name })).toHaveCount(0);
    await reader.reload();
    await expect(reader.getByText(`Spring sale ${marker}`)).toHaveCount(0);
    await reader.context().close();
  });

  test('editors cannot reach ads or site settings', async ({ browser }) => {
    const editor = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
    await editor.goto('/admin/comments');
    const nav = editor.getByRole('navigation', { name: 'Dashboard' });
    await expect(nav.getByRole('link', { name: 'Comments', exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Ads', exact: true })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Settings', exact: true })).toHaveCount(0);
    // Editors see the Outbox, not the admin-only comment pages.
    const tools = editor.getByRole('navigation', { name: 'Comment tools' });
    await expect(tools.getByRole('link')).toHaveText(['Outbox']);
    for (const path of ['/admin/ads', '/admin/ads/new', '/admin/settings']) {
      await editor.goto(path);
      await expect(editor).toHaveURL(/\/admin\?denied=1/);
    }
    await editor.context().close();
  });
});

test.describe('site settings', () => {
  test('an admin moves the weather to Paris and the site to Paris time; the header follows', async ({ page, browser }) => {
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Site settings' })).toBeVisible();
    await expectNoAxeViolations(page);
    const form = page.getByRole('form', { name: 'Site settings' });
    const save = () => form.getByRole('button', { name: 'Save site settings' }).click();

    await form.getByLabel('Time zone').fill('Europe/Pariss');
    await form.getByLabel('Latitude').fill('95');
    await save();
    await expect(form.getByText('This is not a time zone we know. Use an IANA name such as Europe/London or America/New_York.')).toBeVisible();
    await expect(form.getByText('The latitude must be between -90 and 90.')).toBeVisible();

    const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    try {
      await form.getByLabel('Time zone').fill('Europe/Paris');
      await form.getByLabel('Weather city').fill('Paris');
      await form.getByLabel('Latitude').fill('48.8566');
      await form.getByLabel('Longitude').fill('2.3522');
      await save();
      await expect(form.getByText(/^Settings saved\./)).toBeVisible();

      const today = (tz: string) => new Intl.DateTimeFormat('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: tz }).format(new Date());
      await expect(async () => {
        await reader.goto('/');
        const banner = reader.getByRole('banner');
        await expect(banner.getByRole('group', { name: 'Weather in Paris' })).toHaveText('14.8 °C Paris', { timeout: 1000 });
        await expect(banner.locator('time')).toHaveText(today('Europe/Paris'), { timeout: 1000 });
      }).toPass({ timeout: 15_000 });
    } finally {
      await page.goto('/admin/settings');
      await form.getByLabel('Time zone').fill(SITE_TZ);
      await form.getByLabel('Weather city').fill('London');
      await form.getByLabel('Latitude').fill('51.5072');
      await form.getByLabel('Longitude').fill('-0.1276');
      await save();
      await expect(form.getByText(/^Settings saved\./)).toBeVisible();
    }
    await expect(async () => {
      await reader.goto('/');
      await expect(reader.getByRole('banner').getByRole('group', { name: 'Weather in London' })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await reader.context().close();
  });
});

test.describe('comment rules', () => {
  test('a comment sent faster than the threshold set in comment settings lands in Spam', async ({ page, browser }) => {
    const marker = unique();
    await page.goto('/admin/comments');
    await page.getByRole('navigation', { name: 'Comment tools' }).getByRole('link', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Comment settings' });
    const threshold = form.getByLabel('Too fast: minimum seconds before posting');
    const saved = await threshold.inputValue();
    const setThreshold = async (value: string) => {
      await page.goto('/admin/comments/settings');
      await threshold.fill(value);
      await form.getByRole('button', { name: 'Save settings' }).click();
      await expect(form.getByText('Settings saved.')).toBeVisible();
    };
    await setThreshold('30');
    try {
      const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
      await reader.goto(await firstArticlePath(reader));
      const reply = reader.getByRole('region', { name: 'Leave a reply' });
      await reply.getByLabel('Comment', { exact: true }).fill(`Too quick ${marker}`);
      await reply.getByLabel('Name').fill('Speedy Bot');
      await reply.getByLabel('Email').fill(`speedy-${marker}@example.com`);
      await reply.getByRole('button', { name: 'Post comment' }).click();
      // The sender is told nothing different.
      await expect(reader.getByText(/awaiting moderation/)).toBeVisible();
      await reader.context().close();
    } finally {
      await setThreshold(saved);
    }
    await page.goto(`/admin/comments?status=PENDING&q=${marker}`);
    await expect(page.getByRole('article', { name: /^Comment by / })).toHaveCount(0);
    await page.goto(`/admin/comments?status=SPAM&q=${marker}`);
    await expect(page.getByRole('article', { name: 'Comment by Speedy Bot' })).toHaveCount(1);
  });
});

test.describe('client addresses (TRUST_PROXY off on the e2e server)', () => {
  test('a forged X-Forwarded-For neither dodges nor triggers an IP ban; the socket address is recorded', async ({ page, request }) => {
    const marker = unique();
    const forged = '203.0.113.9';
    await page.goto('/admin/comments/bans');
    const add = page.getByRole('form', { name: 'Ban an email or IP address' });
    await add.getByLabel('Kind').selectOption('IP');
    await add.getByLabel('Email or IP').fill(forged);
    await add.getByLabel('Reason').fill(`Proxy check ${marker}`);
    await add.getByRole('button', { name: 'Add ban' }).click();
    await expect(add.getByText('Banned that IP address.')).toBeVisible();
    try {
      await page.goto(await firstArticlePath(page));
      const articleId = await page.locator('input[name="articleId"]').first().inputValue();
      const { formToken } = (await (await request.get(`/api/comments?articleId=${articleId}`)).json()) as { formToken: string };
      // Were X-Forwarded-For believed, this comment would come from the banned address and be refused.
      const res = await request.post('/api/comments', {
        headers: { 'x-forwarded-for': forged, 'x-real-ip': forged },
        data: { articleId, formToken, body: `Behind a forged header ${marker}`, name: 'Fo Rged', email: `forged-${marker}@example.com` },
      });
      expect(res.status(), await res.text()).toBe(202);
      // The address the request really came from was recorded: the queue offers to ban it.
      await page.goto(`/admin/comments?q=${marker}`);
      const item = page.getByRole('article', { name: 'Comment by Fo Rged' });
      await item.getByText('Ban commenter').click();
      await expect(item.getByRole('form', { name: 'Ban commenter' }).getByLabel('IP address')).toBeVisible();
    } finally {
      await page.goto('/admin/comments/bans');
      const ban = page.getByRole('listitem', { name: `IP ban: Proxy check ${marker}` });
      await ban.getByRole('button', { name: 'Lift' }).click();
      await expect(ban).toHaveCount(0);
    }
  });
});
