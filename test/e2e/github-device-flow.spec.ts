// Sign-in with the browser needs a place to keep the token, which browser
// mode does not have: the form says so instead of showing a code, and main
// refuses the command too (covered in test/integration/github/device-flow.test.ts).
import { expect, test } from '@playwright/test';
import { screenshot, startBrowserMode, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;

test.beforeAll(async () => {
  app = await startBrowserMode({ env: { GITHUB_TOKEN: '', GH_TOKEN: '', GH_ENTERPRISE_TOKEN: '' } });
});

test.afterAll(async () => {
  await app.stop();
});

test('explains that sign-in with the browser works in the desktop app only', async ({ page }) => {
  await page.goto(`${app.url}#/accounts`);
  const form = page.getByRole('form', { name: 'Add a GitHub account' });
  await form.getByLabel('Sign in with browser (OAuth app)').check();
  await expect(form.getByRole('note')).toHaveText(
    'Sign-in with the browser works in the desktop app only: browser mode stores no tokens. Use GITHUB_TOKEN or the GitHub CLI here.',
  );
  await expect(form.getByLabel('OAuth app client id')).toHaveCount(0);
  await expect(form.getByRole('button', { name: 'Sign in with browser' })).toBeDisabled();
  await screenshot(page, 'accounts-github-device-flow');
});
