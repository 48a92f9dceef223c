// GitHub on the dashboard: the mobile backend's Actions runs (one waiting for
// review in production) and environments, the storefront's pull requests, and
// workflows counted in the project cards on Home.
import { expect, test, type Page } from '@playwright/test';
import { callApi, screenshot, startDemo, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;
test.beforeAll(async () => {
  // The storefront's repository is watched once discovery has tied it to the storefront pipeline; pull requests
  // and runs are read on the idle cadence: startDemo asks for a refresh after that rather than wait minutes for it.
  app = await startDemo(/"runNumber"/);
});

test.afterAll(async () => {
  await app.stop();
});

// Tall enough to see the GitHub tiles in one screenshot.
test.use({ viewport: { width: 1280, height: 1500 } });

async function mobileBackend(page: Page): Promise<void> {
  await page.goto(`${app.url}#/projects/mobile-backend`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/mobile[- ]backend/i);
}

test('the mobile backend shows its Actions runs, the run waiting for review and its environments', async ({ page }) => {
  await mobileBackend(page);
  const actions = page.getByRole('region', { name: 'Actions' });
  const runs = actions.getByRole('list', { name: 'Recent workflow runs of acme-rockets/mobile-backend' });
  await expect(runs.getByRole('listitem').first()).toBeVisible();
  expect(await runs.getByRole('listitem').count()).toBeGreaterThan(3);
  const waiting = runs.getByRole('link', { name: /Waiting for review: .*production/ });
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toHaveAttribute('href', '#/approvals');
  const run = runs.getByRole('link', { name: /^Deploy run \d+ on GitHub$/ }).first();
  await expect(run).toHaveAttribute('target', '_blank');
  await expect(run).toHaveAttribute('rel', 'noreferrer');
  await expect(run).toHaveAttribute('href', /\/acme-rockets\/mobile-backend\/actions\/runs\/\d+$/);

  const environments = page.getByRole('list', { name: 'Environments of acme-rockets/mobile-backend' });
  await expect(environments.getByTestId('environment-production')).toBeVisible();
  await expect(environments.getByTestId('environment-staging')).toContainText(/Live: [0-9a-f]{7} since/);
  // The newest deployment's status history, newest first.
  const staging = environments.getByTestId('environment-staging');
  await staging.getByText(/^History of [0-9a-f]{7}/).click();
  const history = staging.getByRole('list', { name: /^Statuses of the deployment of [0-9a-f]{7} to staging$/ });
  await expect(history.getByRole('listitem').first()).toContainText(/^Success \d+ min ago/);
  expect(await history.getByRole('listitem').count()).toBeGreaterThan(1);
  await expect(environments.getByTestId('environment-production')).toContainText('Waiting for review');
  await expect(page.getByRole('link', { name: 'production on GitHub' })).toHaveAttribute('target', '_blank');

  await expect(page.getByTestId('github-repository-acme-rockets/mobile-backend')).toContainText('main');
  await expect(page.getByTestId('stale')).toHaveCount(0);
  await screenshot(page, 'dashboard-github-mobile-backend');

  await page.getByRole('link', { name: /Waiting for review: .*production/ }).click();
  await expect(page).toHaveURL(/#\/approvals$/);
});

test('the storefront’s repository tile shows its GitHub pull requests with review and checks', async ({ page }) => {
  await page.goto(`${app.url}#/projects/storefront`);
  const repository = page.getByTestId('github-repository-acme-rockets/storefront');
  await expect(repository).toContainText(/\d+ open pull requests?/);
  const pulls = repository.getByRole('list', { name: 'Open pull requests of acme-rockets/storefront' });
  await expect(pulls.getByRole('listitem')).toHaveCount(3);
  const apple = pulls.getByRole('listitem').filter({ hasText: 'Add Apple Pay to checkout' });
  await expect(apple).toContainText('Approved');
  const images = pulls.getByRole('listitem').filter({ hasText: 'Serve product images from CloudFront' });
  await expect(images).toContainText('Changes requested');
  await expect(images).toContainText(/checks? failed/);
  await expect(repository.getByRole('link', { name: /^Commit [0-9a-f]{7}$/ })).toHaveAttribute('target', '_blank');
  await expect(page.getByRole('region', { name: 'Actions' })).toBeVisible();
  await screenshot(page, 'dashboard-github-storefront');
});

test('home counts workflows, GitHub pull requests and runs waiting for review', async ({ page }) => {
  await page.goto(app.url);
  const card = page
    .getByRole('list', { name: 'Projects' })
    .getByRole('listitem')
    .filter({ hasText: /mobile[- ]backend/i });
  await expect(card.getByRole('term').filter({ hasText: /Deploy/ })).toBeVisible();
  await expect(card).toContainText(/approvals? waiting/);
  const storefront = page
    .getByRole('list', { name: 'Projects' })
    .getByRole('listitem')
    .filter({ hasText: /storefront/i });
  await expect(storefront).toContainText(/open pull requests?/);
});

test('dark theme', async ({ page }) => {
  await callApi(app, 'command/settings.update', { theme: 'dark' });
  try {
    await mobileBackend(page);
    await expect(page.getByRole('region', { name: 'Environments' })).toBeVisible();
    await screenshot(page, 'dashboard-github-mobile-backend-dark');
    await page.goto(`${app.url}#/projects/storefront`);
    await expect(page.getByTestId('github-repository-acme-rockets/storefront')).toBeVisible();
    await screenshot(page, 'dashboard-github-storefront-dark');
    await page.goto(app.url);
    await expect(page.getByRole('list', { name: 'Projects' }).getByRole('listitem')).toHaveCount(3);
    await screenshot(page, 'dashboard-github-home-dark');
  } finally {
    await callApi(app, 'command/settings.update', { theme: 'system' });
  }
});

test('re-runs a failed workflow run and cancels a running one from the Actions tile', async ({ page }) => {
  await page.goto(`${app.url}#/projects/storefront`);
  const actions = page.getByRole('region', { name: 'Actions' });
  const rerun = actions.getByRole('button', { name: /^Re-run the failed jobs of / }).first();
  await expect(rerun).toBeVisible();
  await rerun.click();
  await expect(actions.getByRole('status').filter({ hasText: 'Sent to GitHub' }).first()).toBeVisible();

  const cancel = actions.getByRole('button', { name: /^Cancel / }).first();
  await expect(cancel).toBeVisible();
  const label = (await cancel.getAttribute('aria-label')) ?? '';
  await cancel.click();
  // Cancelling asks once more, in place.
  await actions.getByRole('button', { name: `Confirm: cancel ${label.slice('Cancel '.length)}` }).click();
  await expect(actions.getByRole('status').filter({ hasText: 'Sent to GitHub' })).toHaveCount(2);
});
