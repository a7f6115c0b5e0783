import { test as setup } from '@playwright/test';
import { ROLES, signIn, storageStateFor } from './helpers';

// Signs in once per role and saves the session for the specs that act as that role.
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, role);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
