// Figure 6 of issue 10, first half: the Pipelines list with 1,000 pipelines
// (browser mode over the simulator's `scale` scenario), timed in the page from
// the route change to the first row, and from a scroll to the end until the
// last row is rendered. Reports only.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { callApi, startBrowserMode } from '../test/e2e/browser-mode';
import { startSimulatorProcess } from '../test/e2e/simulator-process';

const size = 1000;
const partsDir = join(import.meta.dirname, '..', 'bench-results', 'parts');

test('the pipelines list with 1,000 items: render and scroll', async ({ page }) => {
  const sim = await startSimulatorProcess('scale', 0, size);
  const home = mkdtempSync(join(tmpdir(), 'starboard-bench-list-'));
  try {
    const workspace = {
      awsAccounts: [
        { id: 'sim', label: 'Scale account', profile: null, regions: ['us-east-1'], endpointUrl: sim.awsEndpoint },
      ],
      githubAccounts: [],
      projects: {},
    };
    writeFileSync(join(home, 'config.json'), JSON.stringify({ version: 1, settings: {}, workspace }));
    const app = await startBrowserMode({ home });
    try {
      await expect
        .poll(
          async () => {
            const snapshot = (await callApi(app, 'query/snapshot.get')) as {
              resources: Record<string, { kind: string }>;
            };
            return Object.values(snapshot.resources).filter((r) => r.kind === 'pipeline').length;
          },
          { timeout: 180_000, intervals: [1_000] },
        )
        .toBeGreaterThanOrEqual(size);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(app.url);
      await page.locator('main.content').waitFor();
      // From the route change to the first row laid out (polled every animation frame).
      const renderMs = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            location.hash = '#/pipelines';
            const check = () => {
              const row = document.querySelector('[data-testid^="pipeline-row-"]');
              if (row && row.getBoundingClientRect().height > 0) resolve(performance.now() - start);
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          }),
      );
      await expect(page.getByRole('status').filter({ hasText: String(size) })).toBeVisible({ timeout: 60_000 });
      // From a scroll to the end to the last pipeline's row in the DOM.
      const scrollMs = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const main = document.querySelector('main.content');
            if (!main) throw new Error('no main.content');
            const rows = () => [...document.querySelectorAll('[data-testid^="pipeline-row-"]')];
            const lastBefore = rows().at(-1)?.getAttribute('data-testid');
            const start = performance.now();
            main.scrollTo(0, main.scrollHeight);
            const check = () => {
              if (rows().at(-1)?.getAttribute('data-testid') !== lastBefore) resolve(performance.now() - start);
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          }),
      );
      const rowsInDom = await page.locator('[data-testid^="pipeline-row-"]').count();
      mkdirSync(partsDir, { recursive: true });
      const figures = { size, renderMs: Math.round(renderMs), scrollMs: Math.round(scrollMs), rowsInDom };
      writeFileSync(join(partsDir, 'browser-list.json'), `${JSON.stringify({ pipelinesList: figures }, null, 2)}\n`);
    } finally {
      await app.stop();
    }
  } finally {
    await sim.stop();
    rmSync(home, { recursive: true, force: true });
  }
});
