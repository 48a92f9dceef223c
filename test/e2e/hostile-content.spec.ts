// Hostile content stays inert text on every page (issue 11, item 3). The
// simulator runs the `hostile` scenario as its own process: PR titles,
// commit messages, build and job logs, repository descriptions, approval
// notes, environment names, health causes and stack reasons carry HTML,
// script, template and terminal-escape payloads (src/sim/hostile-payloads.ts).
// Browser mode watches it through a workspace of its own. On each page, with
// a CSP violation listener: no payload ran (window.__pwned), no element came
// from the data (img[src=x], a script, an on* attribute), no link points at
// script or at the OSC-8 target, templates are not evaluated, and the
// payload is on the page as the literal text it is.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  buildHref,
  codeDeployDeploymentHref,
  deployTargetHref,
  jobLogHref,
  pipelineHref,
  projectHref,
  repositoryHref,
  reviewHref,
  runHref,
} from '../../src/renderer/src/route-paths';
import type { ApprovalSummary } from '../../src/shared/model';
import { emptyProjectEdits } from '../../src/shared/projects';
import type { Snapshot, SnapshotResource } from '../../src/shared/snapshot';
import { hostileAws } from '../../src/sim/aws/scenarios/hostile';
import { hostileGitHub } from '../../src/sim/github/scenarios/hostile';
import { evilHost, hostile, strippedTerminalText } from '../../src/sim/hostile-payloads';
import { callApi, screenshot, startBrowserMode, watchCsp, type RunningStarboard } from './browser-mode';
import { startSimulatorProcess, type RunningSimulator } from './simulator-process';

const { shop, api } = hostileAws;
const gh = hostileGitHub;
const githubToken = 'ghp_hostilee2e0000000000000000000000000001';

/** Where a page of one item is, read from the snapshot once the data is in. */
interface Found {
  shopPipeline: string;
  apiPipeline: string;
  /** The build a developer re-ran by hand: failed, its log full of payloads. */
  failedBuild: string;
  codecommit: string;
  github: SnapshotResource<'github-repository'>;
  beanstalk: string;
  stack: string;
  deploymentGroup: string;
  deploymentId: string;
  failedRunId: number;
  failedJobId: number;
  awsApprovalId: string;
  githubApprovalId: string;
}

/** One page of the walk: its route, and the literal payload texts its main region must show. */
interface Stop {
  name: string;
  hash: (found: Found) => string;
  shows: (found: Found) => readonly string[];
  screenshot?: boolean;
}

