// Figure 5 of issue 10 (and the renderer half of figure 7): browser mode over
// the simulator's `scale` scenario at the large size, the home page's first
// project card timed from navigation start (performance.now() in the page)
// with a persisted snapshot and with an empty data folder. Reports only.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';
import { callApi, startBrowserMode } from '../test/e2e/browser-mode';
import { startSimulatorProcess } from '../test/e2e/simulator-process';

const size = 500;
const partsDir = join(import.meta.dirname, '..', 'bench-results', 'parts');

function writeConfig(home: string, endpoint: string, confirmed: string[]): void {
  const workspace = {
    awsAccounts: [{ id: 'sim', label: 'Scale account', profile: null, regions: ['us-east-1'], endpointUrl: endpoint }],
    githubAccounts: [],
    projects: { confirmed },
  };
  writeFileSync(join(home, 'config.json'), JSON.stringify({ version: 1, settings: {}, workspace }));
}

/** Milliseconds from navigation start until the first project card is in the DOM and laid out. */
async function firstCardMs(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const card = document.querySelector('.project-card');
      return card && card.getBoundingClientRect().height > 0 ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 180_000 },
  );
  return Math.round(Number(await handle.jsonValue()));
}

const until = async (check: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('browser mode did not get there in time');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
};

test('first paint from a persisted snapshot and from an empty one', async ({ browser }) => {
  const sim = await startSimulatorProcess('scale', 0, size);
  const home = mkdtempSync(join(tmpdir(), 'starboard-bench-paint-'));
  const empty = mkdtempSync(join(tmpdir(), 'starboard-bench-empty-'));
  try {
    // Fill the cache: every pipeline read once, the projects found; then confirm them all so Home shows cards.
    writeConfig(home, sim.awsEndpoint, []);
    let app = await startBrowserMode({ home });
    let proposals: string[] = [];
    await until(async () => {
      const snapshot = (await callApi(app, 'query/snapshot.get')) as { resources: Record<string, { kind: string }> };
      const view = (await callApi(app, 'query/projects.list')) as { projects: { id: string }[] };
      proposals = view.projects.map((p) => p.id);
      const pipelines = Object.values(snapshot.resources).filter((r) => r.kind === 'pipeline').length;
      return pipelines >= size && proposals.length > 0;
    }, 240_000);
    await app.stop();
    writeConfig(home, sim.awsEndpoint, proposals);
    writeConfig(empty, sim.awsEndpoint, proposals);

    app = await startBrowserMode({ home });
    const warmPage = await browser.newPage();
    const fromCacheMs = await firstCardMs(warmPage, app.url);
    const cards = await warmPage.locator('.project-card').count();
    // How much of that is loading the page itself.
    const domContentLoadedMs = await warmPage.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return navigation ? Math.round(navigation.domContentLoadedEventEnd) : null;
    });
    const rendererHeapMiB = await warmPage.evaluate(() => {
      const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
      return memory ? Math.round((memory.usedJSHeapSize / 2 ** 20) * 10) / 10 : null;
    });
    await warmPage.close();
    await app.stop();

    app = await startBrowserMode({ home: empty });
    const coldPage = await browser.newPage();
    const emptyCacheMs = await firstCardMs(coldPage, app.url);
    await coldPage.close();
    await app.stop();

    mkdirSync(partsDir, { recursive: true });
    const figures = {
      size,
      projects: proposals.length,
      cardsInDom: cards,
      fromCacheMs,
      domContentLoadedMs,
      emptyCacheMs,
      rendererHeapMiB,
    };
    writeFileSync(join(partsDir, 'browser.json'), `${JSON.stringify({ firstPaint: figures }, null, 2)}\n`);
  } finally {
    await sim.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  }
});
