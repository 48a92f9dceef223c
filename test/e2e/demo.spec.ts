// The demo workspace: offered on first run, started in-process, labelled as
// demo data everywhere, and never written to the user's settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { screenshot, startBrowserMode, watchCsp, type RunningStarboard } from './browser-mode';

test.describe('offered on first run', () => {
  let app: RunningStarboard;
  test.beforeAll(async () => {
    app = await startBrowserMode();
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('opens from the empty home page and can be left again', async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Explore the demo workspace' }).click();
    await expect(page.getByTestId('demo-banner')).toContainText('Acme Rockets');
    // Discovered from the simulated pipelines and CodeStar tags, named as the demo's edits say, by name.
    await expect(page.getByRole('list', { name: 'Projects' }).getByRole('listitem')).toHaveText([
      /Mobile backend/,
      /Payments API/,
      /Storefront/,
    ]);
    await expect(page.locator('.sidebar .demo-pill')).toHaveText('Demo');
    await expect(page.locator('.status-bar')).toContainText('Demo data');
    // The README's picture shows the first full refresh: every pipeline's state read, both approvals waiting.
    await expect(page.getByRole('list', { name: 'Projects' })).not.toContainText('Unknown', { timeout: 15_000 });
    await expect(page.getByRole('link', { name: /Approvals/ })).toContainText('2', { timeout: 15_000 });
    await screenshot(page, 'home-demo');

    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('demo-banner')).toBeVisible();

    await page.getByRole('button', { name: 'Leave the demo' }).click();
    await expect(page.getByTestId('demo-banner')).toHaveCount(0);
    await page.getByRole('link', { name: 'Home' }).click();
    await expect(page.getByTestId('empty-workspace')).toBeVisible();
    expect(readFileSync(join(app.home, 'config.json'), 'utf8')).not.toMatch(/demo|acme/i);
    expect(await violations()).toEqual([]);
  });
});

test.describe('started with --demo', () => {
  let app: RunningStarboard;
  test.beforeAll(async () => {
    app = await startBrowserMode({ args: ['--demo'] });
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('opens straight into the demo, labelled as such', async ({ page }) => {
    await page.goto(app.url);
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    await expect(page.getByText('AWS accounts').locator('..')).toContainText('1');
    // Projects appear once the first definitions read is done.
    await expect(page.getByRole('list', { name: 'Projects' }).getByRole('listitem')).toHaveCount(3, {
      timeout: 20_000,
    });
  });
});
