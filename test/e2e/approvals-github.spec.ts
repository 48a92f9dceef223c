// GitHub environment reviews in the approvals inbox, in Chromium against the
// demo workspace: mobile-backend's run waiting for production shows with what
// would ship, approving it through the dialog goes through once, and the
// audit log records it.
import { expect, test } from '@playwright/test';
import { screenshot, startBrowserMode, watchCsp, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;
test.beforeAll(async () => {
  app = await startBrowserMode({ args: ['--demo'] });
});
test.afterAll(async () => {
  await app.stop();
});

test('approves the mobile-backend production deployment through the dialog and audits it', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`${app.url}#/approvals`);
  const card = page.getByRole('listitem').filter({ hasText: 'acme-rockets/mobile-backend' });
  // The repositories are watched once the projects are known: the run arrives with a GitHub refresh.
  await expect(card.getByRole('heading', { name: /acme-rockets\/mobile-backend › .+ › production/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(card.getByRole('list', { name: 'Environments' })).toContainText('production');
  await expect(card.getByRole('link', { name: 'Open the run on GitHub' })).toBeVisible();

  // Reject needs a reason.
  await card.getByRole('button', { name: /^Reject acme-rockets\/mobile-backend/ }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Reject', exact: true })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await card.getByRole('button', { name: /^Approve acme-rockets\/mobile-backend/ }).click();
  dialog = page.getByRole('dialog', { name: /Approve acme-rockets\/mobile-backend › .+\?/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'What would ship' })).toContainText(/[0-9a-f]{7}/);
  // The environments to review are ticked, as in GitHub's own dialog; none ticked, nothing can be sent.
  const choice = dialog.getByRole('group', { name: 'Approve deployments to' });
  const production = choice.getByRole('checkbox', { name: /production/ });
  await expect(production).toBeChecked();
  await production.uncheck();
  await expect(dialog.getByRole('button', { name: 'Approve', exact: true })).toBeDisabled();
  await expect(choice).toContainText('Tick at least one environment.');
  await production.check();
  await dialog.getByLabel('Comment (optional)').fill('Ship production from the browser test');
  await screenshot(page, 'approvals-github-dialog');
  await dialog.getByRole('button', { name: 'Approve', exact: true }).dblclick();
  await expect(dialog).toHaveCount(0);

  const audit = page.getByRole('table');
  const row = audit.getByRole('row').filter({ hasText: 'Applied' });
  await expect(row).toHaveCount(1, { timeout: 15_000 });
  await expect(row).toContainText('acme-rockets/mobile-backend');
  await expect(row).toContainText('production');
  await expect(row).toContainText('demo-dev');
  await expect(row).toContainText('Ship production from the browser test');
  await expect(audit.getByRole('row').filter({ hasText: 'Sending' })).toHaveCount(1);
  expect(await violations()).toEqual([]);
});
