// The dashboard: project cards with their health on Home, a project's page
// with its stage strip, builds and repository, and the status bar's refresh.
import { expect, test, type Page } from '@playwright/test';
import { screenshot, startBrowserMode, watchCsp, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;
test.beforeAll(async () => {
  app = await startBrowserMode({ args: ['--demo'] });
});
test.afterAll(async () => {
  await app.stop();
});

const projects = (page: Page) => page.getByRole('list', { name: 'Projects' });

test('home shows each demo project with its pipelines’ health and the activity feed', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(app.url);
  // The hub orders projects by name; the names are discovery's (or the user's).
  await expect(projects(page).getByRole('listitem')).toHaveCount(3);
  for (const name of [/storefront/i, /payments[- ]api/i, /mobile[- ]backend/i])
    await expect(projects(page).getByRole('heading', { name })).toBeVisible();

  const storefront = projects(page)
    .getByRole('listitem')
    .filter({ hasText: /storefront/i });
  // The demo's storefront pipeline waits for a production approval.
  await expect(storefront.getByRole('definition').first()).toContainText(
    /Waiting for approval|Running|Succeeded|Failed/,
  );
  await expect(storefront).toContainText(/approvals? waiting/);
  await expect(storefront.getByRole('img', { name: /Stages of storefront-pipeline/ })).toBeVisible();

  const payments = projects(page)
    .getByRole('listitem')
    .filter({ hasText: /payments[- ]api/i });
  // Its latest run failed in Build (the failing refunds test).
  await expect(payments.getByRole('definition').first()).toContainText('Failed');

  await expect(page.getByRole('list', { name: 'Recent activity' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByTestId('refresh-status')).toContainText(/Updated/);
  await expect(page.getByTestId('stale')).toHaveCount(0);
  await screenshot(page, 'dashboard-home');
  expect(await violations()).toEqual([]);
});

test('a project page shows the stage strip, builds and repository', async ({ page }) => {
  await page.goto(app.url);
  await projects(page)
    .getByRole('link', { name: /payments[- ]api/i })
    .click();
  await expect(page).toHaveURL(/#\/projects\/payments-api$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/payments[- ]api/i);
  await expect(page.getByRole('link', { name: 'Home' }).first()).toHaveAttribute('aria-current', 'page');

  const strip = page.getByRole('list', { name: 'Stages of payments-api-pipeline' });
  await expect(strip.getByRole('listitem')).toHaveCount(3);
  await expect(strip.getByRole('listitem').nth(1)).toContainText('Build');
  await expect(strip.getByRole('listitem').nth(1)).toContainText('Failed');

  const builds = page.getByRole('table', { name: /Latest builds of payments-api-build/ });
  await expect(builds.getByRole('row')).not.toHaveCount(1);
  const console = page.getByRole('link', { name: /payments-api-pipeline in the AWS console/ });
  await expect(console).toHaveAttribute('target', '_blank');
  await expect(console).toHaveAttribute('rel', 'noreferrer');
  await expect(console).toHaveAttribute('href', /^https:\/\/us-east-1\.console\.aws\.amazon\.com\//);

  await expect(page.getByTestId('repository-payments-api')).toContainText('main');
  await expect(page.getByTestId('repository-payments-api')).toContainText(/open pull requests?/);
  await screenshot(page, 'dashboard-project');

  await page.goto(`${app.url}#/projects/storefront`);
  const storefront = page.getByRole('list', { name: 'Stages of storefront-pipeline' });
  await expect(storefront.getByRole('listitem').filter({ hasText: 'Approval waiting' })).toHaveCount(1);
  await screenshot(page, 'dashboard-project-storefront');

  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
});

test('an unknown project says so instead of a blank page', async ({ page }) => {
  await page.goto(`${app.url}#/projects/no-such-project`);
  await expect(page.getByRole('heading', { name: 'Project not found' })).toBeVisible();
});

test('refresh now asks the hub and the status bar keeps saying when data last came', async ({ page }) => {
  await page.goto(app.url);
  const refresh = page.getByRole('button', { name: 'Refresh now' });
  await expect(refresh).toBeVisible();
  const answer = page.waitForResponse((response) => response.url().endsWith('api/command/refresh.now'));
  await refresh.click();
  expect(await (await answer).json()).toMatchObject({ ok: true, value: { queued: expect.any(Number) } });
  await expect(page.getByTestId('refresh-status')).toContainText(/Updated (just now|\d+ s ago)/);
});

test('dark theme', async ({ page, request }) => {
  await request.post(`${app.url}api/command/settings.update`, { data: { theme: 'dark' } });
  try {
    await page.goto(app.url);
    await expect(projects(page).getByRole('listitem')).toHaveCount(3);
    await screenshot(page, 'dashboard-home-dark');
    await page.goto(`${app.url}#/projects/storefront`);
    await expect(page.getByRole('list', { name: 'Stages of storefront-pipeline' })).toBeVisible();
    await screenshot(page, 'dashboard-project-dark');
  } finally {
    await request.post(`${app.url}api/command/settings.update`, { data: { theme: 'system' } });
  }
});