const walk: Stop[] = [
  { name: 'home', hash: () => '#/', shows: () => [gh.deployWorkflow, gh.environment] },
  {
    name: 'project-shop',
    hash: () => projectHref(shop.project),
    shows: () => [shop.pullRequestTitle, shop.commitMessages[1]],
  },
  {
    name: 'project-api',
    hash: () => projectHref(api.project),
    shows: () => [gh.environment, ...gh.pullTitles, gh.workflow, api.healthCauses[0]],
    screenshot: true,
  },
  {
    name: 'approvals',
    hash: () => '#/approvals',
    shows: () => [shop.approvalCustomData, shop.approvalLink, gh.environment, gh.deployWorkflow],
    screenshot: true,
  },
  { name: 'pipelines', hash: () => '#/pipelines', shows: () => [shop.commitMessages[1]] },
  {
    name: 'pipeline-shop',
    hash: (f) => pipelineHref(f.shopPipeline),
    shows: () => [shop.commitMessages[0], shop.commitMessages[1]],
  },
  { name: 'pipeline-api', hash: (f) => pipelineHref(f.apiPipeline), shows: () => [api.stack] },
  { name: 'builds', hash: () => '#/builds', shows: () => [gh.workflow, gh.deployWorkflow] },
  {
    name: 'build',
    hash: (f) => buildHref(f.failedBuild),
    shows: () => [
      hostile.script,
      hostile.img,
      hostile.template,
      `> ${strippedTerminalText.osc8}`,
      `> ${strippedTerminalText.terminal}`,
    ],
    screenshot: true,
  },
  {
    name: 'repositories',
    hash: () => '#/repositories',
    shows: () => [shop.commitMessages[1], firstLine(gh.commitMessages[1])],
  },
  {
    name: 'repository-codecommit',
    hash: (f) => repositoryHref(f.codecommit),
    shows: () => [shop.pullRequestTitle, shop.commitMessages[0], shop.commitMessages[1]],
  },
  {
    name: 'repository-github',
    hash: (f) => repositoryHref(f.github.id),
    shows: () => [gh.description, ...gh.pullTitles, gh.commitMessages[0]],
    screenshot: true,
  },
  {
    name: 'deployments',
    hash: () => '#/deployments',
    shows: () => [api.healthCauses[0], api.stackFailure, gh.environment],
  },
  {
    name: 'target-beanstalk',
    hash: (f) => deployTargetHref(f.beanstalk),
    shows: () => [...api.healthCauses, api.eventMessage],
    screenshot: true,
  },
  { name: 'target-stack', hash: (f) => deployTargetHref(f.stack), shows: () => [api.stackFailure] },
  { name: 'target-codedeploy', hash: (f) => deployTargetHref(f.deploymentGroup), shows: (f) => [f.deploymentId] },
  {
    name: 'codedeploy-deployment',
    hash: (f) => codeDeployDeploymentHref(f.deploymentId),
    shows: () => [shop.deploymentDescription, hostile.script],
    screenshot: true,
  },
  {
    name: 'github-run',
    hash: (f) => runHref({ ...target(f), runId: f.failedRunId }),
    shows: () => [gh.failingJob, gh.pullTitles[0], gh.hostileSteps[0], gh.hostileSteps[1]],
    screenshot: true,
  },
  {
    name: 'github-job-log',
    hash: (f) => jobLogHref({ ...target(f), jobId: f.failedJobId, runId: f.failedRunId }),
    shows: () => [
      gh.hostileSteps[0],
      gh.hostileSteps[1],
      `Run echo ${strippedTerminalText.osc8}`,
      `Run echo ${strippedTerminalText.terminal}`,
    ],
    screenshot: true,
  },
  {
    name: 'review-aws',
    hash: (f) => reviewHref(f.awsApprovalId),
    shows: () => [shop.approvalCustomData, shop.approvalLink, shop.commitMessages[1]],
    screenshot: true,
  },
  {
    name: 'review-github',
    hash: (f) => reviewHref(f.githubApprovalId),
    shows: () => [gh.environment, gh.deployWorkflow],
  },
  { name: 'accounts', hash: () => '#/accounts', shows: () => [gh.viewer] },
  { name: 'settings', hash: () => '#/settings', shows: () => [] },
];

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function target(found: Found): { accountKey: string; repository: string } {
  return { accountKey: found.github.data.accountKey, repository: found.github.data.fullName };
}

/**
 * Nothing in the document came from the data as markup: no payload ran, no
 * element or handler exists that only a parsed payload would make, no link
 * leads to script or to the OSC-8 target, and no template was evaluated.
 */
async function expectInert(page: Page): Promise<void> {
  const found = await page.evaluate((evil) => {
    const elements = [...document.querySelectorAll('*')];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      imgX: document.querySelectorAll('img[src="x"]').length,
      // The app's own bundle is one external module script in <head>; anything else came from somewhere else.
      scripts: [...document.scripts].filter((s) => s.src === '' || document.body.contains(s)).length,
      handlers: elements.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
      ),
      links: [...document.querySelectorAll('a[href], area[href], [xlink\\:href]')]
        .map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? '')
        .filter((href) => /^\s*javascript:/i.test(href) || href.includes(evil)),
      // Every engine evaluating the template payload would print 49 in place of each expression.
      evaluated: /49 49|Check 49|Template 49/.test(document.body.innerText),
    };
  }, evilHost);
  expect(found).toEqual({ pwned: null, imgX: 0, scripts: 0, handlers: [], links: [], evaluated: false });
}

