import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { E2E_PASSWORD, E2E_USERS } from '../test/e2e-users';
import { expectNoAxeViolations, openAccountMenu } from './helpers';

// Each test has an account of its own (scripts/test/e2e-users.ts): the demo accounts' saved
// sessions, which every other spec uses, are never locked, ended or given two-factor here.
test.use({ storageState: { cookies: [], origins: [] } });

async function enterPassword(page: Page, email: string, password = E2E_PASSWORD, origin = '') {
  await page.goto(`${origin}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs out from the dashboard's account menu, or from the enrolment page (which has no dashboard around it). */
async function signOut(page: Page) {
  if (new URL(page.url()).pathname.startsWith('/admin')) await openAccountMenu(page);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

const alertWith = (page: Page | Locator, text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });

/** A code for the next 30-second step: the step just used to confirm the app cannot be used again. */
const nextCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

test('an editor sets up an authenticator app, then signs in with a code and with a recovery code, once', async ({ page }) => {
  test.setTimeout(90_000);
  const { email } = E2E_USERS.totp;
  await enterPassword(page, email);
  await expect(page).toHaveURL(/\/admin/);
  await page.goto('/admin/profile');
  const panel = page.getByRole('region', { name: 'Two-factor authentication' });
  await panel.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(panel.getByRole('img', { name: 'QR code of your authenticator app key' })).toBeVisible();
  const secret = (await panel.getByTestId('totp-key').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoAxeViolations(page);

  await panel.getByLabel('Code from the app').fill('000000');
  await panel.getByRole('button', { name: 'Turn on two-factor' }).click();
  await expect(alertWith(panel, 'That code did not match.')).toBeVisible();
  await panel.getByLabel('Code from the app').fill(await generate({ secret }));
  await panel.getByRole('button', { name: 'Turn on two-factor' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Your authenticator app is set up.' })).toBeVisible();
  const codes = await panel.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allInnerTexts();
  expect(codes).toHaveLength(10);
  await expectNoAxeViolations(page);
  await signOut(page);

  // The password alone is no longer enough: the code comes next, and no session exists before it.
  await enterPassword(page, email);
  await expect(page.getByLabel('Authentication code')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use a recovery code' })).toBeVisible();
  await expectNoAxeViolations(page);
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain('next-auth.session-token');
  await page.getByLabel('Authentication code').fill('123456');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(alertWith(page, 'That code did not work.')).toBeVisible();
  await page.getByLabel('Authentication code').fill(await nextCode(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await signOut(page);

  // A recovery code works once.
  await enterPassword(page, email);
  await page.getByRole('button', { name: 'Use a recovery code' }).click();
  await page.getByLabel('Recovery code').fill(codes[0]!);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/profile');
  await expect(page.getByText('9 recovery codes left.')).toBeVisible();
  // The enrolment page (where a required-but-missing second factor sends people) for someone already set up.
  await page.goto('/login/enrol');
  await expect(page.getByText('Two-factor authentication is on for your account.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Continue to the dashboard' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/admin');
  await signOut(page);

  await enterPassword(page, email);
  await page.getByRole('button', { name: 'Use a recovery code' }).click();
  await page.getByLabel('Recovery code').fill(codes[0]!);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(alertWith(page, 'That recovery code did not work. Each code works only once.')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

/** A virtual passkey authenticator in this page's browser (Chromium's DevTools protocol). */
async function addVirtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { cdp, authenticatorId };
}

test('an author registers passkeys, signs in with one, and removes another', async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  // WebAuthn does not accept an IP address as the site's identity: this test opens the site as localhost.
  const origin = baseURL!.replace('127.0.0.1', 'localhost');
  const { email } = E2E_USERS.passkey;
  const laptop = await addVirtualAuthenticator(context, page);
  await enterPassword(page, email, E2E_PASSWORD, origin);
  await expect(page).toHaveURL(/\/admin/);
  await page.goto(`${origin}/admin/profile`);
  const panel = page.getByRole('region', { name: 'Two-factor authentication' });
  const add = panel.getByRole('form', { name: 'Add a passkey' });
  await add.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(alertWith(add, 'Name the passkey')).toBeVisible();
  await add.getByLabel('Passkey name').fill('Work laptop');
  await add.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(add.getByRole('status').filter({ hasText: 'Passkey “Work laptop” added.' })).toBeVisible();
  // The first second factor comes with recovery codes, shown once.
  await expect(panel.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
  const passkeyItem = (name: string) => panel.getByRole('listitem').filter({ hasText: `${name} · added` });
  await expect(passkeyItem('Work laptop')).toContainText('not used yet');
  await signOut(page);

  // Signing in: password, then the passkey.
  await enterPassword(page, email, E2E_PASSWORD, origin);
  await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await expect(page).toHaveURL(/\/admin$/);

  // A second passkey on another device, named, then the first is removed.
  await laptop.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: laptop.authenticatorId });
  await addVirtualAuthenticator(context, page);
  await page.goto(`${origin}/admin/profile`);
  await add.getByLabel('Passkey name').fill('Blue security key');
  await add.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(add.getByRole('status').filter({ hasText: 'Passkey “Blue security key” added.' })).toBeVisible();
  await expect(passkeyItem('Blue security key')).toBeVisible();
  await expect(passkeyItem('Work laptop')).toContainText('last used');
  await passkeyItem('Work laptop').getByRole('button', { name: 'Remove Work laptop' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Passkey “Work laptop” removed.' })).toBeVisible();
  await expect(passkeyItem('Work laptop')).toHaveCount(0);
  await expect(passkeyItem('Blue security key')).toBeVisible();
});

test('five wrong passwords lock the account: the form says how long, and the right password waits too', async ({ page }) => {
  const { email } = E2E_USERS.lockout;
  for (let i = 1; i <= 4; i++) {
    await enterPassword(page, email, `wrong-password-${i}`);
    await expect(alertWith(page, 'Incorrect email or password.')).toBeVisible();
  }
  const locked = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in') && r.request().method() === 'POST');
  await enterPassword(page, email, 'wrong-password-5');
  expect((await locked).status()).toBe(429);
  await expect(alertWith(page, 'Too many sign-in attempts. Try again in 15 minutes.')).toBeVisible();

  await enterPassword(page, email, E2E_PASSWORD);
  await expect(alertWith(page, /^Too many sign-in attempts\. Try again in 1[45] minutes\.$/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

async function signedInContext(browser: Browser, email: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await enterPassword(page, email);
  await expect(page).toHaveURL(/\/admin/);
  return { context, page };
}

test('"Sign out everywhere" ends the session in another browser and keeps this one', async ({ browser }) => {
  const { email } = E2E_USERS.everywhere;
  const here = await signedInContext(browser, email);
  const there = await signedInContext(browser, email);

  await here.page.goto('/admin/profile');
  await here.page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(here.page.getByText('Every other session of your account is signed out.')).toBeVisible();

  await there.page.goto('/admin/media');
  await expect(there.page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(there.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await here.page.goto('/admin/media');
  await expect(here.page).toHaveURL(/\/admin\/media$/);
  await here.context.close();
  await there.context.close();
});
