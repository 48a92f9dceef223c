// The project dashboard: the build chart, the deployments and approvals
// tiles on the demo's data, and a layout the user hides and reorders that
// stays after a reload and resets.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { callApi, screenshot, startDemo, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;
test.beforeAll(async () => {
  // The demo's storefront has builds, CodeDeploy targets and an approval waiting.
  app = await startDemo(/"kind":"codedeploy-group"/);
});
test.afterAll(async () => {
  await app.stop();
});
test.use({ viewport: { width: 1280, height: 900 } });

/** The tiles' ids in page order. */
const tileOrder = (page: Page): Promise<string[]> =>
  page.locator('[data-tile]').evaluateAll((slots) => slots.map((s) => s.getAttribute('data-tile') ?? ''));

test('the storefront dashboard shows its build chart, deployments and the approval waiting', async ({ page }) => {
  await page.goto(`${app.url}#/projects/storefront`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/storefront/i);

  const chart = page.getByRole('img', {
    name: /^Builds of the last 30 days: \d+ builds?, \d+ succeeded and \d+ failed/,
  });
  await expect(chart).toBeVisible();
  await expect(page.getByTestId('build-chart-summary')).toContainText(/from the \d+ builds? Starboard holds/);
  await expect(page.getByRole('table', { name: 'Builds per day, last 30 days' })).toBeAttached();

  const deployments = page.getByTestId('deployments-tile');
  await expect(deployments.getByRole('heading', { name: 'Deployments' })).toBeVisible();
  const cards = deployments.getByRole('listitem');
  expect(await cards.count()).toBeGreaterThan(0);
  await expect(cards.first()).toContainText(/Healthy|Warning|Degraded|Failed|In progress|Unknown/);
  await expect(deployments.getByRole('link').filter({ hasNotText: 'All deployments' }).first()).toHaveAttribute(
    'href',
    /^#\/deployments\/targets\//,
  );

  const approvals = page.getByTestId('approvals-tile');
  const waiting = approvals.getByRole('list', { name: 'Approvals waiting' }).getByRole('listitem');
  const listed = (await callApi(app, 'query/approvals.list')) as { projectId: string | null }[];
  await expect(waiting).toHaveCount(listed.filter((a) => a.projectId === 'storefront').length);
  await expect(waiting.first()).toContainText(/left|expired/);
  await expect(waiting.first().getByRole('link')).toHaveAttribute('href', '#/approvals');

  // The pipeline stopped at the manual approval waits; it does not run.
  await expect(page.locator('.project-title-row')).toContainText('Waiting for approval');
  await page.goto(app.url);
  const card = page.getByTestId('project-storefront');
  await expect(card.getByRole('definition').first()).toContainText('Waiting for approval');
});

test('a hidden and moved tile stay so after a reload, and Reset brings the default back', async ({ page }) => {
  await page.goto(`${app.url}#/projects/storefront`);
  await expect(page.getByTestId('build-chart')).toBeVisible();
  const before = await tileOrder(page);
  expect(before.slice(0, 2)).toEqual(['pipelines', 'builds']);
  expect(before).toContain('activity');

  await page.getByRole('button', { name: 'Customize' }).click();
  const panel = page.getByTestId('customize-panel');
  await expect(panel).toContainText('None');
  await expect(page.getByRole('button', { name: 'Move Pipelines up' })).toBeDisabled();

  await page.getByRole('button', { name: 'Hide Activity' }).click();
  await expect(page.locator('[data-tile="activity"]')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Show Activity' })).toBeVisible();

  // Builds up one place, by keyboard: focus stays on the tile's buttons.
  await page.getByRole('button', { name: 'Move Builds up' }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => tileOrder(page))
    .toEqual(before.filter((t) => t !== 'activity').toSpliced(0, 2, 'builds', 'pipelines'));
  await expect(page.getByRole('button', { name: 'Move Builds down' })).toBeFocused();

  const stored = (await callApi(app, 'query/settings.get')) as { dashboards: Record<string, unknown> };
  expect(stored.dashboards['storefront']).toMatchObject({ hidden: ['activity'] });

  await page.reload();
  await expect(page.getByTestId('build-chart')).toBeVisible();
  const after = await tileOrder(page);
  expect(after.slice(0, 2)).toEqual(['builds', 'pipelines']);
  expect(after).not.toContain('activity');
  await expect(page.getByRole('heading', { name: 'Activity' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Customize' }).click();
  await page.getByRole('button', { name: 'Reset layout' }).click();
  await expect.poll(() => tileOrder(page)).toEqual(before);
  await expect(page.getByRole('button', { name: 'Reset layout' })).toBeDisabled();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByTestId('customize-panel')).toHaveCount(0);
  const reset = (await callApi(app, 'query/settings.get')) as { dashboards: Record<string, unknown> };
  expect(reset.dashboards['storefront']).toBeUndefined();
});

test('screenshots of the storefront dashboard, light and dark, with no serious axe finding', async ({ page }) => {
  test.setTimeout(60_000);
  for (const theme of ['light', 'dark'] as const) {
    await callApi(app, 'command/settings.update', { theme });
    await page.goto(`${app.url}#/projects/storefront`);
    await expect(page.getByTestId('build-chart')).toBeVisible();
    await expect(page.getByTestId('deployments-tile')).toBeVisible();
    await screenshot(page, `project-dashboard-${theme}`);
    await page.getByTestId('deployments-tile').scrollIntoViewIfNeeded();
    await screenshot(page, `project-dashboard-lower-${theme}`);
    await page.getByTestId('approvals-tile').scrollIntoViewIfNeeded();
    await screenshot(page, `project-dashboard-bottom-${theme}`);
    await page.getByRole('button', { name: 'Customize' }).click();
    await expect(page.getByTestId('customize-panel')).toBeVisible();
    await page.getByTestId('customize-panel').scrollIntoViewIfNeeded();
    await screenshot(page, `project-dashboard-customize-${theme}`);
    const results = await new AxeBuilder({ page })
      .setLegacyMode()
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `[${theme}] ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await page.getByRole('button', { name: 'Done', exact: true }).click();
  }
  await callApi(app, 'command/settings.update', { theme: 'system' });
});
