// #/builds and a build's page against real processes: the demo (CodeBuild
// builds and GitHub Actions runs in one list, filters, keyboard, a failed
// build's phases and log), then a simulator process where a build started
// through the real SDK runs: its log streams in, and Stop (after a dialog)
// stops it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeBuildClient, StartBuildCommand } from '@aws-sdk/client-codebuild';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, request, test } from '@playwright/test';
import { demoAws } from '../../src/sim/aws/scenarios/demo-names';
import { callApi, screenshot, startBrowserMode, startDemo, type RunningStarboard } from './browser-mode';
import { startSimulatorProcess, type RunningSimulator } from './simulator-process';

test.setTimeout(150_000);
test.use({ viewport: { width: 1360, height: 960 } });

async function axe(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('the builds of the demo', () => {
  let app: RunningStarboard | undefined;
  test.beforeAll(async () => {
    app = await startDemo(/"kind":"build"[\s\S]*"runs":\[\{|"runs":\[\{[\s\S]*"kind":"build"/, 60_000);
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test('lists CodeBuild builds and GitHub runs together, filters them and opens a failed build with its log', async ({
    page,
  }) => {
    if (!app) throw new Error('not started');
    await page.goto(`${app.url}#/builds`);
    const rows = page.getByTestId('build-row');
    await expect(rows.first()).toBeVisible({ timeout: 20_000 });
    const total = await rows.count();
    expect(total).toBeGreaterThan(5);
    await expect(rows.filter({ hasText: 'CodeBuild' }).first()).toBeVisible();
    await expect(rows.filter({ hasText: 'GitHub Actions' }).first()).toBeVisible();
    await axe(page);
    await screenshot(page, 'builds-list-light');

    // Source: only GitHub Actions runs, and their rows open the run page.
    await page.getByLabel('Source').selectOption('github');
    const github = await rows.count();
    expect(github).toBeGreaterThan(0);
    expect(github).toBeLessThan(total);
    expect(await rows.filter({ hasText: 'CodeBuild' }).count()).toBe(0);
    await expect(rows.first()).toHaveAttribute('href', /^#\/github\//);
    // The demo keeps building, so both counts may have grown since they were read: compare loosely.
    const shown = page.getByRole('status').filter({ hasText: / of \d+ builds/ });
    await expect(shown).toContainText(/\d+ of \d+ builds/);
    const [, part = '0', all = '0'] = /(\d+) of (\d+) builds/.exec((await shown.textContent()) ?? '') ?? [];
    expect(Number(part)).toBeGreaterThanOrEqual(github);
    expect(Number(part)).toBeLessThan(Number(all));
    expect(Number(all)).toBeGreaterThanOrEqual(total);

    // CodeBuild builds that failed: each row says Failed in words.
    await page.getByLabel('Source').selectOption('codebuild');
    await page.getByLabel('Status').selectOption('failed');
    const failed = await rows.count();
    expect(failed).toBeGreaterThan(0);
    for (let i = 0; i < failed; i++) await expect(rows.nth(i)).toContainText('Failed');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    // Every build again (the demo may have started more since they were counted).
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(total);

    // Keyboard: Down moves through rows, Enter opens one.
    await page.getByLabel('Source').selectOption('codebuild');
    await page.getByLabel('Status').selectOption('failed');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    if (failed > 1) await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(rows.first()).toBeFocused();
    const href = await rows.first().getAttribute('href');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${(href ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));

    // The failed build: status in words, phases with the failing one and its reason, the log with its error.
    await expect(page.getByRole('heading', { level: 1 })).toContainText(demoAws.paymentsApi.buildProject);
    await expect(page.locator('.build-title-row')).toContainText('Failed');
    await expect(
      page.getByTestId('build-phase').filter({ has: page.locator('.build-phase-name', { hasText: /^BUILD$/ }) }),
    ).toContainText('Failed');
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Stop build' })).toHaveCount(0);
    const log = page.locator('.build-log');
    await expect(log.locator('.log-status')).toContainText(/\d+ lines/, { timeout: 20_000 });
    await expect(log).toContainText('npm test');
    await page.getByRole('button', { name: /first error/i }).click();
    await expect(log.locator('.log-row-selected').first()).toContainText(/FAIL|did not exit/);
    await axe(page);
    await screenshot(page, 'build-failed-light');

    await callApi(app, 'command/settings.update', { theme: 'dark' });
    await page.waitForTimeout(300);
    await screenshot(page, 'build-failed-dark');
    await page.goto(`${app.url}#/builds`);
    await expect(rows.first()).toBeVisible();
    await screenshot(page, 'builds-list-dark');
    await callApi(app, 'command/settings.update', { theme: 'system' });
  });
});

test.describe('a running build', () => {
  const running: { app?: RunningStarboard; sim?: RunningSimulator; home?: string } = {};
  test.beforeAll(async () => {
    running.home = mkdtempSync(join(tmpdir(), 'starboard-builds-'));
    running.sim = await startSimulatorProcess('demo');
    const config = {
      version: 1,
      settings: { theme: 'system' },
      workspace: {
        awsAccounts: [
          {
            id: 'sim',
            label: 'Simulated',
            profile: null,
            regions: ['us-east-1'],
            endpointUrl: running.sim.awsEndpoint,
          },
        ],
        githubAccounts: [],
        projects: {},
      },
    };
    writeFileSync(join(running.home, 'config.json'), JSON.stringify(config, null, 2));
    running.app = await startBrowserMode({ home: running.home });
  });
  test.afterAll(async () => {
    await running.app?.stop();
    await running.sim?.stop();
    if (running.home) rmSync(running.home, { recursive: true, force: true });
  });

  test('streams its log and stops it after a confirmation', async ({ page }) => {
    const { app, sim } = running;
    if (!app || !sim) throw new Error('not started');
    const client = new CodeBuildClient({
      endpoint: sim.awsEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'sim' },
    });
    const started = await client.send(new StartBuildCommand({ projectName: demoAws.storefront.buildProject }));
    client.destroy();
    const arn = started.build?.arn ?? '';
    expect(arn).toMatch(/:build\/storefront-build:/);

    const api = await request.newContext();
    const call = async (path: string) =>
      ((await (await api.post(`${app.url}api/${path}`, { data: {} })).json()) as { value: unknown }).value;
    await expect
      .poll(
        async () => {
          await call('command/refresh.now');
          return JSON.stringify(await call('query/snapshot.get')).includes(`"arn":"${arn}"`);
        },
        { timeout: 60_000, intervals: [2_000] },
      )
      .toBe(true);
    await api.dispose();

    await page.goto(`${app.url}#/builds/${encodeURIComponent(`build:${arn}`)}`);
    await expect(page.locator('.build-title-row')).toContainText('In progress');
    const status = page.locator('.build-log .log-status');
    await expect(status).toContainText(/\d+ lines/, { timeout: 30_000 });
    const count = async () => Number(/([\d,]+) lines/.exec((await status.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    const first = await count();
    // The hub follows the build and pushes new lines: the count grows without a reload.
    await expect.poll(count, { timeout: 60_000, intervals: [1_000] }).toBeGreaterThan(first);
    await expect(
      page
        .getByRole('button', { name: 'Follow' })
        .or(page.getByText(/following/i))
        .first(),
    ).toBeVisible();
    await axe(page);
    await screenshot(page, 'build-running-light');
    await callApi(app, 'command/settings.update', { theme: 'dark' });
    await page.waitForTimeout(300);
    await screenshot(page, 'build-running-dark');
    await callApi(app, 'command/settings.update', { theme: 'system' });

    // Stop: the dialog names the build; Cancel changes nothing; confirming stops it.
    const stop = page.getByRole('button', { name: 'Stop build' });
    await stop.click();
    const dialog = page.getByRole('dialog', { name: /^Stop build storefront-build/ });
    await expect(dialog).toContainText(arn.split('/')[1] ?? '');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await stop.click();
    await dialog.getByRole('button', { name: 'Stop build' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.build-title-row')).toContainText('Stopped', { timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Stop build' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
});
