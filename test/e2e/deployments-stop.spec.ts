// Stopping a CodeDeploy deployment from its page: a workspace on a simulator
// process where someone has just started a deployment (CreateDeployment,
// through the real SDK); Stop… names what will stop, Cancel changes nothing,
// and confirming with a rollback shows CodeDeploy's answer, then Stopped and
// the rollback deployment it started.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeDeployClient, CreateDeploymentCommand } from '@aws-sdk/client-codedeploy';
import { expect, test } from '@playwright/test';
import { demoAws } from '../../src/sim/aws/scenarios/demo-names';
import { callApi, screenshot, startBrowserMode, watchCsp, type RunningStarboard } from './browser-mode';
import { startSimulatorProcess, type RunningSimulator } from './simulator-process';

test.setTimeout(120_000);
test.use({ viewport: { width: 1280, height: 1000 } });

const sf = demoAws.storefront;
const commit = '4f1c2a9e7b3d5f60812a4c6e8b0d2f4a6c8e0b1d';
let home: string;
const running: { app?: RunningStarboard; sim?: RunningSimulator } = {};

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'starboard-stop-'));
  running.sim = await startSimulatorProcess('demo');
  const config = {
    version: 1,
    settings: { theme: 'system' },
    workspace: {
      awsAccounts: [
        {
          id: 'sim',
          label: 'Simulated account',
          profile: null,
          regions: ['us-east-1'],
          endpointUrl: running.sim.awsEndpoint,
        },
      ],
      githubAccounts: [],
      projects: {},
    },
  };
  writeFileSync(join(home, 'config.json'), JSON.stringify(config, null, 2));
  running.app = await startBrowserMode({ home });
});
test.afterAll(async () => {
  await running.app?.stop();
  await running.sim?.stop();
  rmSync(home, { recursive: true, force: true });
});

/** A deployment started outside Starboard, as a developer would with the AWS CLI. */
async function startDeployment(endpoint: string): Promise<string> {
  const client = new CodeDeployClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'sim' },
  });
  try {
    const out = await client.send(
      new CreateDeploymentCommand({
        applicationName: sf.deployApplication,
        deploymentGroupName: sf.deploymentGroup,
        revision: { revisionType: 'GitHub', gitHubLocation: { repository: sf.fullRepositoryId, commitId: commit } },
        description: 'Hotfix by hand',
      }),
    );
    return out.deploymentId ?? '';
  } finally {
    client.destroy();
  }
}

test('stops a running deployment with a rollback, after naming it in a dialog', async ({ page }) => {
  const app = running.app;
  const sim = running.sim;
  if (!app || !sim) throw new Error('not started');
  const csp = await watchCsp(page);
  const deploymentId = await startDeployment(sim.awsEndpoint);
  expect(deploymentId).toMatch(/^d-[A-Z0-9]{9}$/);

  // Ask for a refresh until the snapshot holds it running (the groups are read first).
  await expect
    .poll(
      async () => {
        await callApi(app, 'command/refresh.now');
        return JSON.stringify(await callApi(app, 'query/snapshot.get')).includes(`"id":"${deploymentId}"`);
      },
      { timeout: 45_000, intervals: [2_000] },
    )
    .toBe(true);

  await page.goto(`${app.url}#/deployments/codedeploy/${deploymentId}`);
  const header = page.locator('.codedeploy-title-row');
  await expect(header).toContainText(/InProgress|Created/);
  const stopButton = page.getByRole('button', { name: 'Stop…' });
  await expect(stopButton).toBeVisible();

  // The dialog names what stops; Cancel (and Escape) change nothing.
  await stopButton.click();
  const dialog = page.getByRole('dialog', { name: `Stop deployment ${deploymentId}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${sf.deployApplication} / ${sf.deploymentGroup}`);
  await expect(dialog).toContainText(deploymentId);
  await expect(dialog).toContainText(commit.slice(0, 7));
  await expect(dialog).toContainText(/\d of 3 targets done/);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const rollback = dialog.getByRole('checkbox', { name: 'Roll back to the last successful revision' });
  await expect(rollback).toBeChecked();
  await screenshot(page, 'deployment-stop-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(stopButton).toBeFocused();
  await stopButton.click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(header).toContainText(/InProgress|Created/);

  // Confirm with the rollback: CodeDeploy's answer shows, then the new status and the rollback.
  await stopButton.click();
  await dialog.getByRole('button', { name: 'Stop deployment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Stopping…' })).toContainText('Pending');
  await expect(header).toContainText('Stopped', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Stop…' })).toHaveCount(0);
  // Every target it had not finished is Skipped, not left showing the hook it was running.
  await expect(page.locator('[data-testid^="target-"]').first()).toContainText('Skipped', { timeout: 30_000 });
  const toRollback = page.getByRole('link', { name: 'Open the rollback' });
  await expect(toRollback).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'deployment-stopped');
  await toRollback.click();
  await expect(page.getByText('codeDeployRollback')).toBeVisible();
  expect(await csp()).toEqual([]);
});
