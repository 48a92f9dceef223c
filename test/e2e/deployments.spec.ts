// The Deployments page on the demo workspace: which version is live where and
// whether it is healthy (the storefront's CodeDeploy group, the payments API's
// Yellow Beanstalk environment, the mobile backend's GitHub environments), and
// a CodeDeploy deployment's lifecycle hooks with the failed one's log tail,
// and each kind of deploy target's own page.
import { expect, test, type Page } from '@playwright/test';
import { demoAws } from '../../src/sim/aws/scenarios/demo-names';
import type {
  CloudFormationStackResource,
  CodeDeployDeployment,
  EcsServiceResource,
} from '../../src/shared/deployments';
import { deployTargetId, type AnyResource, type Snapshot } from '../../src/shared/snapshot';
import { deployTargetHref } from '../../src/renderer/src/routes';
import { callApi, screenshot, startDemo, watchCsp, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;
test.beforeAll(async () => {
  // Environments are read on the idle cadence once discovery tied the repository to its project (startDemo asks
  // for a refresh then); the stack and the service are read once the definitions named them.
  app = await startDemo([/"live":\{"sha"/, /"kind":"ecs-service"/, /"kind":"cloudformation-stack"/]);
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
  // The mobile backend also has an ECS service and a stack: the GitHub row is the one named for the repository.
  const row = matrix
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /acme-rockets\/mobile-backend/ }) });
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

test('the mobile backend’s stack that rolled back and its ECS service, and storefront staging’s failed deployment', async ({
  page,
}) => {
  const mb = demoAws.mobileBackend;
  await openDeployments(page);
  const mobile = page.getByRole('table', { name: 'Deployments of Mobile backend' });
  const service = mobile.getByTestId(`deploy-cell-ecs-${mb.service}`);
  await expect(service.locator('code.deploy-revision').first()).toHaveText(new RegExp(`^${mb.service}:\\d+$`));
  await expect(service.locator('.deploy-health')).toContainText('Healthy');
  await expect(service).toContainText(`${mb.serviceTasks}/${mb.serviceTasks} running`);
  await expect(service).toContainText(`by ${mb.pipeline}`);
  const stack = mobile.getByTestId(`deploy-cell-cloudformation-${mb.stagingStack}`);
  await expect(stack.locator('.deploy-health')).toContainText('Update rollback complete');
  // The cause, not the resources cancelled because of it.
  await expect(stack).toContainText('MessageRetentionPeriod');

  const storefront = page.getByRole('table', { name: 'Deployments of Storefront' });
  const staging = storefront.getByTestId(`deploy-cell-codedeploy-${demoAws.storefront.stagingGroup}`);
  await expect(staging.locator('.deploy-health')).toContainText('Failed');
  await screenshot(page, 'deployments-all-kinds');

  // The failed deployment: ValidateService failed on one instance, with the script's message and log tail.
  await staging.getByRole('link', { name: /^Deployment d-/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    `storefront / ${demoAws.storefront.stagingGroup}`,
  );
  const validate = page.locator('li').filter({ has: page.locator('.lifecycle-name', { hasText: 'ValidateService' }) });
  const failedHook = validate.filter({ hasText: 'Failed' });
  await expect(failedHook).toHaveCount(1);
  await expect(failedHook).toContainText('exit code 7');
  await expect(failedHook.locator('pre')).toContainText('Connection refused');
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

/** Adds resources to every snapshot the page reads. */
async function withResources(page: Page, ...resources: AnyResource[]): Promise<void> {
  await page.route('**/api/query/snapshot.get', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value?: Snapshot };
    if (body.ok && body.value) for (const resource of resources) body.value.resources[resource.id] = resource;
    await route.fulfill({ response, body: JSON.stringify(body) });
  });
}

/** Adds the failed deployment's group to every snapshot the page reads. */
async function withFailedDeployment(page: Page): Promise<void> {
  await withResources(page, failedGroup);
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

// ------------------------------------------------------- Deploy target pages

/** The snapshot id of the demo's resource of this kind and name, once the hub has read it. */
async function resourceIdOf(kind: AnyResource['kind'], name: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const snapshot = (await callApi(app, 'query/snapshot.get')) as Snapshot;
        id = Object.values(snapshot.resources).find(
          (r) =>
            r.kind === kind &&
            ((r.kind === 'beanstalk-environment' && r.data.environment.name === name) ||
              (r.kind === 'codedeploy-group' && r.data.group.name === name && r.data.deploymentsReadAt !== undefined)),
        )?.id;
        return id;
      },
      { timeout: 20_000 },
    )
    .toBeDefined();
  return id ?? '';
}

async function expectBreadcrumbBack(page: Page): Promise<void> {
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deployments' }),
  ).toHaveAttribute('aria-current', 'page');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Deployments' }).click();
  await expect(page).toHaveURL(/#\/deployments$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Deployments' })).toBeVisible();
}

