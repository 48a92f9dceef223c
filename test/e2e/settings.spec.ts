// Settings (issue 8): the sections keep what the user chose across a reload,
// the diagnostic report is copied, and the first run on an empty workspace
// offers the AWS profiles found on the machine and the demo.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { callApi, screenshot, startBrowserMode, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;
let fakeHome: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  fakeHome = mkdtempSync(join(tmpdir(), 'starboard-e2e-home-'));
  mkdirSync(join(fakeHome, '.aws'));
  const config = join(fakeHome, '.aws', 'config');
  writeFileSync(
    config,
    '[profile acme-dev]\nregion = eu-west-1\nsso_session = acme\nsso_account_id = 111111111111\nsso_role_name = Dev\n\n' +
      '[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start\nsso_region = eu-west-1\n\n' +
      '[profile acme-prod]\nregion = us-east-1\nrole_arn = arn:aws:iam::222222222222:role/Deploy\nsource_profile = acme-dev\n',
  );
  app = await startBrowserMode({
    env: {
      HOME: fakeHome,
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: join(fakeHome, '.aws', 'credentials'),
      GITHUB_TOKEN: '',
      GH_TOKEN: '',
      PATH: '/usr/bin:/bin',
    },
  });
});

test.afterAll(async () => {
  await app.stop();
  rmSync(fakeHome, { recursive: true, force: true });
});

async function bothThemes(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await callApi(app, 'command/settings.update', { theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await screenshot(page, `${name}-${theme}`);
  }
  await callApi(app, 'command/settings.update', { theme: 'system' });
}

test('first run lists the AWS profiles found, each with a one-click Add', async ({ page }) => {
  await page.goto(app.url);
  const firstRun = page.getByTestId('empty-workspace');
  await expect(firstRun).toContainText('No accounts connected yet');
  const profiles = firstRun.getByRole('list', { name: 'AWS profiles found' }).getByRole('listitem');
  await expect(profiles).toHaveCount(2);
  await expect(profiles.nth(0)).toContainText('acme-dev');
  await expect(profiles.nth(0)).toContainText('IAM Identity Center · eu-west-1');
  await expect(profiles.nth(1)).toContainText('acme-prod');
  await expect(profiles.nth(1)).toContainText('assumes a role · us-east-1');
  await expect(firstRun.getByRole('button', { name: 'Add AWS profile acme-dev' })).toBeEnabled();
  await expect(firstRun.getByRole('region', { name: 'GitHub' })).toContainText('No token found');
  await bothThemes(page, 'first-run');
});

test('settings keep cadence, notification rules and quiet hours across a reload', async ({ page }) => {
  await page.goto(`${app.url}#/settings`);
  const refresh = page.getByRole('region', { name: 'Refresh' });
  await expect(refresh.getByRole('radio', { name: /^Normal/ })).toBeChecked();
  await refresh.getByRole('radio', { name: /^Fast/ }).check();

  const notifications = page.getByRole('region', { name: 'Notifications' });
  await notifications.getByRole('checkbox', { name: /^Deployments/ }).check();
  await notifications.getByRole('checkbox', { name: /^Failures/ }).uncheck();
  await notifications.getByRole('checkbox', { name: 'No notifications at night' }).check();
  await notifications.getByLabel('From').fill('21:30');
  await notifications.getByLabel('To').fill('07:15');
  await notifications.getByRole('button', { name: 'Pause for 1 hour' }).click();
  await expect(notifications.getByRole('status')).toContainText('Paused until');

  await expect
    .poll(async () => ((await callApi(app, 'query/settings.get')) as { refreshCadence: string }).refreshCadence)
    .toBe('fast');
  await expect
    .poll(async () => JSON.stringify((await callApi(app, 'query/settings.get')) as object))
    .toContain('"to":"07:15"');

  await page.reload();
  await expect(refresh.getByRole('radio', { name: /^Fast/ })).toBeChecked();
  await expect(notifications.getByRole('checkbox', { name: /^Deployments/ })).toBeChecked();
  await expect(notifications.getByRole('checkbox', { name: /^Failures/ })).not.toBeChecked();
  await expect(notifications.getByRole('checkbox', { name: 'No notifications at night' })).toBeChecked();
  await expect(notifications.getByLabel('From')).toHaveValue('21:30');
  await expect(notifications.getByLabel('To')).toHaveValue('07:15');
  await expect(notifications.getByRole('status')).toContainText('Paused until');
  await notifications.getByRole('button', { name: 'Resume now' }).click();
  await expect(notifications.getByRole('status')).toHaveText(/Notifications are on/);

  await expect(page.getByRole('region', { name: 'Start at login' })).toContainText('it takes effect there, not here');
  await expect(page.getByRole('region', { name: 'Data folder' })).toContainText(app.home);
  await bothThemes(page, 'settings');
});

test('copies the diagnostic report', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${app.url}#/settings`);
  const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
  await expect(diagnostics).toContainText('Browser mode');
  await diagnostics.getByRole('button', { name: 'Copy diagnostic report' }).click();
  await expect(diagnostics.getByRole('button', { name: 'Copied' })).toBeVisible();
  const report = await page.evaluate(() => navigator.clipboard.readText());
  expect(report).toContain('# Starboard diagnostic report');
  expect(report).toContain('- Mode: browser mode');
  expect(report).toContain('## AWS accounts (0)');
});

test('the first run opens the demo workspace', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Explore the demo workspace' }).click();
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('empty-workspace')).toHaveCount(0);
});
