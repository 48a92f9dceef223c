// The scale scenario (1,000 pipelines) in the window: the Pipelines list
// keeps only the rows in view in the DOM, follows the page's scroll to the
// last pipeline, and a filter still finds any one of them. Counts, not times
// (the bench reports times).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { callApi, screenshot, startBrowserMode, type RunningStarboard } from './browser-mode';
import { startSimulatorProcess, type RunningSimulator } from './simulator-process';

const size = 1000;
let sim: RunningSimulator;
let app: RunningStarboard;
let home: string;

test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  sim = await startSimulatorProcess('scale', 0, size);
  home = mkdtempSync(join(tmpdir(), 'starboard-scale-'));
  const workspace = {
    awsAccounts: [
      { id: 'sim', label: 'Scale account', profile: null, regions: ['us-east-1'], endpointUrl: sim.awsEndpoint },
    ],
    githubAccounts: [],
    projects: {},
  };
  writeFileSync(join(home, 'config.json'), JSON.stringify({ version: 1, settings: {}, workspace }));
  app = await startBrowserMode({ home });
  // ListPipelines lists them all at once; their states follow.
  await expect
    .poll(
      async () =>
        Object.keys(((await callApi(app, 'query/snapshot.get')) as { resources: Record<string, unknown> }).resources)
          .length,
      { timeout: 90_000, intervals: [1_000] },
    )
    .toBeGreaterThan(size);
});

test.afterAll(async () => {
  await app.stop();
  await sim.stop();
  rmSync(home, { recursive: true, force: true });
});

test('a thousand pipelines: only the rows in view are in the DOM, and scrolling reaches the last', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${app.url}#/pipelines`);
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible();
  const rows = page.locator('[data-testid^="pipeline-row-"]');
  await expect(rows.first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: String(size) })).toBeVisible();
  expect(await rows.count()).toBeLessThan(100);
  await screenshot(page, 'scale-pipelines');

  // Scroll the page to the end: the last of the thousand rows is rendered, the first ones are gone.
  const firstBefore = await rows.first().getAttribute('data-testid');
  await page.locator('main.content').evaluate((main) => main.scrollTo(0, main.scrollHeight));
  await expect(rows.first()).not.toHaveAttribute('data-testid', firstBefore ?? '');
  expect(await rows.count()).toBeLessThan(100);
  const list = page.locator('[role="list"]:has([data-testid^="pipeline-row-"])');
  const reachesEnd = await list.evaluate((element: HTMLElement) => {
    const items = [...element.querySelectorAll<HTMLElement>('[role="listitem"]')];
    const bottom = Math.max(...items.map((item) => item.offsetTop + item.offsetHeight));
    return Math.abs(bottom - element.offsetHeight) <= 2;
  });
  expect(reachesEnd).toBe(true);
  await expect(rows.last()).toBeInViewport();

  // A filter narrows a thousand to one, rendered without virtualization.
  await page.locator('main.content').evaluate((main) => main.scrollTo(0, 0));
  await page.getByRole('searchbox', { name: 'Filter pipelines by name or project' }).fill('svc-0500');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('pipeline-row-svc-0500-pipeline')).toBeVisible();
});
