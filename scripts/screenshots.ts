// Screenshots of the dashboard for the README: the overview, the articles list, the editor and
// the comments queue, each in the light and the dark scheme, saved under docs/screenshots/.
// Not part of `npm test`. Against a running, seeded server (the e2e server works):
//   E2E_PORT=5100 E2E_SKIP_BUILD=1 npx tsx scripts/e2e-server.ts &   # or `npm start`
//   BASE_URL=http://127.0.0.1:5100 npx tsx scripts/screenshots.ts
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const DEMO = { email: process.env.SCREENSHOT_EMAIL ?? 'editor@broadsheet.test', password: process.env.SCREENSHOT_PASSWORD ?? 'broadsheet-demo' };

const SHOTS: { name: string; path: (page: Page) => Promise<string> }[] = [
  { name: 'overview', path: async () => '/admin' },
  { name: 'articles', path: async () => '/admin/articles' },
  {
    name: 'editor',
    // The most recently published article of the list, opened in the editor.
    path: async (page) => {
      await page.goto(`${BASE_URL}/admin/articles?status=PUBLISHED&sort=published`);
      return (await page.getByRole('rowheader').first().getByRole('link').getAttribute('href')) ?? '/admin/articles/new';
    },
  },
  { name: 'comments', path: async () => '/admin/comments' },
];

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch(fs.existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] } : {});
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/admin/);
  for (const shot of SHOTS) {
    const target = await shot.path(page);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${BASE_URL}${target}`);
      await page.waitForLoadState('networkidle');
      const file = path.join(OUT, `${shot.name}-${colorScheme}.png`);
      await page.screenshot({ path: file });
      console.log(`screenshots: ${path.relative(process.cwd(), file)}`);
    }
  }
  await browser.close();
}

await main();