let sim: RunningSimulator;
let app: RunningStarboard;
let home: string;
let found: Found;

test.setTimeout(90_000);
test.use({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

/** Reads the snapshot until every page of one item has its data, then says where each is. */
async function waitForData(): Promise<Found> {
  let last = '';
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const snapshot = (await callApi(app, 'query/snapshot.get')) as Snapshot;
    const approvals = (await callApi(app, 'query/approvals.list')) as ApprovalSummary[];
    const resources = Object.values(snapshot.resources);
    const idOf = (kind: SnapshotResource['kind']): string | undefined => resources.find((r) => r.kind === kind)?.id;
    const pipeline = (name: string): string | undefined =>
      resources.find((r) => r.kind === 'pipeline' && r.id.endsWith(`:${name}`))?.id;
    const github = resources.find(
      (r): r is SnapshotResource<'github-repository'> =>
        r.kind === 'github-repository' && r.data.fullName === gh.fullName,
    );
    const failedRunId = github?.data.runs.find((r) => r.conclusion === 'failure')?.id;
    const group = resources.find((r): r is SnapshotResource<'codedeploy-group'> => r.kind === 'codedeploy-group');
    const failedBuild = resources.find(
      (r) => r.kind === 'build' && r.data.status === 'FAILED' && r.data.initiator === 'mallory',
    );
    const codecommit = resources.find((r) => r.kind === 'repository' && r.data.pullRequests.length > 0);
    const parts = {
      shopPipeline: pipeline(shop.pipeline),
      apiPipeline: pipeline(api.pipeline),
      failedBuild: failedBuild?.id,
      codecommit: codecommit?.id,
      github,
      // Its causes come from a read of their own (DescribeEnvironmentHealth): wait for them too.
      beanstalk: resources.find((r) => r.kind === 'beanstalk-environment' && r.data.environment.causes.length > 0)?.id,
      stack: idOf('cloudformation-stack'),
      deploymentGroup: group?.id,
      deploymentId: group?.data.deployments[0]?.id,
      failedRunId,
      awsApprovalId: approvals.find((a) => a.provider === 'aws')?.approvalId,
      githubApprovalId: approvals.find((a) => a.provider === 'github')?.approvalId,
    };
    const missing = Object.entries(parts).filter(([, value]) => value === undefined);
    if (missing.length === 0 && github && failedRunId !== undefined) {
      const jobs = (await callApi(app, 'query/github.runs.jobs', { ...targetOf(github), runId: failedRunId })) as {
        jobs: { id: number; conclusion: string | null }[];
      };
      const failedJobId = jobs.jobs.find((j) => j.conclusion === 'failure')?.id;
      if (failedJobId !== undefined)
        // Every part is defined (checked just above), which the entries cannot tell the compiler.
        return { ...(parts as Omit<Found, 'failedJobId'>), github, failedRunId, failedJobId };
    }
    last = missing.map(([key]) => key).join(', ');
    // Discovery ties the GitHub repository to its project first; a refresh then reads its pulls and runs.
    await callApi(app, 'command/refresh.now');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`the hostile data did not arrive: still missing ${last}\n${app.output()}`);
}

function targetOf(github: SnapshotResource<'github-repository'>): { accountKey: string; repository: string } {
  return { accountKey: github.data.accountKey, repository: github.data.fullName };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  sim = await startSimulatorProcess('hostile');
  home = mkdtempSync(join(tmpdir(), 'starboard-hostile-'));
  const workspace = {
    awsAccounts: [
      {
        id: 'hostile-aws',
        label: 'Hostile account',
        profile: null,
        regions: ['us-east-1'],
        endpointUrl: sim.awsEndpoint,
      },
    ],
    githubAccounts: [
      { id: 'hostile-github', label: 'Hostile GitHub', host: sim.githubApiUrl, tokenSource: 'environment' },
    ],
    projects: { ...emptyProjectEdits, confirmed: [shop.project, api.project] },
  };
  writeFileSync(join(home, 'config.json'), JSON.stringify({ version: 1, settings: {}, workspace }));
  app = await startBrowserMode({
    home,
    // Only GITHUB_TOKEN: the simulator signs any ghp_ token in as the hostile environment's reviewer.
    env: { GITHUB_TOKEN: githubToken, GH_TOKEN: '', GH_ENTERPRISE_TOKEN: '', GITHUB_ENTERPRISE_TOKEN: '' },
  });
  found = await waitForData();
});

