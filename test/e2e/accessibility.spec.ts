// The walk of every page: each page of the window on the demo workspace, in
// the light and the dark theme, scanned by axe-core (serious or critical
// findings fail) and screenshotted as test-results/screenshots/
// a11y-<page>-<light|dark>.png. Adding a page is one line in `walk`.
// Then the states a click opens (the decision dialog, a job's log), the empty
// workspace, and the keyboard: Tab from the top of Home walks the sidebar, the
// page and the status bar in that order, with a visible focus ring on each stop.
//
// The theme is 'system' (the default setting), so emulating the colour scheme
// switches it without changing the settings the other tests share.
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  buildHref,
  codeDeployDeploymentHref,
  deployTargetHref,
  pipelineHref,
  projectHref,
  repositoryHref,
  runHref,
} from '../../src/renderer/src/route-paths';
import type { Snapshot } from '../../src/shared/snapshot';
import { demoAws } from '../../src/sim/aws/scenarios/demo-names';
import { scan } from './axe';
import { callApi, startBrowserMode, startDemo, watchCsp, type RunningStarboard } from './browser-mode';

// Stills: axe measures colours frame by frame far slower while the running stage's animations play.
test.use({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

/** One page of the walk: its name in the screenshots, its hash route, and what shows once it has its data. */
interface Stop {
  name: string;
  /** The route, or how to find it in the demo's snapshot (for pages of one item). */
  hash: string | ((snapshot: Snapshot) => string);
  ready: (page: Page) => Locator;
}

const { storefront, paymentsApi, mobileBackend } = demoAws;
const heading = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name });
const approvalCard = (page: Page) => page.getByRole('listitem').filter({ hasText: storefront.pipeline });

// Every page: the sidebar's, then the pages of one item. A page joins the walk with one entry here.
const walk: Stop[] = [
  { name: 'home', hash: '#/', ready: (page) => page.getByRole('link', { name: /Storefront/ }).first() },
  ...[storefront.project, paymentsApi.project, mobileBackend.project].map((project) => ({
    name: `project-${project}`,
    hash: projectHref(project),
    ready: (page: Page) => page.getByRole('main').getByRole('region').first(),
  })),
  {
    name: 'approvals',
    hash: '#/approvals',
    ready: (page) => approvalCard(page).getByRole('list', { name: 'What would ship' }),
  },
  {
    name: 'deployments',
    hash: '#/deployments',
    ready: (page) =>
      page
        .getByRole('table', { name: 'Deployments of Storefront' })
        .getByTestId(`deploy-cell-codedeploy-${storefront.deploymentGroup}`)
        .getByRole('link', { name: /^Deployment d-/ }),
  },
  {
    name: 'codedeploy-deployment',
    hash: (snapshot) => codeDeployDeploymentHref(latestDeployment(snapshot)),
    ready: (page) => page.locator('.codedeploy-facts'),
  },
  {
    name: 'deploy-target-beanstalk',
    hash: (snapshot) => deployTargetHref(beanstalkEnvironment(snapshot)),
    ready: heading(new RegExp(paymentsApi.environment)),
  },
  {
    name: 'github-run',
    hash: (snapshot) => failedRunHref(snapshot),
    ready: (page) =>
      page
        .getByRole('list', { name: 'Jobs' })
        .locator('.job-failed')
        .first()
        .getByRole('list', { name: /^Steps of / }),
  },
  {
    name: 'pipelines',
    hash: '#/pipelines',
    ready: (page) => page.getByTestId(`pipeline-row-${storefront.pipeline}`),
  },
  {
    name: 'pipeline',
    hash: (snapshot) => pipelineHref(resourceIdOf(snapshot, 'pipeline', storefront.pipeline)),
    ready: (page) => page.getByTestId('stage-Build'),
  },
  { name: 'builds', hash: '#/builds', ready: (page) => page.getByTestId('build-row').first() },
  {
    name: 'build',
    hash: (snapshot) => buildHref(resourceIdOf(snapshot, 'build', paymentsApi.buildProject)),
    ready: (page) => page.getByTestId('build-phase').first(),
  },
  {
    name: 'repositories',
    hash: '#/repositories',
    ready: (page) => page.getByRole('list', { name: 'Repositories' }).getByRole('listitem').first(),
  },
  {
    name: 'repository',
    hash: (snapshot) => repositoryHref(resourceIdOf(snapshot, 'repository', paymentsApi.repository)),
    ready: heading(new RegExp(paymentsApi.repository)),
  },
  { name: 'accounts', hash: '#/accounts', ready: (page) => page.getByRole('main').getByRole('list').first() },
  { name: 'settings', hash: '#/settings', ready: heading('Settings') },
];

/** The snapshot id of the demo's pipeline, newest build of a build project, or repository by name. */
function resourceIdOf(snapshot: Snapshot, kind: 'pipeline' | 'build' | 'repository', name: string): string {
  const found = Object.values(snapshot.resources).find(
    (r) =>
      (kind === 'pipeline' && r.kind === 'pipeline' && r.data.summary.name === name) ||
      (kind === 'build' && r.kind === 'build' && r.data.project === name) ||
      (kind === 'repository' && r.kind === 'repository' && r.data.repository === name),
  );
  if (!found) throw new Error(`the snapshot holds no ${kind} ${name}`);
  return found.id;
}

