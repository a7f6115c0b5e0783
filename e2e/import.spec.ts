import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { expectNoAxeViolations, storageStateFor, unique } from './helpers';

// Moving in from WordPress: an admin uploads a WXR export at /admin/import, watches the job's
// progress and reads its report; the old site's addresses answer 301 to the new ones; the
// imported story shows its body, its hero (fetched from the old site, here a local server) and
// only its approved comments.

const u = unique();
const slug = `ferry-timetable-${u}`;
// WordPress ids of this run: the import remembers each source id, so a retry (a new worker, a new
// run of this file) must bring ids the site has not seen, or its report says "updated".
const idBase = 10_000 * (1 + Math.floor(Math.random() * 100_000));
const postId = idBase + 501;
const imageId = idBase + 502;

function wxr(imageBase: string) {
  const comment = (id: number, parent: number, approved: string, type: string, author: string, text: string) => `
    <wp:comment><wp:comment_id>${idBase + id}</wp:comment_id><wp:comment_author><![CDATA[${author}]]></wp:comment_author>
      <wp:comment_author_email>r${id}@example.org</wp:comment_author_email><wp:comment_author_IP>203.0.113.${id}</wp:comment_author_IP>
      <wp:comment_date_gmt>2020-01-0${id} 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${text}]]></wp:comment_content>
      <wp:comment_approved>${approved}</wp:comment_approved><wp:comment_type>${type}</wp:comment_type><wp:comment_parent>${parent ? idBase + parent : 0}</wp:comment_parent></wp:comment>`;
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Old Gazette</title><link>https://old-gazette.example</link>
  <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old-gazette.example</wp:base_site_url><wp:base_blog_url>https://old-gazette.example</wp:base_blog_url>
  <wp:author><wp:author_id>7</wp:author_id><wp:author_login>pat-${u}</wp:author_login><wp:author_email>pat-${u}@old-gazette.example</wp:author_email><wp:author_display_name><![CDATA[Pat Oldhand]]></wp:author_display_name></wp:author>
  <wp:category><wp:term_id>70</wp:term_id><wp:category_nicename>quayside-${u}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Quayside ${u}]]></wp:cat_name></wp:category>
  <item>
    <title>quay</title><link>https://old-gazette.example/?attachment_id=${imageId}</link><dc:creator>pat-${u}</dc:creator>
    <wp:post_id>${imageId}</wp:post_id><wp:post_date_gmt>2020-01-01 09:00:00</wp:post_date_gmt><wp:post_name>quay</wp:post_name><wp:status>inherit</wp:status>
    <wp:post_parent>${postId}</wp:post_parent><wp:post_type>attachment</wp:post_type><wp:attachment_url>${imageBase}/wp-content/uploads/2020/01/quay-${u}.jpg</wp:attachment_url>
    <wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2020/01/quay-${u}.jpg</wp:meta_value></wp:postmeta>
    <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[The ferry at the quay in winter light]]></wp:meta_value></wp:postmeta>
  </item>
  <item>
    <title><![CDATA[Ferry timetable changes ${u}]]></title><link>https://old-gazette.example/2020/01/${slug}/</link><dc:creator>pat-${u}</dc:creator>
    <content:encoded><![CDATA[<p>The winter timetable starts on Monday, with an extra crossing at dawn.</p><h2>What changes</h2><p>Evening sailings stop at nine.</p>]]></content:encoded>
    <excerpt:encoded><![CDATA[An extra crossing at dawn.]]></excerpt:encoded>
    <wp:post_id>${postId}</wp:post_id><wp:post_date_gmt>2020-01-02 08:00:00</wp:post_date_gmt><wp:post_name>${slug}</wp:post_name><wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky><wp:comment_status>open</wp:comment_status>
    <category domain="category" nicename="quayside-${u}"><![CDATA[Quayside ${u}]]></category>
    <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${imageId}</wp:meta_value></wp:postmeta>
    ${comment(1, 0, '1', '', 'Ann Reader', 'Finally a dawn crossing!')}
    ${comment(2, 1, '1', '', 'Bo Reply', 'Agreed, about time.')}
    ${comment(3, 0, '0', '', 'Cy Pending', 'This one waits for moderation.')}
    ${comment(4, 0, '1', 'pingback', 'Other blog', 'Linked from elsewhere')}
  </item>
