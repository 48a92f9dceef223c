// Adding AWS accounts from the profiles in the user's AWS config files,
// checked against the simulator started as its own process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { screenshot, startBrowserMode, type RunningStarboard } from './browser-mode';
import { startSimulatorProcess, type RunningSimulator } from './simulator-process';

let sim: RunningSimulator;
let app: RunningStarboard;
let awsHome: string;

test.beforeAll(async () => {
  sim = await startSimulatorProcess('demo');
  awsHome = mkdtempSync(join(tmpdir(), 'starboard-aws-'));
  writeFileSync(
    join(awsHome, 'config'),
    [
      '[profile sim-dev]',
      'region = us-east-1',
      '',
      '[profile sim-deployer]',
      'region = us-east-1',
      'role_arn = arn:aws:iam::111122223333:role/Deployer',
      'source_profile = sim-dev',
      'mfa_serial = arn:aws:iam::111122223333:mfa/dev',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(awsHome, 'credentials'),
    '[sim-dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = e2e-canary-secret\n',
  );
  app = await startBrowserMode({
    env: {
      AWS_CONFIG_FILE: join(awsHome, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(awsHome, 'credentials'),
      AWS_ENDPOINT_URL: sim.awsEndpoint,
    },
  });
});

test.afterAll(async () => {
  await app.stop();
  await sim.stop();
  rmSync(awsHome, { recursive: true, force: true });
});

test('lists the profiles and adds an account after checking who it is', async ({ page }) => {
  await page.goto(`${app.url}#/accounts`);
  const form = page.getByRole('form', { name: 'Add an AWS account' });
  await expect(form.getByLabel('Profile')).toContainText('sim-dev (access keys)');
  await expect(form.getByLabel('Profile')).toContainText('sim-deployer (assumes a role)');
  await form.getByLabel('Profile').selectOption('sim-dev');
  await form.getByLabel('Name in Starboard').fill('Simulated dev');
  await expect(form.getByLabel('us-east-1')).toBeChecked();
  await screenshot(page, 'accounts-add');
  await form.getByRole('button', { name: 'Add account' }).click();

  const row = page.getByTestId('aws-account-simulated-dev');
  await expect(row).toContainText('Connected');
  await expect(row).toContainText('111122223333');
  await expect(row).toContainText('arn:aws:iam::111122223333:user/dev');
  expect(await page.content()).not.toContain('e2e-canary-secret');
});

test('asks for the MFA code of an assume-role profile, in the window', async ({ page }) => {
  await page.goto(`${app.url}#/accounts`);
  const form = page.getByRole('form', { name: 'Add an AWS account' });
  await form.getByLabel('Profile').selectOption('sim-deployer');
  await expect(form).toContainText('Starboard will ask for an MFA code');
  await form.getByRole('button', { name: 'Add account' }).click();

  const dialog = page.getByRole('dialog', { name: 'MFA code for sim-deployer' });
  await expect(dialog).toContainText('arn:aws:iam::111122223333:mfa/dev');
  await dialog.getByLabel('MFA code').fill('12ab');
  await expect(dialog.getByRole('button', { name: 'Continue' })).toBeDisabled();
  await dialog.getByLabel('MFA code').fill('123456');
  await screenshot(page, 'accounts-mfa');
  await dialog.getByRole('button', { name: 'Continue' }).click();

  const row = page.getByTestId('aws-account-sim-deployer');
  await expect(row).toContainText('Connected');
  await expect(row).toContainText('assumed-role/Deployer');
  await expect(dialog).toHaveCount(0);
  await screenshot(page, 'accounts');
});
