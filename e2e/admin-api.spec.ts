import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, storageStateFor, unique } from './helpers';

// The admin API over real HTTP, with an admin key made the way an admin makes one: in the
// dashboard. A story created and published with it is on the public site.

test.use({ storageState: storageStateFor('admin') });

test('an admin creates an admin key; a client creates, edits and publishes a story with it', async ({ page, request }) => {
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

  const auth = { Authorization: `Bearer ${key}` };
  const title = `Wire story ${unique()}`;
  const created = await request.post('/api/v1/admin/articles', {
    headers: { ...auth, 'Idempotency-Key': `e2e-${unique()}` },
    data: { title, standfirst: 'Filed over the admin API.', html: '<p>The council <strong>voted</strong> last night.</p><script>alert(1)</script>' },
  });
  expect(created.status()).toBe(201);
  const { data: draft } = await created.json();
  expect(draft).toMatchObject({ title, status: 'draft', version: 1, url: null });
  expect(created.headers()['etag']).toBe('"1"');

  const edited = await request.patch(`/api/v1/admin/articles/${draft.id}`, { headers: { ...auth, 'If-Match': '"1"' }, data: { tags: ['Council'] } });
  expect(edited.status()).toBe(200);
  const stale = await request.post(`/api/v1/admin/articles/${draft.id}/publish`, { headers: { ...auth, 'If-Match': '"1"' } });
  expect(stale.status()).toBe(412);
  expect((await stale.json()).error.details).toEqual({ currentVersion: ['2'] });

  const published = await request.post(`/api/v1/admin/articles/${draft.id}/publish`, { headers: { ...auth, 'If-Match': edited.headers()['etag']! } });
  expect(published.status()).toBe(200);
  const { data: story } = await published.json();
  expect(story).toMatchObject({ status: 'published', version: 3, url: `/articles/${draft.slug}` });

  await page.goto(story.url);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('The council voted last night.')).toBeVisible();

  // Revoked in the dashboard: the next call is refused.
  await page.goto('/admin/api-keys');
  await page.getByRole('row').filter({ hasText: label }).getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('row').filter({ hasText: label })).toContainText('Revoked');
  expect((await request.get(`/api/v1/admin/articles/${draft.id}`, { headers: auth })).status()).toBe(401);
});