</channel>
</rss>`;
}

test.describe('import from WordPress', () => {
  test.use({ storageState: storageStateFor('admin') });
  let images: http.Server;
  let imageBase: string;

  test.beforeAll(async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 40, g: 90, b: 150 } } })
      .jpeg()
      .toBuffer();
    images = http.createServer((req, res) => (req.url?.endsWith('.jpg') ? res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(jpeg) : res.writeHead(404).end()));
    await new Promise<void>((r) => images.listen(0, '127.0.0.1', r));
    imageBase = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((r) => images.close(() => r())));

  test('an admin imports a WXR file, follows its progress and reads the report; old addresses redirect; the story shows', async ({ page, request }) => {
    await page.goto('/admin/import');
    await expect(page.getByRole('heading', { name: 'Import and export', level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);

    // Without a file, the form says what to do.
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByText('Choose the export file to import.')).toBeVisible();

    await page.getByLabel('Export file').setInputFiles({ name: `old-gazette-${u}.xml`, mimeType: 'text/xml', buffer: Buffer.from(wxr(imageBase)) });
    await page.getByLabel('Source').selectOption('wordpress');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page).toHaveURL(/\/admin\/import\?job=/);
    const progress = page.getByRole('region', { name: 'Progress' });
    await expect(progress.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
    await expect(progress.getByText('Finished')).toBeVisible({ timeout: 30_000 });
    // A reload shows the same import and its report (the job is on the server).
    await page.reload();
    await expect(progress.getByText('Finished')).toBeVisible();
    await expect(progress.getByTestId('import-counts')).toContainText(/[1-9]\d* imported/);
    const report = progress.getByRole('table', { name: 'Import report, by kind' });
    await expect(report.getByRole('row', { name: /^post 1 0 0 0$/ })).toBeVisible();
    await expect(report.getByRole('row', { name: /^comment 3 0 0 1$/ })).toBeVisible();
    await progress.getByText('Skipped, and why').click();
    await expect(progress.getByText(/Pingbacks are not imported/)).toBeVisible();
    await expect(progress.getByRole('link', { name: 'Download the report' })).toHaveAttribute('href', /\/api\/import\/.+\/report$/);
    await expectNoAxeViolations(page);

    // The old site's addresses are real redirects.
    // Next.js first drops a trailing slash (308), then the old address answers 301.
    const slashed = await request.get(`/2020/01/${slug}/`);
    expect(slashed.url()).toMatch(new RegExp(`/articles/${slug}$`));
    for (const old of [`/2020/01/${slug}`, `/?p=${postId}`]) {
      const res = await request.get(old, { maxRedirects: 0 });
      expect(res.status(), old).toBe(301);
      expect(res.headers().location, old).toMatch(new RegExp(`/articles/${slug}$`));
    }
    expect((await request.get(`/category/quayside-${u}`, { maxRedirects: 0 })).headers().location).toMatch(new RegExp(`/sections/quayside-${u}$`));

    await page.goto(`/2020/01/${slug}/`);
    await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`));
    await expect(page.getByRole('heading', { name: `Ferry timetable changes ${u}`, level: 1 })).toBeVisible();
    await expect(page.getByText('The winter timetable starts on Monday, with an extra crossing at dawn.')).toBeVisible();
    await expect(page.getByRole('img', { name: 'The ferry at the quay in winter light' })).toBeVisible();
    await expect(page.getByText('Finally a dawn crossing!')).toBeVisible();
    await expect(page.getByText('Agreed, about time.')).toBeVisible();
    await expect(page.getByText('This one waits for moderation.')).toHaveCount(0);
  });
});

test.describe('import from Ghost', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('the Ghost site address is asked for Ghost exports only, and checked before the upload', async ({ page }) => {
    await page.goto('/admin/import');
    await expect(page.getByLabel('Ghost site address')).toHaveCount(0);
    await page.getByLabel('Export file').setInputFiles(path.join(import.meta.dirname, '..', 'test', 'fixtures', 'import', 'ghost-5.json'));
    await page.getByLabel('Source').selectOption('ghost');
    const siteUrl = page.getByLabel('Ghost site address');
    await siteUrl.fill('coast-news.example');
    await page.getByLabel('Dry run').check();
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByText('Give the address of the Ghost site, starting with https://')).toBeVisible();
    await expect(siteUrl).toHaveAttribute('aria-invalid', 'true');
    await expect(page).not.toHaveURL(/job=/);
    await expectNoAxeViolations(page);

    await siteUrl.fill('https://coast-news.example');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page).toHaveURL(/\/admin\/import\?job=/);
    const progress = page.getByRole('region', { name: 'Progress' });
    await expect(progress.getByText('Finished')).toBeVisible({ timeout: 30_000 });
    await expect(progress.getByRole('table', { name: 'Import report, by kind' }).getByRole('row', { name: /^menu / })).toBeVisible();
  });
});
