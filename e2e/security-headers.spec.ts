import { expect, test, type Page } from '@playwright/test';
import { seedArticles } from '../prisma/seed-data/articles';
import { storageStateFor, unique } from './helpers';

// The Content-Security-Policy in a real browser: every page a reader, a writer or an editor uses
// runs without one blocked script (hashes on cached pages, a nonce on dynamic ones), and every
// kind of response carries the security headers.

// A story no other spec scans with axe or floods with comments.
const byAge = [...seedArticles].sort((a, b) => a.hoursAgo - b.hoursAgo);
const ARTICLE_PATH = `/articles/${byAge[2]!.slug}`;

/** Collects CSP violations and console errors from now on (the missing favicon aside). */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction('reportCspViolation', (v: string) => problems.push(`CSP violation: ${v}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      ),
    ),
  );
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

test.describe('Content-Security-Policy in the browser', () => {
  test('a reader reads the home page, a story (and comments on it) and search with nothing blocked', async ({ page }) => {
    const problems = await watchForProblems(page);
    await page.goto('/');
    await page.goto('/');
    await page.goto(ARTICLE_PATH);
    // Served from the cache's fast path by now, with the same hashes.
    await page.reload();
    const form = page.getByRole('region', { name: 'Leave a reply' });
    const marker = unique();
    await form.getByLabel('Comment', { exact: true }).fill(`Policy check ${marker}`);
    await form.getByLabel('Name').fill('Cee Spee');
    await form.getByLabel('Email').fill(`csp-${marker}@example.com`);
    await form.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByText(/^Thank you\. Your comment is/)).toBeVisible();
    await page.goto('/search?q=harbour');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test.describe('as an editor', () => {
    test.use({ storageState: storageStateFor('editor') });

    test('the dashboard and the editor run with nothing blocked', async ({ page }) => {
      const problems = await watchForProblems(page);
      await page.goto('/admin');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.goto('/admin/articles/new');
      const body = page.getByLabel('Body');
      await body.click();
      await page.keyboard.insertText('Typed under the policy.');
      await expect(body).toContainText('Typed under the policy.');
      await page.goto('/admin/media');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(problems).toEqual([]);
    });
  });
});

test('every kind of response carries the security headers', async ({ request }) => {
  test.setTimeout(90_000);
  // A page answered from memory by the cache's fast path. Pages refresh every 2 s in these tests and
  // every publish by a test running beside this one refreshes them too: on a busy machine a HIT can
  // take a few tries.
  let cached = await request.get('/');
  await expect
    .poll(
      async () => {
        cached = await request.get('/');
        return cached.headers()['x-nextjs-cache'];
      },
      { timeout: 45_000, intervals: [50, 100, 200] },
    )
    .toBe('HIT');
  const responses = {
    'cached page': cached,
    story: await request.get(ARTICLE_PATH),
    'not found': await request.get(`/articles/no-such-story-${unique()}`),
    API: await request.get('/api/v1/articles'),
    'comments API': await request.post('/api/comments', { data: 'x', headers: { 'content-type': 'text/plain' } }),
    feed: await request.get('/rss.xml'),
    media: await request.get('/media/no/such-file.webp'),
    'sign-in': await request.get('/login'),
  };
  for (const [name, res] of Object.entries(responses)) {
    const h = res.headers();
    expect(res.status(), name).toBeLessThan(500);
    expect(h['x-frame-options'], name).toBe('DENY');
    expect(h['x-content-type-options'], name).toBe('nosniff');
    expect(h['referrer-policy'], name).toBe('strict-origin-when-cross-origin');
    expect(h['cross-origin-opener-policy'], name).toBe('same-origin');
    expect(h['permissions-policy'], name).toContain('camera=()');
    expect(h['content-security-policy'], name).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy'], name).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  }
  expect(responses['comments API'].status()).toBe(415);
  expect(responses['sign-in'].headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
  expect(responses['cached page'].headers()['content-security-policy']).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+;/);
});
