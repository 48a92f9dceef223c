// Accessibility of every page: an axe-core scan (WCAG 2.1 A/AA and best
// practice) in the light and the dark theme, failing on any serious or
// critical violation, with a screenshot of each page in each theme; and the
// keyboard: Tab from the top of Home walks the sidebar, the page and the
// status bar in that order, with a visible focus ring on each stop.
//
// The theme is 'system' (the default setting), so emulating the colour scheme
// switches it without changing the settings the other tests share.
import AxeBuilder from '@axe-core/playwright';
import { expect, request, test, type Page } from '@playwright/test';
import { demoAws } from '../../src/sim/aws/scenarios/demo-names';
import type { ProjectView, ProjectsView } from '../../src/shared/projects';
import type { Snapshot } from '../../src/shared/snapshot';
import { deployTargetHref } from '../../src/renderer/src/route-paths';
import { screenshot, startBrowserMode, watchCsp, type RunningStarboard } from './browser-mode';

const themes = ['light', 'dark'] as const;

/** Scans the page as it is now in both themes and saves a screenshot of each; fails on serious or critical findings. */
async function scan(page: Page, name: string): Promise<void> {
  const problems: string[] = [];
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme });
    // Let the theme's transitions (if any) settle before colours are measured.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await screenshot(page, `a11y-${name}-${theme}`);
    // Legacy mode runs axe.run in the page itself; the default opens a blank page per scan to merge
    // frame results, which costs seconds and the app has no frames.
    const results = await new AxeBuilder({ page })
      .setLegacyMode()
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    for (const violation of results.violations) {
      if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
      const targets = violation.nodes
        .slice(0, 4)
        .map((node) => `      ${node.target.join(' ')}  ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
        .join('\n');
      problems.push(
        `[${theme}] ${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.length} node(s)\n${targets}`,
      );
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect.soft(problems, `axe found serious or critical problems on ${name}:\n${problems.join('\n')}`).toEqual([]);
}

// Stills: axe measures colours frame by frame far slower while the running stage's animations play.
test.use({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

test.describe('the demo workspace', () => {
  let app: RunningStarboard;
  let projects: ProjectView[] = [];
  let snapshot: Snapshot;

  test.beforeAll(async () => {
    app = await startBrowserMode({ args: ['--demo'] });
    const api = await request.newContext();
    const call = async (path: string): Promise<unknown> =>
      ((await (await api.post(`${app.url}api/${path}`, { data: {} })).json()) as { value: unknown }).value;
    await expect
      .poll(async () => JSON.stringify(await call('query/projects.list')), { timeout: 20_000 })
      .toContain('"acme-rockets/mobile-backend"');
    await call('command/refresh.now');
    // Wait for the data every page shows: a failed run, a live deployment, the Beanstalk environment.
    await expect
      .poll(
        async () => {
          const text = JSON.stringify(await call('query/snapshot.get'));
          return (
            /"conclusion":"failure"/.test(text) && /"live":\{"sha"/.test(text) && /"beanstalk-environment"/.test(text)
          );
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    projects = ((await call('query/projects.list')) as ProjectsView).projects;
    snapshot = (await call('query/snapshot.get')) as Snapshot;
    await api.dispose();
  });

  test.afterAll(async () => {
    await app.stop();
  });

  test('Home', async ({ page }) => {
    const csp = await watchCsp(page);
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /Storefront/ }).first()).toBeVisible();
    await scan(page, 'home');
    expect(await csp()).toEqual([]);
  });

  test('each project’s page', async ({ page }) => {
    expect(projects.length).toBe(3);
    for (const project of projects) {
      await page.goto(`${app.url}#/projects/${encodeURIComponent(project.id)}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(project.name);
      await expect(page.getByRole('region').first()).toBeVisible();
      await scan(page, `project-${project.id}`);
    }
  });

  test('Approvals, and the decision dialog', async ({ page }) => {
    await page.goto(`${app.url}#/approvals`);
    const card = page.getByRole('listitem').filter({ hasText: demoAws.storefront.pipeline });
    await expect(card.getByRole('list', { name: 'What would ship' })).toBeVisible({ timeout: 15_000 });
    await scan(page, 'approvals');
    await card.getByRole('button', { name: /^Approve storefront-pipeline/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await scan(page, 'approvals-dialog');
  });

  test('Deployments, a CodeDeploy deployment and a Beanstalk environment', async ({ page }) => {
    await page.goto(`${app.url}#/deployments`);
    const storefront = page.getByRole('table', { name: 'Deployments of Storefront' });
    const group = storefront.getByTestId(`deploy-cell-codedeploy-${demoAws.storefront.deploymentGroup}`);
    await expect(group.getByRole('link', { name: /^Deployment d-/ })).toBeVisible({ timeout: 20_000 });
    await scan(page, 'deployments');

    await group.getByRole('link', { name: /^Deployment d-/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('storefront / storefront-prod');
    await expect(page.locator('.codedeploy-facts')).toBeVisible();
    await scan(page, 'codedeploy-deployment');

    const environment = Object.values(snapshot.resources).find(
      (r) => r.kind === 'beanstalk-environment' && r.data.environment.name === demoAws.paymentsApi.environment,
    );
    expect(environment).toBeDefined();
    await page.goto(`${app.url}${deployTargetHref(environment?.id ?? '')}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(demoAws.paymentsApi.environment);
    await scan(page, 'deploy-target-beanstalk');
  });

  test('Accounts and Settings', async ({ page }) => {
    await page.goto(`${app.url}#/accounts`);
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
    await expect(page.getByRole('list').first()).toBeVisible();
    await scan(page, 'accounts');
    await page.goto(`${app.url}#/settings`);
    await expect(page.getByRole('radio', { name: 'Match the system' })).toBeChecked();
    await scan(page, 'settings');
  });

  test('a GitHub workflow run and a job’s log', async ({ page }) => {
    await page.goto(`${app.url}#/projects/${demoAws.storefront.project}`);
    const failed = page
      .getByRole('region', { name: 'Actions' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: /^Re-run the failed jobs of / }) })
      .first();
    await failed.getByRole('link', { name: /^Jobs and logs of / }).click();
    const failedJob = page.getByRole('list', { name: 'Jobs' }).locator('.job-failed').first();
    await expect(failedJob.getByRole('list', { name: /^Steps of / })).toBeVisible();
    await scan(page, 'github-run');

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
