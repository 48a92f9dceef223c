// The pipelines pages on the demo workspace: the list (filter, keyboard,
// failing first), one pipeline's stages and history, an older execution's
// action runs, and the commands through their dialogs — retry the failed
// Build stage of payments-api, release a change through storefront — with
// the snapshot (read through the API) showing what each did.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Snapshot, SnapshotResource } from '../../src/shared/snapshot';
import { demoAws } from '../../src/sim/aws/scenarios/demo-names';
import { callApi, screenshot, startBrowserMode, startDemo, watchCsp, type RunningStarboard } from './browser-mode';

test.setTimeout(120_000);
test.use({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

const sf = demoAws.storefront;
const pa = demoAws.paymentsApi;
let app: RunningStarboard;

test.beforeAll(async () => {
  // Ready once executions (with their revisions) were read for the pipelines.
  app = await startDemo(/"executions":\[\{"pipelineName"/);
});
test.afterAll(async () => {
  await app.stop();
});

async function pipelines(): Promise<SnapshotResource<'pipeline'>[]> {
  const snapshot = (await callApi(app, 'query/snapshot.get')) as Snapshot;
  return Object.values(snapshot.resources).filter((r): r is SnapshotResource<'pipeline'> => r.kind === 'pipeline');
}

async function pipeline(name: string): Promise<SnapshotResource<'pipeline'>> {
  const found = (await pipelines()).find((p) => p.data.summary.name === name);
  if (!found) throw new Error(`no ${name} in the demo snapshot`);
  return found;
}

/** Light and dark stills of the page as it is, and no serious or critical axe finding in either. */
async function stills(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await screenshot(page, `${name}-${theme}`);
    const results = await new AxeBuilder({ page }).setLegacyMode().withTags(['wcag2a', 'wcag2aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect
      .soft(serious.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`))
      .toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('lists every pipeline failing first, filters, and opens one from the keyboard', async ({ page }) => {
  const csp = await watchCsp(page);
  const all = await pipelines();
  await page.goto(`${app.url}#/pipelines`);
  const rows = page.locator('[data-testid^="pipeline-row-"]');
  await expect(rows).toHaveCount(all.length);
  // payments-api failed its Build: a failing pipeline comes first.
  await expect(rows.first()).toHaveAttribute('data-testid', `pipeline-row-${pa.pipeline}`);
  await expect(rows.first()).toContainText('Failed');
  // Before axe runs in the page (it evaluates code of its own).
  expect(await csp()).toEqual([]);
  await stills(page, 'pipelines');

  await page.getByRole('button', { name: /^Failed/ }).click();
  // The demo keeps running: which pipelines fail may change, so check what is shown, not a count read before.
  await expect(rows.first()).toContainText('Failed');
  const failing = await rows.count();
  expect(failing).toBeLessThan(all.length);
  for (let i = 0; i < failing; i++) await expect(rows.nth(i)).toContainText('Failed');
  await page.getByRole('button', { name: /^All/ }).click();

  const filter = page.getByRole('searchbox', { name: 'Filter pipelines by name or project' });
  await filter.fill('storefront');
  await expect(rows).toHaveCount(all.filter((p) => p.data.summary.name.includes('storefront')).length);
  await expect(page.getByTestId(`pipeline-row-${sf.pipeline}`)).toBeVisible();
  await filter.fill('no-such-pipeline');
  await expect(page.getByText('No pipeline matches this filter.')).toBeVisible();

  await filter.fill('payments');
  await filter.press('ArrowDown');
  await expect(page.getByTestId(`pipeline-row-${pa.pipeline}`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: pa.pipeline })).toBeVisible();
});

test('shows a pipeline’s stages and history, and an older execution’s action runs', async ({ page }) => {
  const payments = await pipeline(pa.pipeline);
  const executions = payments.data.executions ?? [];
  expect(executions.length).toBeGreaterThan(1);
  await page.goto(`${app.url}#/pipelines/${encodeURIComponent(payments.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: pa.pipeline })).toBeVisible();
  const build = page.getByTestId('stage-Build');
  await expect(build).toContainText('Failed');
  await expect(build.getByRole('button', { name: 'Retry stage…' })).toBeVisible();
  await expect(page.locator('[data-testid^="execution-"]')).toHaveCount(executions.length);
  await expect(page.getByRole('link', { name: `${pa.pipeline} in the AWS console` })).toHaveAttribute(
    'href',
    payments.data.summary.consoleUrl,
  );
  await stills(page, 'pipeline');

  const older = executions[1];
  if (!older) throw new Error('no older execution');
  await page.getByTestId(`execution-${older.pipelineExecutionId}`).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`execution=${older.pipelineExecutionId}`));
  const runs = page.getByTestId('action-runs');
  await expect(runs.locator('tbody tr').first()).toBeVisible();
  const actions = payments.data.state?.stages.flatMap((s) => s.actions.map((a) => a.name)) ?? [];
  const shown = await runs.locator('tbody tr').count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(actions.length * 3);
  await expect(runs.getByTestId('action-run-Source')).toContainText('Succeeded');
  await expect(page.getByTestId(`execution-${older.pipelineExecutionId}`)).toHaveAttribute('aria-current', 'true');
  await runs.scrollIntoViewIfNeeded();
  await screenshot(page, 'pipeline-action-runs-light');
});

test('retries the failed Build stage of payments-api through its dialog', async ({ page }) => {
  const payments = await pipeline(pa.pipeline);
  const failed = payments.data.executions?.[0];
  expect(failed?.status).toBe('Failed');
  await page.goto(`${app.url}#/pipelines/${encodeURIComponent(payments.id)}`);
  await page.getByTestId('stage-Build').getByRole('button', { name: 'Retry stage…' }).click();
  const dialog = page.getByRole('dialog', { name: `Retry stage Build of ${pa.pipeline}?` });
  await expect(dialog).toContainText(failed?.pipelineExecutionId ?? '');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('radio', { name: /All actions/ }).check();
  await screenshot(page, 'pipeline-retry-dialog-light');
  await dialog.getByRole('button', { name: 'Retry stage' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(
      async () =>
        (await pipeline(pa.pipeline)).data.state?.stages.find((s) => s.name === 'Build')?.latestExecution?.status,
      { timeout: 20_000 },
    )
    .not.toBe('Failed');
  await expect(page.getByTestId('stage-Build')).not.toContainText('Failed', { timeout: 20_000 });
});

test('releases a change through storefront: a new execution appears', async ({ page }) => {
  const storefront = await pipeline(sf.pipeline);
  const before = new Set((storefront.data.executions ?? []).map((e) => e.pipelineExecutionId));
  await page.goto(`${app.url}#/pipelines/${encodeURIComponent(storefront.id)}`);
  await page.getByRole('button', { name: 'Release change' }).click();
  const dialog = page.getByRole('dialog', { name: `Release a change through ${sf.pipeline}?` });
  await expect(dialog).toContainText('latest revision');
  // Escape cancels: nothing is started.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Release change' }).click();
  await dialog.getByRole('button', { name: 'Release change' }).click();
  await expect(dialog).toBeHidden();
  const status = page.getByRole('status').filter({ hasText: 'Started execution' });
  await expect(status).toBeVisible();
  await expect
    .poll(
      async () =>
        ((await pipeline(sf.pipeline)).data.executions ?? []).filter((e) => !before.has(e.pipelineExecutionId)).length,
      { timeout: 20_000 },
    )
    .toBe(1);
  const started = (await pipeline(sf.pipeline)).data.executions?.find((e) => !before.has(e.pipelineExecutionId));
  await expect(page.getByTestId(`execution-${started?.pipelineExecutionId ?? ''}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop execution…' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop execution…' }).click();
  const stop = page.getByRole('dialog', { name: /^Stop execution/ });
  await expect(stop.getByRole('radio', { name: /Stop and wait/ })).toBeChecked();
  await screenshot(page, 'pipeline-stop-dialog-light');
  await stop.getByRole('button', { name: 'Cancel' }).click();
  await expect(stop).toBeHidden();
});

test('says how to get pipelines when there are none', async ({ page }) => {
  const empty = await startBrowserMode();
  try {
    await page.goto(`${empty.url}#/pipelines`);
    const note = page.getByTestId('pipelines-empty');
    await expect(note).toContainText('No pipelines yet');
    await expect(note.getByRole('link', { name: 'Add an AWS account' })).toHaveAttribute('href', '#/accounts');
    await expect(note.getByRole('button', { name: 'Explore the demo workspace' })).toBeVisible();
    await screenshot(page, 'pipelines-empty-light');
  } finally {
    await empty.stop();
  }
});
