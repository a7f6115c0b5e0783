import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { seedArticles } from '../prisma/seed-data/articles';

export const DEMO_PASSWORD = 'broadsheet-demo';
export const ROLES = ['admin', 'editor', 'author', 'contributor'] as const;
export type DemoRole = (typeof ROLES)[number];
// One file per role and port: parallel runs (E2E_PORT) have their own databases, so their sessions differ.
export const storageStateFor = (role: DemoRole) => `e2e/.auth/${role}-${process.env.E2E_PORT ?? 3100}.json`;

/** Signs in through the login form as a person would. */
export async function signIn(page: Page, role: DemoRole) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(`${role}@broadsheet.test`);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin/);
}

/** What the colour scheme can change: colours. The dark pass runs these of axe's rules. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Fails with the list of violations when axe finds any on the current page, in the light and
 * in the dark colour scheme (the page follows the OS unless a theme was chosen), then leaves
 * the page in the light scheme the tests otherwise run in. The light pass runs every rule; the
 * dark pass, on the same markup, runs the colour rules (the rest would only repeat the light
 * pass's answers, at half the cost of a whole scan on a busy machine). `exclude` leaves out
 * repeats of markup the scan has already seen (a long generated page's hundredth section).
 */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string } = {}) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const builder = new AxeBuilder({ page });
    if (options.exclude) builder.exclude(options.exclude);
    const results = await (colorScheme === 'dark' ? builder.withRules(COLOUR_RULES) : builder).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      `axe, ${colorScheme} scheme`,
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The dashboard's account menu in the top bar, opened (Profile, theme, Sign out). */
export async function openAccountMenu(page: Page) {
  await page
    .getByRole('banner')
    .getByRole('button', { name: /\((contributor|author|editor|admin)\)$/ })
    .click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Profile' })).toBeVisible();
}

/** A unique suffix so tests that create content never collide. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The newest seeded article: stable while other tests publish their own. */
export const SEEDED_ARTICLE = [...seedArticles].sort((a, b) => a.hoursAgo - b.hoursAgo)[0]!;

/** The public path of the newest seeded article, checked to be linked from the home page. */
export async function firstArticlePath(page: Page): Promise<string> {
  await page.goto('/');
  const path = `/articles/${SEEDED_ARTICLE.slug}`;
  await expect(page.locator(`main a[href="${path}"]`).first()).toBeVisible();
  return path;
}

/** The local Open-Meteo stub scripts/e2e-server.ts runs beside the site (site port + 100). */
export const weatherStubUrl = () => `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 100}`;

/**
 * Replaces the rich-text Body with `text` through the keyboard: a blank line ("\n\n")
 * starts a new paragraph with Enter; each paragraph arrives as one text input, as from an IME.
 */
export async function fillBody(page: Page, text: string) {
  const body = page.getByLabel('Body');
  await body.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  for (const [i, paragraph] of text.split('\n\n').entries()) {
    if (i) await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
  }
}

/**
 * Makes a context's pages a browser without WebSocket: the article editor then works as it does
 * for clients that cannot co-edit (autosave, the local copy, version-checked saves and the conflict
 * screen), which is what these specs prove. Co-editing has its own specs (e2e/coedit.spec.ts).
 */
export async function withoutWebSocket(context: BrowserContext) {
  await context.addInitScript(() => Object.defineProperty(window, 'WebSocket', { value: undefined, configurable: true }));
}
