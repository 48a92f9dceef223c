// Approve one approval and reject another through the window, then ask the
// simulator itself (its own request log, read from outside Starboard) what
// reached "AWS" and "GitHub": exactly one decision each, however often the
// buttons were clicked. Browser mode runs against the demo scenario served by
// a separate simulator process, the way `npm run sim` serves it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoWorkspace } from '../../src/main/demo-workspace';
import { screenshot, startBrowserMode, watchCsp, type RunningStarboard } from './browser-mode';
import { startSimulatorProcess, type RunningSimulator } from './simulator-process';

/** The simulator signs any `ghp_` token in as demo-dev. */
const demoToken = 'ghp_starboarddemo0000000000000000000000000';

let sim: RunningSimulator;
let app: RunningStarboard;
let home: string;

test.setTimeout(90_000);

test.beforeAll(async () => {
  sim = await startSimulatorProcess('demo');
  home = mkdtempSync(join(tmpdir(), 'starboard-walk-'));
  const demo = demoWorkspace({ aws: sim.awsEndpoint, github: sim.githubApiUrl });
  // Browser mode stores no tokens: the GitHub account reads GITHUB_TOKEN.
  const workspace = {
    ...demo,
    githubAccounts: demo.githubAccounts.map((a) => ({ ...a, tokenSource: 'environment' as const })),
  };
  writeFileSync(join(home, 'config.json'), JSON.stringify({ version: 1, settings: {}, workspace }));
  app = await startBrowserMode({
    home,
    env: { GITHUB_TOKEN: demoToken, GH_TOKEN: '', GH_ENTERPRISE_TOKEN: '', GITHUB_ENTERPRISE_TOKEN: '' },
  });
});

test.afterAll(async () => {
  await app.stop();
  await sim.stop();
  rmSync(home, { recursive: true, force: true });
});

async function simulatorCounts(): Promise<Record<string, number>> {
  const response = await fetch(`${sim.awsEndpoint}/_sim/requests`);
  return (await response.json()) as Record<string, number>;
}

test('approves an AWS approval and rejects a GitHub review: the simulator received one decision each', async ({
  page,
}) => {
  const violations = await watchCsp(page);
  await page.goto(`${app.url}#/approvals`);
  const aws = page.getByRole('listitem').filter({ hasText: 'storefront-pipeline' });
  const github = page.getByRole('listitem').filter({ hasText: 'acme-rockets/mobile-backend' });
  await expect(aws.getByRole('button', { name: /^Approve storefront-pipeline/ })).toBeVisible({ timeout: 30_000 });
  await expect(github.getByRole('button', { name: /^Reject acme-rockets\/mobile-backend/ })).toBeVisible({
    timeout: 30_000,
  });
  const before = await simulatorCounts();
  expect(before['codepipeline.PutApprovalResult'] ?? 0).toBe(0);
  expect(before['github.actions/review-pending-deployments-for-run'] ?? 0).toBe(0);

  // Approve the storefront release, clicking twice.
  await aws.getByRole('button', { name: /^Approve storefront-pipeline/ }).click();
  let dialog = page.getByRole('dialog', { name: /Approve storefront-pipeline/ });
  await dialog.getByLabel('Comment (optional)').fill('Approved in the walk');
  await dialog.getByRole('button', { name: 'Approve', exact: true }).dblclick();
  await expect(dialog).toHaveCount(0);

  // Reject the mobile backend's production deployment, with the reason it needs.
  await github.getByRole('button', { name: /^Reject acme-rockets\/mobile-backend/ }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason (required)').fill('Rejected in the walk');
  await screenshot(page, 'approvals-walk-reject');
  await dialog.getByRole('button', { name: 'Reject', exact: true }).dblclick();
  await expect(dialog).toHaveCount(0);

  // Starboard's audit log: each decision applied once.
  const audit = page.getByRole('table');
  await expect(audit.getByRole('row').filter({ hasText: 'Applied' })).toHaveCount(2, { timeout: 20_000 });
  await expect(
    audit.getByRole('row').filter({ hasText: 'Approved in the walk' }).filter({ hasText: 'Applied' }),
  ).toHaveCount(1);
  await expect(
    audit.getByRole('row').filter({ hasText: 'Rejected in the walk' }).filter({ hasText: 'Applied' }),
  ).toHaveCount(1);

  // The simulator's own count, read from outside Starboard: one decision each.
  const after = await simulatorCounts();
  expect(after['codepipeline.PutApprovalResult']).toBe(1);
  expect(after['github.actions/review-pending-deployments-for-run']).toBe(1);
  await expect(aws).toHaveCount(0, { timeout: 20_000 });
  await expect(github).toHaveCount(0, { timeout: 20_000 });
  await screenshot(page, 'approvals-walk-done');
  expect(await violations()).toEqual([]);
});
