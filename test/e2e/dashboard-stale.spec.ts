// Stale data is shown, and marked: the dashboard of a workspace whose AWS
// endpoint went away keeps the last snapshot, says "stale" and "offline", and
// drops the marking once the endpoint is back and the user refreshes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { screenshot, startBrowserMode, type RunningStarboard } from './browser-mode';
import { startSimulatorProcess, type RunningSimulator } from './simulator-process';

test.setTimeout(120_000);

let home: string;
const running: { app?: RunningStarboard; sim?: RunningSimulator } = {};

test.beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'starboard-stale-'));
});
test.afterAll(async () => {
  await running.app?.stop();
  await running.sim?.stop();
  rmSync(home, { recursive: true, force: true });
});

function writeWorkspace(awsEndpoint: string): void {
  const config = {
    version: 1,
    settings: { theme: 'system' },
    workspace: {
      awsAccounts: [
        { id: 'sim', label: 'Simulated account', profile: null, regions: ['us-east-1'], endpointUrl: awsEndpoint },
      ],
      githubAccounts: [],
      projects: {},
    },
  };
  writeFileSync(join(home, 'config.json'), JSON.stringify(config, null, 2));
}

const paymentsCard = (page: Page) =>
  page
    .getByRole('list', { name: 'Projects' })
    .getByRole('listitem')
    .filter({ hasText: /payments[- ]api/i });

test('shows the last data marked stale while the account is unreachable, and clears it after a refresh', async ({
  page,
}) => {
  // 1. A workspace with one account on the simulator: discovery proposes projects; confirm one.
  running.sim = await startSimulatorProcess('demo');
  const port = Number(new URL(running.sim.awsEndpoint).port);
  writeWorkspace(running.sim.awsEndpoint);
  running.app = await startBrowserMode({ home });
  await page.goto(running.app.url);
  const suggested = page.getByRole('list', { name: 'Suggested projects' });
  await expect(suggested.getByRole('listitem').filter({ hasText: /payments[- ]api/i })).toBeVisible({
    timeout: 30_000,
  });
  await suggested.getByRole('button', { name: /Confirm payments[- ]api/i }).click();
  await expect(paymentsCard(page).getByText('payments-api-pipeline')).toBeVisible({ timeout: 30_000 });
  await expect(paymentsCard(page).getByRole('definition').first()).toContainText(/Failed|Running|Succeeded/);
  await expect(page.getByTestId('stale')).toHaveCount(0);

  // 2. Both stop; Starboard comes back alone, without its AWS endpoint.
  await running.app.stop();
  running.app = undefined;
  await running.sim.stop();
  running.sim = undefined;
  running.app = await startBrowserMode({ home });
  await page.goto(running.app.url);
  await expect(paymentsCard(page).getByText('payments-api-pipeline')).toBeVisible();
  await expect(paymentsCard(page).getByTestId('stale')).toBeVisible({ timeout: 45_000 });
  await expect(paymentsCard(page).getByTestId('stale')).toContainText(/Stale\s*as of \d/i);
  // The data is still there: the pipeline's last known outcome, not a blank.
  await expect(paymentsCard(page).getByRole('definition').first()).toContainText(/Failed|Running|Succeeded/);
  await screenshot(page, 'dashboard-stale');

  await page
    .getByRole('link', { name: /payments[- ]api/i })
    .first()
    .click();
  await expect(page.getByRole('list', { name: 'Stages of payments-api-pipeline' })).toBeVisible();
  await expect(page.getByTestId('pipeline-payments-api-pipeline').getByTestId('stale')).toBeVisible();
  await screenshot(page, 'dashboard-stale-project');

  // 3. The endpoint is back where the workspace expects it; "Refresh now" clears the marking.
  running.sim = await startSimulatorProcess('demo', port);
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByTestId('stale')).toHaveCount(0, { timeout: 45_000 });
  await expect(page.getByTestId('offline')).toHaveCount(0);
  await page.getByRole('link', { name: 'Home' }).first().click();
  await expect(paymentsCard(page).getByTestId('stale')).toHaveCount(0);
  await screenshot(page, 'dashboard-stale-cleared');
});
