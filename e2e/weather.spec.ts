import { expect, test } from '@playwright/test';
import { weatherStubUrl } from './helpers';

// The stub's mode is global to the server, so these run one after another. The e2e server
// caches readings for one second (WEATHER_CACHE_SECONDS=1) and shows a stale one for three more,
// so a mode change shows up within seconds.
test.describe.configure({ mode: 'serial' });

test.describe('header weather', () => {
  const setMode = async (request: import('@playwright/test').APIRequestContext, mode: 'ok' | 'fail' | 'stall') => {
    const res = await request.post(`${weatherStubUrl()}/__mode`, { data: mode });
    expect(res.status()).toBe(204);
  };

  test.afterAll(async ({ request }) => {
    await setMode(request, 'ok');
  });

  test('shows the temperature and city from the forecast endpoint', async ({ page, request }) => {
    await setMode(request, 'ok');
    await expect(async () => {
      await page.goto('/');
      await expect(page.getByRole('banner').getByRole('group', { name: 'Weather in London' })).toHaveText('14.8 °C London', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  });

  test('is left out, and the page still renders, when the endpoint fails', async ({ page, request }) => {
    await setMode(request, 'fail');
    await expect(async () => {
      const res = await page.goto('/');
      expect(res?.status()).toBe(200);
      await expect(page.getByRole('banner').getByText('°C')).toHaveCount(0, { timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  test('is left out without holding the page when the endpoint stalls', async ({ page, request }) => {
    await setMode(request, 'ok');
    const widget = page.getByRole('banner').getByText('°C');
    await expect(async () => {
      await page.goto('/');
      await expect(widget).toHaveCount(1, { timeout: 500 });
    }).toPass({ timeout: 15_000 });

    await setMode(request, 'stall');
    // The stub answers after 5 s. Readers get the last reading (while recent) or none, never a wait:
    // every page view stays well under the stall, and the reading disappears once it is too old.
    const timings: number[] = [];
    await expect(async () => {
      const started = Date.now();
      const res = await page.goto('/', { waitUntil: 'domcontentloaded' });
      timings.push(Date.now() - started);
      expect(res?.status()).toBe(200);
      await expect(page.locator('main a[href^="/articles/"]').first()).toBeVisible({ timeout: 500 });
      await expect(widget).toHaveCount(0, { timeout: 500 });
    }).toPass({ timeout: 20_000 });
    expect(Math.max(...timings)).toBeLessThan(3_000);
  });
});
