import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { expectNoAxeViolations, fillBody, storageStateFor, unique, withoutWebSocket } from './helpers';

/** A real photo-sized JPEG (noise compresses badly, so it is ~1 MB and takes a moment to send). */
async function photo(width = 1600, height = 1000): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i % 3 === 0 ? (i / (width * 3)) % 256 : 120) + ((Math.random() * 40) | 0);
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Slows uploads so the progress bar is seen (localhost is otherwise instant). */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  return () => cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}

test.describe('media library', () => {
  test.beforeEach(({ context }) => withoutWebSocket(context));
  test.use({ storageState: storageStateFor('editor') });

  test('refuses a text file renamed .png with a clear message; the library page is accessible', async ({ page }) => {
    await page.goto('/admin/media');
    await expect(page.getByRole('heading', { name: 'Media library' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Upload images').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('Agenda: 1. biscuits 2. more biscuits\n'.repeat(10)) });
    await expect(page.getByRole('alert').filter({ hasText: '“notes.png” is not a JPEG, PNG, WebP, AVIF or GIF image' })).toContainText('Export it in one of those formats and try again.');
    await expect(page.getByRole('listitem').filter({ hasText: 'notes.png' })).toContainText('Not uploaded');
  });

  test('uploads with progress, inserts an image with alt, caption and credit, sets a hero, publishes', async ({ page }) => {
    test.slow(); // image processing on a shared 2-core machine, plus a throttled upload
    const title = `Lighthouse keeper retires after forty years ${unique()}`;
    const filename = `lighthouse-${unique()}.jpg`;
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(title);
    await fillBody(page, 'The lamp was lit for the last time by hand on Sunday.');
    // Autosave gives the new article its own address; reload it there so nothing remounts the editor mid-test.
    await expect(page).toHaveURL(/\/admin\/articles\/[a-z0-9]{20,}$/, { timeout: 30_000 });
    await expect(page.getByRole('status', { name: 'Autosave' })).toHaveText('Saved');
    await page.goto(page.url());
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await expect(page.getByLabel('Body')).toContainText('The lamp was lit');

    // Image button -> picker -> upload through the file input, with a progress bar.
    await page.getByRole('button', { name: 'Image', exact: true }).click();
    const picker = page.getByRole('dialog', { name: 'Insert an image' });
    await expect(picker).toBeVisible();
    const unthrottle = await throttleUploads(page, 400_000);
    await picker.getByLabel('Upload images').setInputFiles({ name: filename, mimeType: 'image/jpeg', buffer: await photo() });
    await expect(picker.getByRole('progressbar', { name: `Uploading ${filename}` })).toBeVisible();
    await expect(picker.getByRole('listitem').filter({ hasText: filename }).getByRole('status')).toHaveText(/^\d+%$/);
    await unthrottle();
    await expect(picker.getByRole('listitem').filter({ hasText: filename }).getByRole('status')).toHaveText('Uploaded', { timeout: 30_000 });

    // The new image is selected; it cannot go in without alt text.
    await expect(picker.getByText(`Selected: ${filename}`)).toBeVisible();
    await picker.getByRole('button', { name: 'Insert image' }).click();
    await expect(picker.getByRole('alert').filter({ hasText: 'Describe the image in the alt text before inserting it' })).toBeVisible();
    await picker.getByLabel('Alt text (required)').fill('The lighthouse at dusk, its lamp lit');
    await picker.getByLabel('Caption').fill('Ardmere lighthouse on its last manned night');
    await picker.getByLabel('Credit').fill('Morag Lens/Coast Pictures');
    await picker.getByRole('button', { name: 'Insert image' }).click();
    await expect(picker).toBeHidden();
    const editorImage = page.getByLabel('Body').locator('figure[data-media-id] img');
    await expect(editorImage).toHaveAttribute('alt', 'The lighthouse at dusk, its lamp lit');
    await expect.poll(() => editorImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

    // Hero image: the same picture, now described in the library.
    await page.getByRole('button', { name: 'Choose hero image' }).click();
    const heroPicker = page.getByRole('dialog', { name: 'Choose a hero image' });
    await heroPicker.getByRole('button', { name: 'The lighthouse at dusk, its lamp lit' }).first().click();
    await heroPicker.getByRole('button', { name: 'Use as hero image' }).click();
    await expect(heroPicker).toBeHidden();
    await expect(page.getByRole('group', { name: 'Hero image' })).toContainText('Alt text: The lighthouse at dusk, its lamp lit');

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published. The article is live.')).toBeVisible();
    await page.getByRole('link', { name: 'View article' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

    // The hero: responsive, sized (no layout shift), with caption and credit.
    const hero = page.locator('article header figure');
    const heroImg = hero.locator('img');
    await expect(heroImg).toHaveAttribute('alt', 'The lighthouse at dusk, its lamp lit');
    await expect(heroImg).toHaveAttribute('srcset', /\/media\/[a-f0-9]+\/w320\.webp 320w, .*w1280\.webp 1280w/);
    await expect(heroImg).toHaveAttribute('sizes', /740px/);
    await expect(heroImg).toHaveAttribute('width', '1600');
    await expect(heroImg).toHaveAttribute('height', '1000');
    await expect(hero.locator('figcaption')).toHaveText('Ardmere lighthouse on its last manned night — Morag Lens/Coast Pictures');
    await expect.poll(() => heroImg.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

    // The body figure.
    const figure = page.locator('.article-body figure.media-figure');
    await expect(figure.locator('img')).toHaveAttribute('srcset', /w640\.webp 640w/);
    await expect(figure.locator('source[type="image/avif"]')).toHaveAttribute('srcset', /w640\.avif 640w, .*w1280\.avif 1280w/);
    await expect(figure.locator('figcaption')).toHaveText('Ardmere lighthouse on its last manned night — Morag Lens/Coast Pictures');

    // Social cards use the focal-point crop.
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(ogImage).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/[a-f0-9]+\/social-[a-f0-9]+\.jpg$/);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute('content', ogImage!);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '[]') as { image?: string[] }[];
    expect(jsonLd[0]?.image).toEqual([ogImage]);
    const social = await page.request.get(ogImage!);
    expect(social.status()).toBe(200);
    expect(social.headers()['content-type']).toBe('image/jpeg');
    expect(social.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await sharp(await social.body()).metadata()).width).toBe(1200);

    // The library refuses to delete an image in use and says why.
    const mediaId = /\/media\/([a-f0-9]+)\//.exec(ogImage!)![1]!;
    await page.goto(`/admin/media/${mediaId}`);
    await expectNoAxeViolations(page);
    await page.getByLabel('Focal X (% from left)').fill('20');
    await page.getByLabel('Focal Y (% from top)').fill('30');
    await page.getByRole('button', { name: 'Save image details' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Image saved.' })).toBeVisible();
    await page.getByRole('button', { name: 'Delete image' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'This image is used in 1 article' })).toContainText('Remove it from that article first');
  });

  test('serves nothing outside the media folder', async ({ request }) => {
    for (const path of ['/media/..%2F..%2Fpackage.json', '/media/%2e%2e/%2e%2e/package.json', '/media/x/..%5C..%5Cpackage.json', '/media/nope/w320.webp']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
    }
  });
});
