import { expect, test, type Browser } from '@playwright/test';
import { expectNoAxeViolations, fillBody, storageStateFor, unique, type DemoRole } from './helpers';

// The story budget, from plan to published: an editor plans a story for the demo author, who
// starts its draft and writes it; the editor publishes it and the plan shows Published.

const ZONE = 'Europe/London';
/** The date `days` from now in the site's zone, "YYYY-MM-DD". */
const dayFromNow = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + days * 86_400_000));

async function as(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return { context, page: await context.newPage() };
}

test('a plan goes from the budget to a published story, beside a scheduled article in the week', async ({ browser }) => {
  test.setTimeout(240_000); // two people, a draft through the editor, a schedule and a publish on a shared machine
  const headline = `Ferry fares rise in spring ${unique()}`;
  const scheduledTitle = `Harbour festival programme ${unique()}`;
  const day = dayFromNow(7);
  const editor = await as(browser, 'editor');
  const author = await as(browser, 'author');

  // The editor plans the story for Arthur Author, due next week (from the command palette).
  await editor.page.goto('/admin/articles');
  await editor.page.keyboard.press('ControlOrMeta+k');
  const palette = editor.page.getByRole('dialog', { name: 'Jump to' });
  await palette.getByRole('combobox', { name: 'Find a screen or an article' }).fill('new plan');
  await expect(palette.getByRole('option', { name: /New plan/ })).toHaveAttribute('aria-selected', 'true');
  await editor.page.keyboard.press('Enter');
  await expect(editor.page.getByRole('heading', { level: 1, name: 'New plan' })).toBeVisible();
  await editor.page.getByLabel('Working headline').fill(headline);
  await editor.page.getByLabel('Assignee').selectOption({ label: 'Arthur Author' });
  await editor.page.getByLabel('Target length (words)').fill('300');
  await editor.page.getByLabel('Due').fill(`${day}T10:00`);
  await editor.page.getByLabel('Status').selectOption({ label: 'Assigned' });
  await editor.page.getByRole('button', { name: 'Plan story' }).click();
  await expect(editor.page.getByText('Story planned.')).toBeVisible();
  const planUrl = editor.page.url().split('?')[0]!;
  await expectNoAxeViolations(editor.page);

  // The author finds it among their assignments (Planning in the sidebar) and starts the draft.
  await author.page.goto('/admin/articles');
  await author.page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Planning' }).click();
  await author.page.getByRole('link', { name: headline }).click();
  await expect(author.page.getByRole('region', { name: 'Progress', exact: true })).toContainText('Assigned');
  await author.page.getByRole('button', { name: 'Start draft' }).click();
  await expect(author.page).toHaveURL(/\/admin\/articles\/[a-z0-9]+$/);
  const articleUrl = author.page.url();
  await expect(author.page.getByLabel('Title')).toHaveValue(headline);
  await expect(author.page.getByRole('button', { name: 'Submit for review' })).toBeEnabled();
  const body = 'Fares on every crossing go up by a tenth from March, the operator said on Monday.';
  await expect(async () => {
    await fillBody(author.page, body);
    await expect(author.page.getByLabel('Body')).toContainText(body, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await author.page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(author.page.getByText('Submitted for review.')).toBeVisible();

  // The plan follows the article: in review is Editing, with the words against the target.
  await author.page.getByRole('link', { name: 'Plan', exact: true }).click();
  const progress = author.page.getByRole('region', { name: 'Progress', exact: true });
  await expect(progress).toContainText('Editing');
  await expect(progress).toContainText('In review · 16 of 300 words');

  // The editor publishes it; the plan shows Published.
  await editor.page.goto(articleUrl);
  await editor.page.getByRole('button', { name: 'Publish' }).click();
  await expect(editor.page.getByText('Published. The article is live.')).toBeVisible();
  await editor.page.goto(planUrl);
  await expect(editor.page.getByRole('region', { name: 'Progress', exact: true })).toContainText('Published');

  // A scheduled article the same day, then the week shows both.
  await editor.page.goto('/admin/articles/new');
  await expect(editor.page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
  await editor.page.getByLabel('Title').fill(scheduledTitle);
  await fillBody(editor.page, 'Three days of music on the quay.');
  await editor.page.getByLabel('Publish at').fill(`${day}T11:30`);
  await editor.page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(editor.page.getByText('Status: Scheduled')).toBeVisible();

  await editor.page.goto(`/admin/planning/week?week=${day}`);
  const dayBox = editor.page.locator(`section[aria-labelledby="day-${day}"]`);
  await expect(dayBox.getByRole('listitem').filter({ hasText: headline })).toContainText('10:00');
  await expect(dayBox.getByRole('listitem').filter({ hasText: scheduledTitle })).toContainText(/11:30\s*Scheduled/);
  await expectNoAxeViolations(editor.page);

  // The author's list is axe-clean too, filtered to the due day.
  await author.page.goto(`/admin/planning?day=${day}`);
  await expect(author.page.getByRole('link', { name: headline })).toBeVisible();
  await expectNoAxeViolations(author.page);
  await Promise.all([editor.context.close(), author.context.close()]);
});
