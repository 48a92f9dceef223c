// Approve one approval and reject another through the window on the demo,
// double-clicking each confirm, then ask the simulator itself what reached
// "AWS" and "GitHub": exactly one decision each. The demo's simulator runs
// inside browser mode; its request log is read over HTTP on loopback at
// /_sim/requests of the demo account's endpoint, from outside Starboard.
// Starboard's audit log (approvals.audit, and its table on the page) shows
// each decision sent once and applied once.
import { expect, test } from '@playwright/test';
import type { ApprovalAuditEntry } from '../../src/shared/approvals';
import type { Workspace } from '../../src/shared/model';
import { demoAws } from '../../src/sim/aws/scenarios/demo-names';
import { requestLogPath } from '../../src/sim/aws/server';
import { callApi, screenshot, startDemo, watchCsp, type RunningStarboard } from './browser-mode';

const putApprovalResult = 'codepipeline.PutApprovalResult';
const reviewDeployments = 'github.actions/review-pending-deployments-for-run';
const { storefront, mobileBackend } = demoAws;

let app: RunningStarboard;
let simulator: string;

test.setTimeout(90_000);

test.beforeAll(async () => {
  // The mobile backend's run waiting for its production review comes with the first read of its repository.
  app = await startDemo(/"waiting":\[\{/);
  const workspace = (await callApi(app, 'query/workspace.get')) as Workspace;
  simulator = workspace.awsAccounts[0]?.endpointUrl ?? '';
  expect(simulator).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

test.afterAll(async () => {
  await app.stop();
});

/** What the simulator has answered so far, per service and operation. */
async function simulatorCounts(): Promise<Record<string, number>> {
  const response = await fetch(`${simulator}${requestLogPath}`);
  return (await response.json()) as Record<string, number>;
}

test('approves an AWS approval and rejects a GitHub review: the simulator received one decision each', async ({
  page,
}) => {
  const violations = await watchCsp(page);
  await page.goto(`${app.url}#/approvals`);
  const aws = page.getByRole('listitem').filter({ hasText: storefront.pipeline });
  const github = page.getByRole('listitem').filter({ hasText: mobileBackend.githubRepository });
  await expect(aws.getByRole('button', { name: /^Approve storefront-pipeline/ })).toBeVisible({ timeout: 20_000 });
  await expect(github.getByRole('button', { name: /^Reject acme-rockets\/mobile-backend/ })).toBeVisible({
    timeout: 20_000,
  });
  const before = await simulatorCounts();
  expect(before[putApprovalResult] ?? 0).toBe(0);
  expect(before[reviewDeployments] ?? 0).toBe(0);

  // Approve the storefront release, double-clicking the confirm.
  await aws.getByRole('button', { name: /^Approve storefront-pipeline/ }).click();
  let dialog = page.getByRole('dialog', { name: /Approve storefront-pipeline/ });
  await dialog.getByLabel('Comment (optional)').fill('Approved in the walk');
  await screenshot(page, 'approvals-walk-approve');
  await dialog.getByRole('button', { name: 'Approve', exact: true }).dblclick();
  await expect(dialog).toHaveCount(0);

  // Reject the mobile backend's production deployment, with the reason it needs, double-clicking too.
  await github.getByRole('button', { name: /^Reject acme-rockets\/mobile-backend/ }).click();
  dialog = page.getByRole('dialog', { name: /Reject acme-rockets\/mobile-backend/ });
  await expect(dialog.getByRole('button', { name: 'Reject', exact: true })).toBeDisabled();
  await dialog.getByLabel('Reason (required)').fill('Rejected in the walk');
  await screenshot(page, 'approvals-walk-reject');
  await dialog.getByRole('button', { name: 'Reject', exact: true }).dblclick();
  await expect(dialog).toHaveCount(0);

  // Starboard's audit log on the page: each decision applied once.
  const audit = page.getByRole('table');
  await expect(audit.getByRole('row').filter({ hasText: 'Applied' })).toHaveCount(2, { timeout: 20_000 });
  for (const comment of ['Approved in the walk', 'Rejected in the walk']) {
    const rows = audit.getByRole('row').filter({ hasText: comment });
    await expect(rows.filter({ hasText: 'Applied' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Sending' })).toHaveCount(1);
  }

  // And in approvals.audit: one sending and one finished line per decision, both applied.
  const entries = (await callApi(app, 'query/approvals.audit')) as ApprovalAuditEntry[];
  const lines = entries.map((e) => `${e.provider ?? 'aws'} ${e.decision} ${e.event} ${e.result} ${e.comment}`).sort();
  expect(lines).toEqual([
    'aws approve finished succeeded Approved in the walk',
    'aws approve submitting submitting Approved in the walk',
    'github reject finished succeeded Rejected in the walk',
    'github reject submitting submitting Rejected in the walk',
  ]);

  // The simulator's own count, read from outside Starboard: one decision each.
  const after = await simulatorCounts();
  expect(after[putApprovalResult]).toBe(1);
  expect(after[reviewDeployments]).toBe(1);
  // Both leave the inbox once the snapshot catches up.
  await expect(aws).toHaveCount(0, { timeout: 20_000 });
  await expect(github).toHaveCount(0, { timeout: 20_000 });
  await screenshot(page, 'approvals-walk-done');
  expect(await violations()).toEqual([]);
});
