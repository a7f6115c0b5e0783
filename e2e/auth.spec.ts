import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openAccountMenu, signIn } from './helpers';

test.describe('sign-in', () => {
  test('the dashboard sends signed-out visitors to the sign-in page', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('wrong credentials show one generic message', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('editor@broadsheet.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Incorrect email or password.' })).toBeVisible();

    await page.getByLabel('Email').fill('nobody@broadsheet.test');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Incorrect email or password.' })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test('signing in and out', async ({ page }) => {
    await signIn(page, 'editor');
    await expect(page.getByRole('banner').getByText('Edith Editor')).toBeVisible();
    await openAccountMenu(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login/);
  });
});
