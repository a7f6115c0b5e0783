import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, openAccountMenu, storageStateFor, unique } from './helpers';

async function signInAs(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('admin manages users', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('adds a user who signs in, changes their profile and password, then loses access when deactivated', async ({ page, browser }) => {
    // One person's whole story across two browsers, with several deliberately slow scrypt hashes.
    test.setTimeout(120_000);
    const id = unique();
    const name = `Rosalind Pryce ${id}`;
    const email = `rosalind-${id}@broadsheet.test`;

    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
    const add = page.getByRole('form', { name: 'Add a user' });
    await add.getByLabel('Name').fill(name);
    await add.getByLabel('Email').fill(email);
    await add.getByLabel('Role').selectOption({ label: 'Editor' });
    await add.getByLabel('Temporary password').fill('short');
    await add.getByRole('button', { name: 'Add user' }).click();
    await expect(add.getByText('Use at least 12 characters for the password.')).toBeVisible();
    await expect(add.getByLabel('Name')).toHaveValue(name);
    await add.getByLabel('Temporary password').fill('temporary-pass-123');
    await add.getByRole('button', { name: 'Add user' }).click();
    await expect(add.getByText(`${name} can now sign in as editor`)).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await expect(row).toBeVisible();

    // The new user signs in with the temporary password and makes the account their own.
    // A signed-out browser: contexts made in a test inherit the admin's storageState otherwise.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirs = await context.newPage();
    await signInAs(theirs, email, 'temporary-pass-123');
    await expect(theirs).toHaveURL(/\/admin/);
    await openAccountMenu(theirs);
    await theirs.getByRole('link', { name: 'Profile' }).click();
    await expect(theirs.getByRole('heading', { name: 'Your profile' })).toBeVisible();
    await expectNoAxeViolations(theirs);
    await theirs.getByRole('textbox', { name: 'Bio' }).fill('Covers the crown court.');
    await theirs.getByRole('button', { name: 'Save profile' }).click();
    await expect(theirs.getByText('Profile saved.')).toBeVisible();
    await theirs.getByLabel('Current password').fill('not-my-password');
    await theirs.getByLabel('New password', { exact: true }).fill('my-own-password-456');
    await theirs.getByLabel('Confirm new password').fill('my-own-password-456');
    await theirs.getByRole('button', { name: 'Change password' }).click();
    await expect(theirs.getByText('Your current password is not correct.').first()).toBeVisible();
    await theirs.getByLabel('Current password').fill('temporary-pass-123');
    await theirs.getByLabel('New password', { exact: true }).fill('my-own-password-456');
    await theirs.getByLabel('Confirm new password').fill('my-own-password-456');
    await theirs.getByRole('button', { name: 'Change password' }).click();
    await expect(theirs.getByText('Password changed.')).toBeVisible();

    // The admin makes them an author, then deactivates them: their open session stops working.
    await page.reload();
    await row.getByRole('combobox', { name: `Role of ${name}` }).selectOption({ label: 'Author' });
    await row.getByRole('button', { name: 'Change role' }).click();
    await expect(row.getByText(`${name} is now author.`)).toBeVisible();
    await row.getByRole('button', { name: `Deactivate ${name}` }).click();
    await expect(row.getByText(`${name} is deactivated and signed out.`)).toBeVisible();
    await expect(row.getByRole('button', { name: `Reactivate ${name}` })).toBeVisible();

    await theirs.goto('/admin');
    await expect(theirs).toHaveURL(/\/login/);
    await signInAs(theirs, email, 'my-own-password-456');
    await expect(theirs.getByRole('alert').filter({ hasText: 'Incorrect email or password.' })).toBeVisible();
    await expect(theirs).toHaveURL(/\/login/);
    await context.close();

    // Everything above is in the audit log, attributed to whoever did it.
    await page.goto('/admin/audit');
    await page.getByLabel('Entity type').selectOption('user');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/entityType=user/);
    const entries = page.getByRole('row').filter({ hasText: name });
    await expect(entries.filter({ hasText: 'user.deactivated' })).toContainText('Ada Admin');
    await expect(entries.filter({ hasText: 'user.password_changed' })).toContainText(name);
    await expectNoAxeViolations(page);
  });

  test('the users page is for admins only', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor('editor') });
    const page = await context.newPage();
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/admin\?denied=1/);
    await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await context.close();
  });
});

test.describe('audit log', () => {
  test.use({ storageState: storageStateFor('editor') });

  test('an editor sees their own save, filtered by action and actor', async ({ page }) => {
    const title = `Audit trail story ${unique()}`;
    await page.goto('/admin/articles/new');
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Action').selectOption('article.created');
    await page.getByLabel('Actor').selectOption({ label: 'Edith Editor' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('Edith Editor');
    await expect(row.getByRole('link', { name: title })).toHaveAttribute('href', /\/admin\/articles\//);

    await page.getByLabel('Actor').selectOption({ label: 'System' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(0);
  });

  test('authors cannot open the audit log', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor('author') });
    const page = await context.newPage();
    await page.goto('/admin/audit');
    await expect(page).toHaveURL(/\/admin\?denied=1/);
    await context.close();
  });
});