test('the payments API’s Beanstalk environment: health with every cause, the recent events, the console', async ({
  page,
}) => {
  const csp = await watchCsp(page);
  const id = await resourceIdOf('beanstalk-environment', demoAws.paymentsApi.environment);
  await page.goto(`${app.url}${deployTargetHref(id)}`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(`${demoAws.paymentsApi.beanstalkApplication} / ${demoAws.paymentsApi.environment}`);
  await expect(page.locator('.target-header .deploy-health')).toContainText('Warning');
  await expect(page.locator('.target-eyebrow')).toHaveText(`Elastic Beanstalk · us-east-1 · ${demoAws.account}`);
  // The payments pipeline's deploy stage put the running version there.
  await expect(page.getByTestId('pipeline-trace')).toContainText(demoAws.paymentsApi.pipeline);

  const causes = page.getByRole('list', { name: /^Causes of / }).getByRole('listitem');
  await expect(causes).toHaveText([
    '25.0 % of the requests are failing with HTTP 5xx.',
    'Average latency is 2.3 seconds.',
  ]);
  const events = page.getByRole('list', { name: `Recent events of ${demoAws.paymentsApi.environment}` });
  const transition = events.getByRole('listitem').filter({ hasText: 'Environment health has transitioned' }).first();
  await expect(transition).toContainText('Warning');
  await expect(transition).toContainText('to Warning');
  // A relative time, with the exact one on hover.
  await expect(transition.locator('time')).toHaveText(/ago|just now/);
  await expect(transition.locator('time')).toHaveAttribute('title', /\d/);

  const environmentId = (await page.locator('.target-facts code').filter({ hasText: /^e-/ }).textContent()) ?? '';
  expect(environmentId).toMatch(/^e-[0-9a-z]+$/);
  await expect(page.getByRole('link', { name: /Open in AWS console/ })).toHaveAttribute(
    'href',
    `https://us-east-1.console.aws.amazon.com/elasticbeanstalk/home?region=us-east-1#/environment/dashboard?environmentId=${environmentId}`,
  );
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy environment id' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(environmentId);
  await screenshot(page, 'deploy-target-beanstalk');
  expect(await csp()).toEqual([]);
  await expectBreadcrumbBack(page);
});

test('the storefront’s CodeDeploy group: its deployments newest first, each opening its own page', async ({ page }) => {
  const id = await resourceIdOf('codedeploy-group', demoAws.storefront.deploymentGroup);
  await page.goto(`${app.url}${deployTargetHref(id)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `${demoAws.storefront.deployApplication} / ${demoAws.storefront.deploymentGroup}`,
  );
  await expect(page.locator('.target-facts')).toContainText('Server');
  const history = page.getByRole('table', { name: `Deployments of ${demoAws.storefront.deploymentGroup}` });
  const rows = history.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().locator('.deploy-health')).toHaveText(
    /Succeeded|Failed|Stopped|In ?progress|Created|Queued/i,
  );
  const created = await rows.locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
  expect(created).toEqual([...created].sort().reverse());
  await expect(page.getByRole('link', { name: /Open in AWS console/ })).toHaveAttribute(
    'href',
    'https://us-east-1.console.aws.amazon.com/codesuite/codedeploy/applications/storefront/deployment-groups/storefront-prod?region=us-east-1',
  );
  await screenshot(page, 'deploy-target-codedeploy');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'deploy-target-codedeploy-dark');

  const link = rows.first().getByRole('link', { name: /^d-/ });
  const deploymentId = (await link.textContent()) ?? '';
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#/deployments/codedeploy/${deploymentId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(deploymentId);
});

const location = { accountKey: 'demo', accountId: demoAws.account, region: demoAws.region };
const stackArn =
  'arn:aws:cloudformation:us-east-1:111122223333:stack/mobile-backend-staging/5e1f2a30-9c4b-11ef-8e2a-0e2e00000001';
const stackData: CloudFormationStackResource = {
  location,
  stack: {
    arn: stackArn,
    name: 'mobile-backend-staging',
    status: 'UPDATE_ROLLBACK_COMPLETE',
    reason: 'The following resource(s) failed to update: [ApiService].',
    updatedAt: at(12),
    failures: [
      {
        at: at(10, 30),
        logicalId: 'ApiService',
        resourceType: 'AWS::ECS::Service',
        status: 'UPDATE_FAILED',
        reason:
          'Resource handler returned message: "Error occurred during operation \'ECS Deployment Circuit Breaker was triggered\'."',
      },
      {
        at: at(10),
        logicalId: 'ApiTaskDefinition',
        resourceType: 'AWS::ECS::TaskDefinition',
        status: 'UPDATE_FAILED',
        reason: 'Resource update cancelled',
      },
    ],
  },
};
const rolledBackStack: AnyResource = {
  id: deployTargetId('cloudformation-stack', stackArn),
  kind: 'cloudformation-stack',
  source: 'aws:demo:us-east-1',
  freshness: { fetchedAt: new Date().toISOString() },
  data: stackData,
};

const serviceArn = 'arn:aws:ecs:us-east-1:111122223333:service/mobile-prod/mobile-api';
const serviceData: EcsServiceResource = {
  location,
  service: {
    arn: serviceArn,
    cluster: 'arn:aws:ecs:us-east-1:111122223333:cluster/mobile-prod',
    name: 'mobile-api',
    status: 'ACTIVE',
    desired: 4,
    running: 2,
    pending: 2,
    taskDefinition: 'arn:aws:ecs:us-east-1:111122223333:task-definition/mobile-api:42',
    rollout: {
      state: 'IN_PROGRESS',
      reason: 'ECS deployment ecs-svc/0e2e000000000001 in progress.',
      updatedAt: at(27),
    },
    deployments: 1,
  },
};
const rollingService: AnyResource = {
  id: deployTargetId('ecs-service', serviceArn),
  kind: 'ecs-service',
  source: 'aws:demo:us-east-1',
  // The last read failed: the page keeps the last good copy and marks it stale.
  freshness: {
    fetchedAt: new Date(Date.now() - 20 * 60_000).toISOString(),
    problem: { code: 'throttled', message: 'Rate exceeded' },
  },
  data: serviceData,
};

test('a CloudFormation stack that rolled back: its status, reason and the failing events of the update', async ({
  page,
}) => {
  await withResources(page, rolledBackStack);
  await page.goto(`${app.url}${deployTargetHref(rolledBackStack.id)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('mobile-backend-staging');
  // The badge says what the matrix says: an update undone is a warning, in CloudFormation's words too.
  await expect(page.locator('.target-header .deploy-health')).toHaveText('Warning· Update rollback complete');
  await expect(page.locator('.target-facts')).toContainText('UPDATE_ROLLBACK_COMPLETE');
  await expect(page.getByRole('status').filter({ hasText: 'failed to update: [ApiService]' })).toBeVisible();
  const failures = page.getByRole('table', { name: 'Failing events of mobile-backend-staging' });
  await expect(failures.getByRole('columnheader')).toHaveText([
    'Time',
    'Logical id',
    'Resource type',
    'Status',
    'Reason',
  ]);
  const rows = failures.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('ApiService');
  await expect(rows.first()).toContainText('AWS::ECS::Service');
  await expect(rows.first()).toContainText('Update failed');
  await expect(rows.first()).toContainText('Circuit Breaker was triggered');
  await expect(page.getByRole('link', { name: /Open in AWS console/ })).toHaveAttribute(
    'href',
    `https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/stackinfo?stackId=${encodeURIComponent(stackArn)}`,
  );
  await screenshot(page, 'deploy-target-stack');

  // The same page in the dark theme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  await screenshot(page, 'deploy-target-stack-dark');
  await expectBreadcrumbBack(page);
});

test('an ECS service rolling out: counts, rollout state and reason, task definition, and a stale marking', async ({
  page,
}) => {
  await withResources(page, rollingService);
  await page.goto(`${app.url}${deployTargetHref(rollingService.id)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('mobile-prod / mobile-api');
  const tasks = page.getByRole('list', { name: 'Tasks' });
  await expect(tasks.getByRole('listitem')).toHaveText(['2Running', '4Desired', '2Pending']);
  await expect(page.locator('.target-facts')).toContainText('mobile-api:42');
  const rollout = page.getByRole('region', { name: 'Rollout of the primary deployment' });
  await expect(rollout.locator('.deploy-health')).toHaveText('In progress');
  await expect(rollout).toContainText('ecs-svc/0e2e000000000001 in progress');
  await expect(rollout).toContainText('1 other deployment is still running beside the primary one.');
  await expect(page.getByTestId('stale')).toContainText('Rate exceeded');
  await expect(page.getByRole('link', { name: /Open in AWS console/ })).toHaveAttribute(
    'href',
    'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/mobile-prod/services/mobile-api/health?region=us-east-1',
  );
  await screenshot(page, 'deploy-target-ecs');
});

test('a target the snapshot does not hold: "Not in the snapshot" with a way back', async ({ page }) => {
  const gone = deployTargetId(
    'beanstalk-environment',
    'arn:aws:elasticbeanstalk:us-east-1:111122223333:environment/payments-api/payments-api-gone',
  );
  await page.goto(`${app.url}${deployTargetHref(gone)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not in the snapshot');
  await expect(page.getByRole('main')).toContainText('payments-api-gone');
  await screenshot(page, 'deploy-target-missing');
  await page.getByRole('link', { name: 'Back to Deployments' }).click();
  await expect(page).toHaveURL(/#\/deployments$/);
});
