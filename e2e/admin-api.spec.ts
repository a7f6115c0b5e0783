import { expect, test } from '@playwright/test';
import { createBroadsheetClient, StaleVersionError } from '../sdk/src/index';
import { expectNoAxeViolations, storageStateFor, unique } from './helpers';

// The admin API over real HTTP, with an admin key made the way an admin makes one: in the
// dashboard. A story created and published with it is on the public site.

test.use({ storageState: storageStateFor('admin') });

test('an admin creates an admin key; a client creates, edits and publishes a story with it', async ({ page, request }) => {
  // A whole newsroom round trip (dashboard, SDK, public page, dashboard again): more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const label = `E2E wire ${unique()}`;
  await page.goto('/admin/api-keys');
  await page.getByLabel('Label').fill(label);
  await page.getByLabel('Key type').selectOption('ADMIN');
  // Acts as: the signed-in admin unless another user is chosen.
  await expect(page.getByLabel('Acts as')).toBeVisible();
  await page.getByLabel('articles:write', { exact: true }).check();
  await page.getByLabel('articles:publish', { exact: true }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('copy it now, it will not be shown again')).toBeVisible();
  const key = await page.getByLabel('New key').inputValue();
  const row = page.getByRole('row').filter({ hasText: label });
  await expect(row).toContainText('articles:write, articles:publish');
  await expectNoAxeViolations(page);

  // The SDK (sdk/), as a client would use it: versions and Idempotency-Key are its business.
  const cms = createBroadsheetClient({ baseUrl: new URL(page.url()).origin, apiKey: key });
  const title = `Wire story ${unique()}`;
  const draft = await cms.articles.create({ title, standfirst: 'Filed over the admin API.', html: '<p>The council <strong>voted</strong> last night.</p><script>alert(1)</script>' });
  expect(draft).toMatchObject({ title, status: 'draft', version: 1, url: null });
  const edited = await cms.articles.update(draft.id, { tags: ['Council'] });
  expect(edited).toMatchObject({ version: 2, tags: ['Council'] });
  const stale = await cms.articles.publish(draft.id, { version: 1 }).catch((e: unknown) => e);
  expect(stale).toBeInstanceOf(StaleVersionError);
  expect(stale).toMatchObject({ status: 412, currentVersion: 2 });
  const story = await cms.articles.publish(draft.id);
  expect(story).toMatchObject({ status: 'published', version: 3, url: `/articles/${draft.slug}` });

  // Over plain HTTP: the ETag carries the version.
  const auth = { Authorization: `Bearer ${key}` };
  const got = await request.get(`/api/v1/admin/articles/${draft.id}`, { headers: auth });
  expect(got.headers()['etag']).toBe('"3"');

  await page.goto(story.url!);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('The council voted last night.')).toBeVisible();

  // Revoked in the dashboard: the next call is refused.
  await page.goto('/admin/api-keys');
  await page.getByRole('row').filter({ hasText: label }).getByRole('button', { name: 'Revoke' }).click();
  // The action re-renders the whole keys screen: on a busy machine that can take more than the default 10 s.
  await expect(page.getByRole('row').filter({ hasText: label })).toContainText('Revoked', { timeout: 30_000 });
  expect((await request.get(`/api/v1/admin/articles/${draft.id}`, { headers: auth })).status()).toBe(401);
});
