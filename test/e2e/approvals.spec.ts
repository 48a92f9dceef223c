// The approvals inbox in Chromium against the demo workspace: the storefront
// release waits, the dialog names what would ship, approving it goes through
// once, and the audit log records it (RELIABILITY P01, P07).
import { expect, test } from '@playwright/test';
import { screenshot, startBrowserMode, watchCsp, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;
test.beforeAll(async () => {
  app = await startBrowserMode({ args: ['--demo'] });
});
test.afterAll(async () => {
  await app.stop();
});

test('approves the storefront release through the dialog and shows it in the audit log', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`${app.url}#/approvals`);
  const card = page.getByRole('listitem').filter({ hasText: 'storefront-pipeline' });
  await expect(card.getByRole('heading', { name: /storefront-pipeline › Approval › ApproveProduction/ })).toBeVisible();
  await expect(card).toContainText('111122223333 · us-east-1');
  await expect(card).toContainText(/\d+ d( \d+ h)? left/);
  await expect(card).toContainText('Check https://staging.storefront.example before shipping');
  await expect(card.getByRole('link', { name: 'https://staging.storefront.example' })).toBeVisible();
  await expect(card.getByRole('link', { name: 'Open in the AWS console' })).toHaveAttribute(
    'href',
    /console\.aws\.amazon\.com\/codesuite\/codepipeline\/pipelines\/storefront-pipeline/,
  );
  // What would ship arrives with the first refresh of the executions.
  await expect(card.getByRole('list', { name: 'What would ship' })).toContainText('Update storefront', {
    timeout: 15_000,
  });
  await expect(page.getByText('No decisions made in Starboard yet.')).toBeVisible();

  // Reject needs a reason; Escape cancels and gives focus back.
  const reject = card.getByRole('button', { name: /^Reject storefront-pipeline/ });
  await reject.click();
  let dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Reason (required)')).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Reject', exact: true })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(reject).toBeFocused();

  await card.getByRole('button', { name: /^Approve storefront-pipeline/ }).click();
  dialog = page.getByRole('dialog', { name: /Approve storefront-pipeline › Approval › ApproveProduction/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'What would ship' })).toContainText('2c52535');
  await expect(dialog.getByRole('list', { name: 'What would ship' })).toContainText('Update storefront');
  const comment = dialog.getByLabel('Comment (optional)');
  await expect(comment).toBeFocused();
  // Tab stays inside the dialog.
  for (let i = 0; i < 8; i += 1) await page.keyboard.press('Tab');
  expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
  await comment.fill('Ship it from the browser test 🚀');
  await expect(dialog).toContainText('32/512');
  await screenshot(page, 'approvals-dialog');

  const submit = dialog.getByRole('button', { name: 'Approve', exact: true });
  await submit.dblclick();
  await expect(dialog).toHaveCount(0);

  const audit = page.getByRole('table');
  const row = audit.getByRole('row').filter({ hasText: 'Applied' });
  await expect(row).toHaveCount(1, { timeout: 15_000 });
  await expect(row).toContainText('Approve');
  await expect(row).toContainText('storefront-pipeline › Approval');
  await expect(row).toContainText('Ship it from the browser test 🚀');
  // One decision: one "sending" line and one "applied" line, however often the button was clicked.
  await expect(audit.getByRole('row').filter({ hasText: 'Sending' })).toHaveCount(1);
  await screenshot(page, 'approvals-audit');
  expect(await violations()).toEqual([]);
});
