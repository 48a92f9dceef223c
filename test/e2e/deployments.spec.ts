// The Deployments page on the demo workspace: which version is live where and
// whether it is healthy (the storefront's CodeDeploy group, the payments API's
// Yellow Beanstalk environment, the mobile backend's GitHub environments), and
// a CodeDeploy deployment's lifecycle hooks with the failed one's log tail.
import { expect, request, test, type Page } from '@playwright/test';
import { demoAws } from '../../src/sim/aws/scenarios/demo-names';
import type { CodeDeployDeployment } from '../../src/shared/deployments';
import { deployTargetId, type AnyResource, type Snapshot } from '../../src/shared/snapshot';
import { screenshot, startBrowserMode, watchCsp, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;
test.beforeAll(async () => {
  app = await startBrowserMode({ args: ['--demo'] });
  // Environments are read on the idle cadence once discovery tied the repository
  // to its project: ask for a refresh rather than wait for it.
  const api = await request.newContext();
  const call = async (path: string) =>
    ((await (await api.post(`${app.url}api/${path}`, { data: {} })).json()) as { value: unknown }).value;
  await expect
    .poll(async () => JSON.stringify(await call('query/projects.list')), { timeout: 20_000 })
    .toContain('"acme-rockets/mobile-backend"');
  await call('command/refresh.now');
  await expect
    .poll(async () => JSON.stringify(await call('query/snapshot.get')).match(/"live":\{"sha"/g)?.length ?? 0, {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  await api.dispose();
});

test.afterAll(async () => {
  await app.stop();
});

test.use({ viewport: { width: 1280, height: 1100 } });

async function openDeployments(page: Page): Promise<void> {
  await page.goto(`${app.url}#/deployments`);
  await expect(page.getByRole('heading', { level: 1, name: 'Deployments' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deployments' }),
  ).toHaveAttribute('aria-current', 'page');
}

test('the mobile backend’s GitHub environments: staging’s live commit, production waiting for review', async ({
  page,
}) => {
  const csp = await watchCsp(page);
  await openDeployments(page);
  const matrix = page.getByRole('table', { name: 'Deployments of Mobile backend' });
  await expect(matrix).toBeVisible();
  await expect(matrix.getByRole('columnheader', { name: 'Staging' })).toBeVisible();
  await expect(matrix.getByRole('columnheader', { name: 'Production' })).toBeVisible();
  // Columns go dev → test → staging → prod.
  const headers = await matrix.getByRole('columnheader').allTextContents();
  expect(headers.indexOf('Staging')).toBeLessThan(headers.indexOf('Production'));
  const row = matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /mobile-backend/ }) });
  await expect(row.getByRole('rowheader')).toContainText('GitHub');

  const staging = row.getByTestId('deploy-cell-github-staging');
  await expect(staging.locator('code.deploy-revision').first()).toHaveText(/^[0-9a-f]{7}$/);
  await expect(staging.locator('.deploy-health')).toContainText(/Healthy|In progress|Failed/);
  await expect(staging.getByRole('link', { name: 'staging on GitHub' })).toHaveAttribute('target', '_blank');

  const production = row.getByTestId('deploy-cell-github-production');
  await expect(production.getByRole('link', { name: 'Waiting for review' })).toHaveAttribute('href', '#/approvals');
  await screenshot(page, 'deployments');
  expect(await csp()).toEqual([]);
});

test('the storefront’s CodeDeploy group and the payments API’s Beanstalk environment, with health and cause', async ({
  page,
}) => {
  await openDeployments(page);
  const storefront = page.getByRole('table', { name: 'Deployments of Storefront' });
  const group = storefront.getByTestId(`deploy-cell-codedeploy-${demoAws.storefront.deploymentGroup}`);
  await expect(group).toBeVisible({ timeout: 20_000 });
  await expect(storefront.getByRole('columnheader', { name: 'Production' })).toBeVisible();
  await expect(storefront.getByRole('rowheader', { name: /CodeDeploy.*storefront/ })).toBeVisible();
  await expect(group.locator('code.deploy-revision').first()).not.toBeEmpty();
  await expect(group.locator('.deploy-health, .deploy-in-progress').first()).toBeVisible();
  await expect(
    group.getByRole('link', { name: `${demoAws.storefront.deploymentGroup} in the AWS console` }),
  ).toHaveAttribute(
    'href',
    /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/codesuite\/codedeploy\/applications\/storefront\/deployment-groups\/storefront-prod\?region=us-east-1$/,
  );

  const payments = page.getByRole('table', { name: 'Deployments of Payments API' });
  const env = payments.getByTestId(`deploy-cell-beanstalk-${demoAws.paymentsApi.environment}`);
  await expect(env).toBeVisible({ timeout: 20_000 });
  await expect(env.locator('.deploy-health')).toContainText(/Warning|Degraded/);
  await expect(env).toContainText('25.0 % of the requests are failing with HTTP 5xx.');
  await env.locator('details summary').click();
  await expect(env.getByRole('list', { name: /^Causes of / })).toContainText('Average latency is 2.3 seconds.');
  await screenshot(page, 'deployments');

  // The group's newest deployment opens its own page.
  await group.getByRole('link', { name: /^Deployment d-/ }).click();
  await expect(page).toHaveURL(/#\/deployments\/codedeploy\/d-[A-Z0-9]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('storefront / storefront-prod');
  await expect(page.getByRole('link', { name: /Open in AWS console/ })).toHaveAttribute(
    'href',
    /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/codesuite\/codedeploy\/deployments\/d-[A-Z0-9]+\?region=us-east-1$/,
  );
});

// ------------------------------------------- A failed deployment's lifecycle

const groupArn = 'arn:aws:codedeploy:us-east-1:111122223333:deploymentgroup:storefront/storefront-canary';
const at = (minute: number, second = 0): string =>
  new Date(Date.now() - (30 - minute) * 60_000 + second * 1000).toISOString();

const failed: CodeDeployDeployment = {
  id: 'd-E2EFAILED1',
  application: 'storefront',
  group: 'storefront-canary',
  status: 'Failed',
  creator: 'user',
  description: 'Release 2.14.0',
  createdAt: at(0),
  startedAt: at(0, 5),
  completedAt: at(3),
  revision: { type: 'GitHub', location: 'acme-rockets/storefront@9f8e7d6c5b4a', commitId: '9f8e7d6c5b4a' },
  error: {
    code: 'SCRIPT_FAILED',
    message: 'Script at specified location: scripts/validate.sh run as user root failed',
  },
  overview: { pending: 1, inProgress: 0, succeeded: 1, failed: 1, skipped: 0, ready: 0 },
  targets: [
    {
      id: 'i-0e2e000000000001',
      kind: 'instance',
      status: 'Failed',
      lifecycle: [
        { name: 'ApplicationStop', status: 'Succeeded', startedAt: at(0, 10), endedAt: at(0, 11) },
        { name: 'DownloadBundle', status: 'Succeeded', startedAt: at(0, 11), endedAt: at(0, 19) },
        { name: 'BeforeInstall', status: 'Succeeded', startedAt: at(0, 19), endedAt: at(0, 31) },
        { name: 'Install', status: 'Succeeded', startedAt: at(0, 31), endedAt: at(0, 40) },
        { name: 'AfterInstall', status: 'Succeeded', startedAt: at(0, 40), endedAt: at(1, 2) },
        { name: 'ApplicationStart', status: 'Succeeded', startedAt: at(1, 2), endedAt: at(1, 9) },
        {
          name: 'ValidateService',
          status: 'Failed',
          startedAt: at(1, 9),
          endedAt: at(2, 40),
          diagnostics: {
            errorCode: 'ScriptFailed',
            scriptName: 'scripts/validate.sh',
            message: 'Script at specified location: scripts/validate.sh run as user root failed with exit code 7',
            logTail:
              '[stdout]Waiting for http://localhost/health\n[stderr]curl: (7) Failed to connect to localhost port 80 after 0 ms: Connection refused\n',
          },
        },
      ],
    },
  ],
};

const failedGroup: AnyResource = {
  id: deployTargetId('codedeploy-group', groupArn),
  kind: 'codedeploy-group',
  source: 'aws:demo:us-east-1',
  freshness: { fetchedAt: new Date().toISOString() },
  data: {
    location: { accountKey: 'demo', accountId: demoAws.account, region: demoAws.region },
    group: { arn: groupArn, application: 'storefront', name: 'storefront-canary', computePlatform: 'Server' },
    deployments: [failed],
  },
};

/** Adds the failed deployment's group to every snapshot the page reads. */
async function withFailedDeployment(page: Page): Promise<void> {
  await page.route('**/api/query/snapshot.get', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value?: Snapshot };
    if (body.ok && body.value) body.value.resources[failedGroup.id] = failedGroup;
    await route.fulfill({ response, body: JSON.stringify(body) });
  });
}

test('a failed CodeDeploy deployment: header, counts, and each hook in order with the failed one’s log tail', async ({
  page,
}) => {
  await withFailedDeployment(page);
  await page.goto(`${app.url}#/deployments/codedeploy/${failed.id}`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('storefront / storefront-canary');
  await expect(heading).toContainText(failed.id);
  await expect(page.locator('.codedeploy-header .deploy-health')).toContainText('Failed');
  await expect(page.locator('.codedeploy-facts')).toContainText('9f8e7d6');
  await expect(page.locator('.codedeploy-facts')).toContainText('user');
  await expect(page.getByRole('alert').filter({ hasText: 'SCRIPT_FAILED' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Targets per status' })).toContainText('1Failed');
  await expect(page.getByRole('link', { name: /Open in AWS console/ })).toHaveAttribute(
    'href',
    `https://us-east-1.console.aws.amazon.com/codesuite/codedeploy/deployments/${failed.id}?region=us-east-1`,
  );

  const hooks = page.getByRole('list', { name: 'Lifecycle of i-0e2e000000000001' }).getByRole('listitem');
  await expect(hooks).toHaveCount(7);
  expect(await hooks.locator('.lifecycle-name').allTextContents()).toEqual([
    'ApplicationStop',
    'DownloadBundle',
    'BeforeInstall',
    'Install',
    'AfterInstall',
    'ApplicationStart',
    'ValidateService',
  ]);
  await expect(hooks.nth(1)).toContainText('Succeeded');
  await expect(hooks.nth(1)).toContainText('8 s');
  const validate = hooks.nth(6);
  await expect(validate).toContainText('Failed');
  await expect(validate).toContainText('1 min 31 s');
  await expect(validate).toContainText('exit code 7');
  await expect(validate.locator('pre')).toContainText('Connection refused');
  await screenshot(page, 'deployment-detail');

  // The breadcrumb leads back to the matrix.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Deployments' }).click();
  await expect(page).toHaveURL(/#\/deployments$/);
});