function latestDeployment(snapshot: Snapshot): string {
  for (const resource of Object.values(snapshot.resources))
    if (resource.kind === 'codedeploy-group' && resource.data.group.name === storefront.deploymentGroup) {
      const id = resource.data.deployments[0]?.id;
      if (id) return id;
    }
  throw new Error(`the snapshot holds no deployment of ${storefront.deploymentGroup}`);
}

function beanstalkEnvironment(snapshot: Snapshot): string {
  const environment = Object.values(snapshot.resources).find(
    (r) => r.kind === 'beanstalk-environment' && r.data.environment.name === paymentsApi.environment,
  );
  if (!environment) throw new Error(`the snapshot holds no ${paymentsApi.environment}`);
  return environment.id;
}

function failedRunHref(snapshot: Snapshot): string {
  for (const resource of Object.values(snapshot.resources))
    if (resource.kind === 'github-repository' && resource.data.fullName === storefront.fullRepositoryId) {
      const run = resource.data.runs.find((r) => r.conclusion === 'failure');
      if (run)
        return runHref({ accountKey: resource.data.accountKey, repository: resource.data.fullName, runId: run.id });
    }
  throw new Error(`the snapshot holds no failed run of ${storefront.fullRepositoryId}`);
}

test.describe('the demo workspace', () => {
  let app: RunningStarboard;
  let snapshot: Snapshot;
  // One tab for the walk: moving between pages changes the hash, as the sidebar does, rather than reloading.
  let tab: Page;
  let csp: () => Promise<string[]>;

  test.beforeAll(async ({ browser }) => {
    // The data every page shows: a failed run, a live deployment, the Beanstalk environment, CodeDeploy's deployments.
    app = await startDemo([
      /"conclusion":"failure"/,
      /"live":\{"sha"/,
      /"kind":"beanstalk-environment"/,
      /"id":"d-[A-Z0-9]{9}"/,
      /"kind":"repository"/,
    ]);
    snapshot = (await callApi(app, 'query/snapshot.get')) as Snapshot;
    tab = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    csp = await watchCsp(tab);
  });

  test.afterAll(async () => {
    await tab.close();
    await app.stop();
  });

  for (const stop of walk)
    test(`${stop.name} passes axe in light and dark`, async () => {
      await tab.goto(`${app.url}${typeof stop.hash === 'string' ? stop.hash : stop.hash(snapshot)}`);
      await expect(tab.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(stop.ready(tab)).toBeVisible({ timeout: 20_000 });
      await scan(tab, stop.name);
      expect(await csp()).toEqual([]);
    });

  test('the decision dialog', async ({ page }) => {
    await page.goto(`${app.url}#/approvals`);
    const card = approvalCard(page);
    await expect(card.getByRole('list', { name: 'What would ship' })).toBeVisible({ timeout: 15_000 });
    await card.getByRole('button', { name: /^Approve storefront-pipeline/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await scan(page, 'approvals-dialog');
  });

  test('a failed job’s log', async ({ page }) => {
    await page.goto(`${app.url}${failedRunHref(snapshot)}`);
    const failedJob = page.getByRole('list', { name: 'Jobs' }).locator('.job-failed').first();
    await failedJob.getByRole('link', { name: /^View the log of / }).click();
    await expect(
      page
        .getByRole('region', { name: /^Log of / })
        .locator('.log-row')
        .first(),
    ).toBeVisible();
    await scan(page, 'github-job-log');
  });

  test('Tab walks the sidebar, the page, then the status bar, with a visible focus ring', async ({ page }) => {
    await page.goto(app.url);
    await expect(page.getByRole('link', { name: /Storefront/ }).first()).toBeVisible();
    const stops: { area: string; outline: string; element: string }[] = [];
    for (let i = 0; i < 200; i += 1) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const active = document.activeElement;
        if (!active || active === document.body) return undefined;
        const style = getComputedStyle(active);
        return {
          area: active.closest('nav[aria-label="Main"]')
            ? 'nav'
            : active.closest('main')
              ? 'main'
              : active.closest('footer')
                ? 'status'
                : 'elsewhere',
          outline: style.outlineStyle === 'none' ? style.boxShadow : `${style.outlineStyle} ${style.outlineWidth}`,
          element: `${active.tagName.toLowerCase()} "${(active.getAttribute('aria-label') ?? active.textContent).trim().slice(0, 40)}"`,
        };
      });
      if (!stop) break;
      stops.push(stop);
      // Past the status bar Chromium may wrap to the sidebar again: one round is enough.
      if (stop.area === 'nav' && stops.at(-2)?.area === 'status') {
        stops.pop();
        break;
      }
    }
    // The areas in order, each visited once: the sidebar, the main content, the status bar.
    const areas = stops.map((stop) => stop.area).filter((area, index, all) => area !== all[index - 1]);
    expect(areas).toEqual(['nav', 'main', 'status']);
    expect(stops.filter((stop) => stop.area === 'main').length).toBeGreaterThan(5);
    // Every stop shows where focus is: an outline, or a box-shadow ring where the design draws one.
    const unmarked = stops.filter((stop) => stop.outline === '' || stop.outline.startsWith('none'));
    expect(unmarked, 'focus stops without a visible ring').toEqual([]);
  });
});

test.describe('an empty workspace', () => {
  let app: RunningStarboard;
  test.beforeAll(async () => {
    app = await startBrowserMode();
  });
  test.afterAll(async () => {
    await app.stop();
  });

  test('Home offers the first steps', async ({ page }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button').first()).toBeVisible();
    await scan(page, 'home-empty');
  });
});
