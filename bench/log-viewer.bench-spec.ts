// Figure 6 of issue 10, second half: the build log viewer opening a
// 100,000-line log. Browser mode on the demo; the page's reads of that one
// build's log are answered by the bench (in the contract's shape, in pages
// of 10,000 lines as the hub pages them), so the figure is the renderer's:
// from the route change to the first log row, then from a jump to the end to
// the last line on screen. Reports only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '@playwright/test';
import type { BuildLogView } from '../src/shared/aws-commands';
import { buildHref } from '../src/shared/route-paths';
import type { Snapshot } from '../src/shared/snapshot';
import { callApi, startDemo } from '../test/e2e/browser-mode';

const total = 100_000;
const pageSize = 10_000;
const partsDir = join(import.meta.dirname, '..', 'bench-results', 'parts');

/** A plausible CodeBuild log: container lines, some coloured, a phase marker now and then. */
function line(n: number): { timestamp: string; message: string } {
  const at = new Date(Date.UTC(2026, 10, 28, 10, 0, 0) + n * 10).toISOString();
  const message =
    n === total
      ? 'Phase complete: POST_BUILD State: SUCCEEDED (the last line)'
      : n % 5000 === 0
        ? `[Container] 2026/11/28 10:00:00.000000 Entering phase BUILD`
        : n % 50 === 0
          ? `\u001b[32m✓\u001b[0m test ${n} passed (${n % 97} ms)`
          : `[Container] step ${n}: compiling module-${n % 1000}.ts`;
  return { timestamp: at, message };
}

test('the log viewer opening a 100,000-line log', async ({ page }) => {
  const app = await startDemo(/"kind":"build"/);
  try {
    const snapshot = (await callApi(app, 'query/snapshot.get')) as Snapshot;
    const build = Object.values(snapshot.resources).find((r) => r.kind === 'build');
    if (build?.kind !== 'build') throw new Error('the demo has no build');
    const buildArn = build.data.arn;
    await page.route('**/api/query/codebuild.builds.log', async (route) => {
      const asked = route.request().postDataJSON() as { buildArn: string; from?: number };
      if (asked.buildArn !== buildArn) return route.continue();
      const from = asked.from ?? 0;
      const lines = Array.from({ length: Math.max(0, Math.min(pageSize, total - from)) }, (_, i) => line(from + i + 1));
      const value: BuildLogView = { buildArn, from, lines, total, state: 'ended', droppedLines: 0 };
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(app.url);
    await page.locator('main.content').waitFor();
    const openMs = await page.evaluate(
      (hash) =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          location.hash = hash;
          const check = () => {
            if (document.querySelector('.log-row')) resolve(performance.now() - start);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      buildHref(build.id),
    );
    // Until every page is in: the viewer shows the last line once it is scrolled to the end.
    const endMs = await page.evaluate(
      (last) =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          const check = () => {
            const scroller = document.querySelector('.log-scroller');
            if (scroller) scroller.scrollTop = scroller.scrollHeight;
            const rows = [...document.querySelectorAll('.log-row')];
            if (rows.some((row) => row.textContent.includes(last))) resolve(performance.now() - start);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      '(the last line)',
    );
    const heap = await page.evaluate(
      () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    );
    mkdirSync(partsDir, { recursive: true });
    const figures = {
      lines: total,
      openMs: Math.round(openMs),
      scrollToEndMs: Math.round(endMs),
      rendererHeapMiB: Math.round((heap / 2 ** 20) * 10) / 10,
      rowsInDom: await page.locator('.log-row').count(),
    };
    writeFileSync(join(partsDir, 'browser-log.json'), `${JSON.stringify({ logViewer: figures }, null, 2)}\n`);
  } finally {
    await app.stop();
  }
});