test.afterAll(async () => {
  await app.stop();
  await sim.stop();
  rmSync(home, { recursive: true, force: true });
});

test.describe('every page', () => {
  // One tab for the walk, as the sidebar moves between pages; its CSP listener sees every page.
  let tab: Page;
  let csp: () => Promise<string[]>;

  test.beforeAll(async ({ browser }) => {
    tab = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    csp = await watchCsp(tab);
  });

  test.afterAll(async () => {
    await tab.close();
  });

  for (const stop of walk)
    test(`${stop.name}: hostile text is shown as text and nothing runs`, async () => {
      await tab.goto(`${app.url}${stop.hash(found)}`);
      await expect(tab.getByRole('heading', { level: 1 })).toBeVisible();
      const main = tab.getByRole('main');
      for (const text of stop.shows(found)) await expect(main).toContainText(text, { timeout: 20_000 });
      await expectInert(tab);
      if (stop.screenshot) {
        // The first payload in view, so the picture shows how it reads (a build's log is below the fold).
        const first = stop.shows(found)[0];
        if (first !== undefined) await main.getByText(first).last().scrollIntoViewIfNeeded();
        await screenshot(tab, `hostile-${stop.name}`);
      }
      expect(await csp()).toEqual([]);
    });
});

test('the decision dialogs show the hostile approval as text', async ({ page }) => {
  const csp = await watchCsp(page);
  await page.goto(`${app.url}#/approvals`);

  await page.getByRole('button', { name: new RegExp(`^Approve ${shop.pipeline}`) }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(shop.commitMessages[1]);
  await expectInert(page);
  await screenshot(page, 'hostile-dialog-aws');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: new RegExp(`^Approve ${gh.fullName}`) }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('checkbox', { name: gh.environment })).toBeChecked();
  await expect(dialog).toContainText(gh.deployWorkflow);
  await expectInert(page);
  await screenshot(page, 'hostile-dialog-github');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  // Nothing was decided: both still wait.
  expect(((await callApi(app, 'query/approvals.list')) as ApprovalSummary[]).length).toBe(2);
  expect(await csp()).toEqual([]);
});

test('the command palette finds hostile run titles by a hostile query and shows both as text', async ({ page }) => {
  const csp = await watchCsp(page);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  const field = page.getByRole('combobox', { name: /Search projects/ });
  await expect(field).toBeFocused();
  const options = page.getByRole('listbox', { name: 'Results' }).getByRole('option');
  // Workflow runs are in the palette by name and title: each payload finds the runs that carry it, match marked.
  for (const query of [hostile.img, hostile.template, hostile.script]) {
    await field.fill(query);
    await expect(field).toHaveValue(query);
    await expect(options.first()).toContainText(query);
    await expect(options.first().locator('mark').first()).toBeVisible();
    await expectInert(page);
  }
  await field.fill(hostile.template);
  await expect(options.first()).toContainText(gh.workflow);
  await screenshot(page, 'hostile-palette');
  expect(await csp()).toEqual([]);
});

test('the checks catch a payload that was parsed as HTML', async ({ page }) => {
  // Not a page of the app: markup put in by the test, so the checks above are seen to fail when they should.
  const csp = await watchCsp(page);
  await page.goto(`${app.url}#/settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.evaluate((html) => document.querySelector('main')?.insertAdjacentHTML('beforeend', html), hostile.img);
  await expect(expectInert(page)).rejects.toThrow(/imgX|handlers/);
  // The CSP is the second wall: the inline handler is refused and reported.
  await expect.poll(csp).not.toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});
