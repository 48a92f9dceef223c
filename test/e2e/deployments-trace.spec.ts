// Where the live revision came from, on the demo workspace: the storefront's
// production CodeDeploy group and the payments API's Beanstalk environment
// traced back through their pipelines to the commit, and the pipeline tile's
// deploy actions linking forward to what they deployed.
import { expect, test, type Page } from '@playwright/test';
import type { ActionDetail, PipelineExecution, StageDetail } from '../../src/shared/pipelines';
import type { AnyResource, Snapshot } from '../../src/shared/snapshot';
import { demoAws } from '../../src/sim/aws/scenarios/demo-names';
import { screenshot, startDemo, watchCsp, type RunningStarboard } from './browser-mode';

let app: RunningStarboard;

interface DeployRun {
  action: ActionDetail;
  execution: PipelineExecution;
}

/** What the snapshot says the named pipeline's deploy action last ran with, read straight from its state. */
function deployRun(snapshot: Snapshot, pipeline: string, targetKey: string, target: string): DeployRun | undefined {
  const resource = Object.values(snapshot.resources).find(
    (r): r is Extract<AnyResource, { kind: 'pipeline' }> => r.kind === 'pipeline' && r.data.summary.name === pipeline,
  );
  const stages: StageDetail[] = resource?.data.state?.stages ?? [];
  for (const stage of stages)
    for (const action of stage.actions)
      if (action.category === 'Deploy' && action.configuration[targetKey] === target) {
        const id = stage.latestExecution?.pipelineExecutionId;
        const execution = resource?.data.executions?.find((e) => e.pipelineExecutionId === id);
        return execution ? { action, execution } : undefined;
      }
  return undefined;
}

let storefront: DeployRun;
let payments: DeployRun;

test.beforeAll(async () => {
  // Both pipelines' states and executions, and the deployment group's deployments, must have been read once.
  app = await startDemo((snapshot) => {
    const sf = deployRun(
      snapshot,
      demoAws.storefront.pipeline,
      'DeploymentGroupName',
      demoAws.storefront.deploymentGroup,
    );
    const pa = deployRun(snapshot, demoAws.paymentsApi.pipeline, 'EnvironmentName', demoAws.paymentsApi.environment);
    const groupRead = Object.values(snapshot.resources).some(
      (r) => r.kind === 'codedeploy-group' && r.data.deployments.length > 0,
    );
    if (sf && pa && groupRead) [storefront, payments] = [sf, pa];
    return Boolean(sf && pa && groupRead);
  });
});

test.afterAll(async () => {
  await app.stop();
});

test.use({ viewport: { width: 1280, height: 1200 } });

const commitOf = (run: DeployRun) => {
  const revision = run.execution.sourceRevisions[0];
  if (!revision?.revisionId) throw new Error('the demo execution names no commit');
  return { sha: revision.revisionId.slice(0, 7), message: (revision.commitMessage ?? '').split('\n')[0] ?? '' };
};

async function openDeployments(page: Page): Promise<void> {
  await page.goto(`${app.url}#/deployments`);
  await expect(page.getByRole('heading', { level: 1, name: 'Deployments' })).toBeVisible();
}

test('the storefront’s production cell shows the commit and the pipeline execution that deployed it', async ({
  page,
}) => {
  const csp = await watchCsp(page);
  await openDeployments(page);
  const cell = page
    .getByRole('table', { name: 'Deployments of Storefront' })
    .getByTestId(`deploy-cell-codedeploy-${demoAws.storefront.deploymentGroup}`);
  await expect(cell).toBeVisible({ timeout: 20_000 });
  // The pipeline deploys an S3 bundle: the commit comes from the execution, not the revision.
  expect(storefront.action.externalExecutionId).toMatch(/^d-[A-Z0-9]+$/);
  const { sha, message } = commitOf(storefront);
  const trace = cell.locator('.deploy-trace');
  await expect(trace.locator('code.deploy-revision')).toHaveText(sha);
  await expect(trace.locator('.deploy-commit-message')).toHaveText(message);
  await expect(trace).toContainText(
    `by ${demoAws.storefront.pipeline} · ${storefront.execution.pipelineExecutionId.slice(0, 8)}`,
  );
  await expect(trace.getByRole('link', { name: demoAws.storefront.pipeline })).toHaveAttribute(
    'href',
    /^#\/projects\//,
  );
  await expect(
    trace.getByRole('link', { name: `Execution ${storefront.execution.pipelineExecutionId} in the AWS console` }),
  ).toHaveAttribute('target', '_blank');
  // The target's name opens its page in Starboard; the icon beside it, the console.
  await expect(cell.getByRole('link', { name: demoAws.storefront.deploymentGroup, exact: true })).toHaveAttribute(
    'href',
    /^#\/deployments\/targets\/codedeploy-group%3Aarn%3Aaws%3Acodedeploy%3A/,
  );
  await expect(
    cell.getByRole('link', { name: `${demoAws.storefront.deploymentGroup} in the AWS console` }),
  ).toHaveAttribute('target', '_blank');

  const env = page
    .getByRole('table', { name: 'Deployments of Payments API' })
    .getByTestId(`deploy-cell-beanstalk-${demoAws.paymentsApi.environment}`);
  const paid = commitOf(payments);
  await expect(env.locator('.deploy-trace code.deploy-revision')).toHaveText(paid.sha);
  await expect(env.locator('.deploy-commit-message')).toHaveText(paid.message);
  await expect(env.locator('.deploy-trace')).toContainText(`by ${demoAws.paymentsApi.pipeline} · `);

  await cell.scrollIntoViewIfNeeded();
  await screenshot(page, 'deployments-trace');
  expect(await csp()).toEqual([]);
});

test('the pipeline tile’s deploy action links to the deployment it started, and to the Beanstalk environment', async ({
  page,
}) => {
  await openDeployments(page);
  await page.getByRole('link', { name: 'Storefront', exact: true }).click();
  const actions = page.getByRole('list', { name: `Deploy actions of ${demoAws.storefront.pipeline}` });
  const deployment = storefront.action.externalExecutionId ?? '';
  const link = actions.getByRole('link', { name: new RegExp(`${demoAws.storefront.deploymentGroup} · deployment`) });
  await expect(link).toHaveAttribute('href', `#/deployments/codedeploy/${deployment}`);
  await screenshot(page, 'deployments-trace-pipeline');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#/deployments/codedeploy/${deployment}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    `${demoAws.storefront.deployApplication} / ${demoAws.storefront.deploymentGroup}`,
  );

  await page.goto(`${app.url}#/deployments`);
  await page.getByRole('link', { name: 'Payments API', exact: true }).click();
  await expect(
    page
      .getByRole('list', { name: `Deploy actions of ${demoAws.paymentsApi.pipeline}` })
      .getByRole('link', { name: demoAws.paymentsApi.environment }),
  ).toHaveAttribute('href', /^#\/deployments\/targets\/beanstalk-environment%3Aarn%3Aaws%3Aelasticbeanstalk%3A/);
});
