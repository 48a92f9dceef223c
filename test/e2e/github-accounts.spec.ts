// GitHub accounts in browser mode: tokens come from the environment (or gh),
// never from a paste, checked against the GitHub simulator started as its own
// process and addressed as a GitHub Enterprise Server.
import { expect, test } from '@playwright/test';
import { screenshot, startBrowserMode, type RunningStarboard } from './browser-mode';
import { startSimulatorProcess, type RunningSimulator } from './simulator-process';

const token = 'ghp_e2ecanary0000000000000000000000000001';

let sim: RunningSimulator;
let app: RunningStarboard;

test.beforeAll(async () => {
  sim = await startSimulatorProcess('demo');
  app = await startBrowserMode({
    // Only GITHUB_TOKEN: the others would be read first.
    env: { GITHUB_TOKEN: token, GH_TOKEN: '', GH_ENTERPRISE_TOKEN: '', GITHUB_ENTERPRISE_TOKEN: '' },
  });
});

test.afterAll(async () => {
  await app.stop();
  await sim.stop();
});

test('adds a GitHub Enterprise Server account with GITHUB_TOKEN and shows who it signs in as', async ({ page }) => {
  await page.goto(`${app.url}#/accounts`);
  const form = page.getByRole('form', { name: 'Add a GitHub account' });
  await form.getByLabel('GitHub host').fill(`${sim.githubApiUrl}/api/v3`);
  await expect(form.getByLabel('Use GITHUB_TOKEN from the environment')).toBeChecked();
  await expect(form).toContainText('set: GITHUB_TOKEN');
  await form.getByLabel('Name in Starboard').fill('Simulated GHES');
  await form.getByRole('button', { name: 'Check and add' }).click();

  await expect(form.getByRole('status')).toContainText('Added Simulated GHES: signed in as demo-dev.');
  const row = page.getByTestId('github-account-simulated-ghes');
  await expect(row).toContainText('Connected');
  await expect(row).toContainText('signed in as demo-dev');
  await expect(row).toContainText('scopes: repo, workflow, read:org');
  await expect(row).toContainText('From the environment (GITHUB_TOKEN), not stored');
  await row.getByRole('button', { name: 'Check again' }).click();
  await expect(row).toContainText('Connected');
  await screenshot(page, 'accounts-github');
  expect(await page.content()).not.toContain(token);
  expect(app.output()).not.toContain(token);
});

test('explains that browser mode does not store a pasted token', async ({ page }) => {
  await page.goto(`${app.url}#/accounts`);
  const form = page.getByRole('form', { name: 'Add a GitHub account' });
  await form.getByLabel('Paste a personal access token').check();
  await expect(form.getByRole('note')).toHaveText(
    'Browser mode does not store tokens: set GITHUB_TOKEN or sign in with gh.',
  );
  await expect(form.getByLabel('Personal access token', { exact: true })).toHaveCount(0);
  await expect(form.getByRole('button', { name: 'Check and add' })).toBeDisabled();
  await screenshot(page, 'accounts-github-paste');
});
