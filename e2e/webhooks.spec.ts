import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, fillBody, storageStateFor, unique } from './helpers';

// Webhooks end to end: an admin registers a receiver started by this test, an article is
// published in the editor, and the server's delivery worker posts the signed event to it.

type Received = { headers: http.IncomingHttpHeaders; body: string };

test.describe('webhooks', () => {
  test.use({ storageState: storageStateFor('admin') });

  let receiver: http.Server;
  let url: string;
  const received: Received[] = [];
  /** Status codes to answer with, in order; 200 once they run out. */
  const answers: number[] = [];

  test.beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answers.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/${unique()}`;
  });
  test.afterAll(() => new Promise((resolve) => receiver.close(resolve)));

  test('an admin registers an endpoint, a publication is delivered signed (retried after a 500), and Resend sends it again', async ({ page }) => {
    test.slow();
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Bad input is refused with a message naming what to do.
    await page.getByLabel('Endpoint URL').fill('not a url');
    await page.getByRole('button', { name: 'Register endpoint' }).click();
    await expect(page.getByText('Enter a full http:// or https:// URL')).toBeVisible();

    await page.getByLabel('Endpoint URL').fill(url);
    for (const event of ['Comment approved', 'Article deleted']) await page.getByRole('checkbox', { name: new RegExp(event) }).uncheck();
    await page.getByRole('button', { name: 'Register endpoint' }).click();
    await expect(page.getByText('copy it now, it will not be shown again')).toBeVisible();
    const secret = await page.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expectNoAxeViolations(page);

    // Publish an article; the receiver fails the first attempt.
    answers.push(500);
    const title = `Webhook story ${unique()}`;
    await page.goto('/admin/articles/new');
    // As e2e/editor.spec.ts does: wait for the editor to be interactive, save a draft, then publish.
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(title);
    await fillBody(page, 'A story for the webhook.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published. The article is live.')).toBeVisible();

    const ours = () => received.filter((r) => JSON.parse(r.body).data?.article?.title === title);
    // The e2e server retries after WEBHOOK_RETRY_BASE_MS (1 s).
    await expect.poll(() => ours().length, { timeout: 20_000 }).toBe(2);
    for (const { headers, body } of ours()) {
      expect(headers['x-broadsheet-event']).toBe('article.published');
      const expected = `sha256=${crypto.createHmac('sha256', secret).update(`${headers['x-broadsheet-timestamp']}.${body}`).digest('hex')}`;
      expect(headers['x-broadsheet-signature']).toBe(expected);
    }

    await page.goto('/admin/webhooks');
    await page.getByRole('link', { name: url }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(url);
    const log = page.getByRole('table', { name: `Deliveries to ${url}` });
    const row = log.getByRole('row').filter({ hasText: 'article.published' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Delivered');
    await expect(row).toContainText('HTTP 200');
    await expect(row).toContainText('#1: HTTP 500');
    await expect(row).toContainText('#2: HTTP 200');
    await expectNoAxeViolations(page);

    await row.getByRole('button', { name: 'Resend' }).click();
    await expect(page.getByText('Queued again as a new delivery')).toBeVisible();
    await expect.poll(() => ours().length, { timeout: 20_000 }).toBe(3);
    await page.getByRole('link', { name: 'Refresh the log' }).click();
    await expect(log.getByRole('row').filter({ hasText: 'article.published' })).toHaveCount(2);
    await expect(log.getByRole('row').filter({ hasText: 'article.published' }).first()).toContainText('Delivered');

    // Send test event reaches the receiver too; then the endpoint is deleted.
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect(page.getByText('Test event queued')).toBeVisible();
    await expect.poll(() => received.some((r) => r.headers['x-broadsheet-event'] === 'webhook.test'), { timeout: 20_000 }).toBe(true);
    await page.getByRole('button', { name: 'Delete endpoint' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete endpoint' });
    await expect(confirm).toContainText('This cannot be undone.');
    await confirm.getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks\?deleted=1$/);
    await expect(page.getByRole('link', { name: url })).toHaveCount(0);
  });
});

test.describe('editors', () => {
  test.use({ storageState: storageStateFor('editor') });

  test('cannot open the webhooks page', async ({ page }) => {
    await page.goto('/admin');
    await expect(page.getByRole('link', { name: 'Webhooks' })).toHaveCount(0);
    await page.goto('/admin/webhooks');
    await expect(page).toHaveURL(/\/admin\?denied=1$/);
  });
});
