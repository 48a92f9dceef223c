// The Deployments page's model: stages inferred from names, services as rows,
// and per cell what is live, since when, and how healthy it is.
import { describe, expect, it } from 'vitest';
import type { CodeDeployDeployment } from '../../src/shared/deployments';
import {
  cellsIn,
  codeDeployRevisionText,
  columnOf,
  environmentMatrix,
  findCodeDeployDeployment,
  stackHealth,
  stackRootFailure,
  stageOf,
  withoutStage,
  type EnvironmentMatrix,
} from '../../src/shared/environments';
import type { ActionDetail } from '../../src/shared/pipelines';
import {
  beanstalkEnvironment,
  cloudFormationStack,
  codeDeployGroup,
  ecsService,
} from '../support/deploy-target-builders';
import {
  action,
  at,
  execution,
  githubDeployment,
  githubEnvironment,
  githubRepository,
  githubRun,
  githubWaiting,
  pipeline,
  stage,
} from '../support/snapshot-builders';

const none = {
  codedeployGroups: [],
  beanstalkEnvironments: [],
  cloudformationStacks: [],
  ecsServices: [],
  githubRepositories: [],
};

function deployment(
  id: string,
  status: CodeDeployDeployment['status'],
  minute: number,
  commit = 'abc1234def',
): CodeDeployDeployment {
  return {
    id,
    application: 'shop',
    group: 'shop-prod',
    status,
    createdAt: `2026-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`,
    completedAt: `2026-03-01T09:${String(minute + 3).padStart(2, '0')}:00.000Z`,
    revision: { type: 'GitHub', location: `acme/shop@${commit}`, commitId: commit },
  };
}

const group = (name: string, deployments: CodeDeployDeployment[]) => codeDeployGroup(name, deployments);
const beanstalk = beanstalkEnvironment;
const stack = cloudFormationStack;
const ecs = ecsService;

const labels = (m: EnvironmentMatrix): string[] => m.columns.map((c) => c.label);

describe('stages from names', () => {
  it.each([
    ['prod', 'prod'],
    ['Production', 'prod'],
    ['payments-api-prd', 'prod'],
    ['storefront-prod', 'prod'],
    ['shopProd', 'prod'],
    ['staging', 'staging'],
    ['api-stage', 'staging'],
    ['QA', 'test'],
    ['web_test', 'test'],
    ['dev', 'dev'],
    ['development', 'dev'],
  ])('%s is %s', (name, stage) => {
    expect(stageOf(name)).toBe(stage);
  });

  it('does not read a stage inside another word', () => {
    expect(stageOf('product-catalog')).toBeUndefined();
    expect(stageOf('latest')).toBeUndefined();
    expect(stageOf('blue')).toBeUndefined();
    expect(columnOf('blue')).toEqual({ key: 'name:blue', label: 'blue' });
  });

  it('takes the last word that names a stage', () => {
    expect(stageOf('test-harness-prod')).toBe('prod');
  });

  it('strips the stage from a service name', () => {
    expect(withoutStage('shop-infra-prod')).toBe('shop-infra');
    expect(withoutStage('staging-shop')).toBe('shop');
    expect(withoutStage('prod')).toBe('prod');
  });
});

describe('the matrix', () => {
  it('orders columns dev → test → staging → prod → others', () => {
    const m = environmentMatrix({
      ...none,
      beanstalkEnvironments: [
        beanstalk('api-prod'),
        beanstalk('api-canary'),
        beanstalk('api-dev'),
        beanstalk('api-staging'),
        beanstalk('api-qa'),
      ],
    });
    expect(labels(m)).toEqual(['Development', 'Test', 'Staging', 'Production', 'api-canary']);
    expect(m.rows).toHaveLength(1);
    expect(m.rows[0]?.name).toBe('api');
  });

  it('shows CodeDeploy: the last successful revision, the last attempt as health, and what is running', () => {
    const running = deployment('d-3', 'InProgress', 30, 'fff0000111');
    const failed = deployment('d-2', 'Failed', 20, 'eee0000111');
    const ok = deployment('d-1', 'Succeeded', 10);
    const m = environmentMatrix({ ...none, codedeployGroups: [group('shop-prod', [running, failed, ok])] });
    const cell = m.rows[0]?.cells[0];
    expect(m.rows[0]).toMatchObject({ kind: 'codedeploy', name: 'shop' });
    expect(cell).toMatchObject({
      name: 'shop-prod',
      column: { key: 'stage:prod' },
      live: { text: 'abc1234', full: 'acme/shop@abc1234def' },
      deployedAt: ok.completedAt,
      health: 'in-progress',
      healthText: 'InProgress',
      inProgress: { id: 'd-3', status: 'InProgress', revision: { text: 'fff0000' } },
    });
    expect(cell?.url).toBe(
      'https://eu-west-1.console.aws.amazon.com/codesuite/codedeploy/applications/shop/deployment-groups/shop-prod?region=eu-west-1',
    );

    const after = environmentMatrix({ ...none, codedeployGroups: [group('shop-prod', [failed, ok])] });
    expect(after.rows[0]?.cells[0]).toMatchObject({
      health: 'failed',
      healthText: 'Failed',
      live: { text: 'abc1234' },
    });
    expect(after.rows[0]?.cells[0]?.inProgress).toBeUndefined();
  });

  it('keeps an unknown CodeDeploy status as "unknown (raw)"', () => {
    const m = environmentMatrix({
      ...none,
      codedeployGroups: [group('shop-prod', [deployment('d-1', { unknown: 'Paused' }, 10)])],
    });
    expect(m.rows[0]?.cells[0]).toMatchObject({ health: 'unknown', healthText: 'unknown (Paused)' });
    expect(m.rows[0]?.cells[0]?.live).toBeUndefined();
  });

  it('leaves the ETag or version of an S3 bundle out of its name', () => {
    expect(codeDeployRevisionText({ type: 'S3', location: 's3://bucket/app/30fb374.zip#30fb3746f2ff11d2' }).text).toBe(
      '30fb374.zip',
    );
  });

  it('names a bundle by its file when the revision has no commit', () => {
    expect(codeDeployRevisionText({ type: 'S3', location: 's3://bucket/releases/shop-2.1.0.zip' })).toEqual({
      text: 'shop-2.1.0.zip',
      full: 's3://bucket/releases/shop-2.1.0.zip',
    });
  });

  it('shows Beanstalk: version label, enhanced health before the colour, and an update in progress', () => {
    const m = environmentMatrix({
      ...none,
      beanstalkEnvironments: [
        beanstalk('api-prod', { health: 'Yellow', healthStatus: 'Warning', causes: ['5xx'] }),
        beanstalk('api-staging', { health: 'Red', status: 'Updating' }),
        beanstalk('api-dev', { health: { unknown: 'Purple' } }),
      ],
    });
    const row = m.rows[0];
    if (!row) throw new Error('no row');
    const [dev, staging, prod] = m.columns.map((c) => cellsIn(row, c)[0]);
    expect(prod).toMatchObject({ live: { text: 'api-1.4.2' }, health: 'warning', healthText: 'Warning' });
    expect(prod?.url).toContain(
      'elasticbeanstalk/home?region=eu-west-1#/environment/dashboard?environmentId=e-api-prod',
    );
    expect(staging).toMatchObject({ health: 'degraded', healthText: 'Red health', inProgress: { status: 'Updating' } });
    expect(dev).toMatchObject({ health: 'unknown', healthText: 'unknown (Purple) health' });
  });

  it('shows a stack by its status only, and groups stacks per stage under one service', () => {
    const m = environmentMatrix({
      ...none,
      cloudformationStacks: [
        stack('shop-infra-prod', 'UPDATE_ROLLBACK_COMPLETE'),
        stack('shop-infra-dev', 'UPDATE_IN_PROGRESS'),
      ],
    });
    expect(m.rows).toHaveLength(1);
    expect(m.rows[0]?.name).toBe('shop-infra');
    const [dev, prod] = m.rows[0]?.cells.sort((a, b) => a.name.localeCompare(b.name)) ?? [];
    expect(dev).toMatchObject({
      health: 'in-progress',
      healthText: 'Update in progress',
      inProgress: { status: 'Update in progress' },
    });
    expect(prod).toMatchObject({ health: 'warning', healthText: 'Update rollback complete' });
    expect(prod?.live).toBeUndefined();
    expect(stackHealth('CREATE_FAILED')).toBe('failed');
    expect(stackHealth('ROLLBACK_COMPLETE')).toBe('failed');
    expect(stackHealth('UPDATE_COMPLETE')).toBe('ok');
  });

  it('shows ECS: the task definition revision and the rollout, stage from the cluster when the name has none', () => {
    const m = environmentMatrix({
      ...none,
      ecsServices: [
        ecs('shop', { cluster: 'arn:aws:ecs:eu-west-1:111122223333:cluster/staging' }),
        ecs('shop-prod', { rollout: { state: 'IN_PROGRESS' }, deployments: 1 }),
        ecs('shop-dev', { running: 1, rollout: { state: 'FAILED', reason: 'tasks failed to start' } }),
      ],
    });
    expect(labels(m)).toEqual(['Development', 'Staging', 'Production']);
    const row = m.rows[0];
    if (!row) throw new Error('no row');
    const [dev, staging, prod] = m.columns.map((c) => cellsIn(row, c)[0]);
    expect(staging).toMatchObject({ live: { text: 'web:42' }, health: 'ok', deployedAt: '2026-03-01T07:00:00.000Z' });
    expect(prod).toMatchObject({ health: 'in-progress', inProgress: { status: 'Rolling out (2 deployments)' } });
    expect(dev).toMatchObject({ health: 'failed', healthText: 'FAILED · 1/2 running' });
  });

  it('shows GitHub environments: the live sha, the newest deployment state, and a run waiting for review', () => {
    const repo = githubRepository({
      environments: [
        {
          ...githubEnvironment(
            'staging',
            githubDeployment(2, 'success', { environment: 'staging', sha: 'a1b2c3d4e5' }),
          ),
          live: { sha: 'a1b2c3d4e5', deploymentId: 2, since: '2026-03-01T09:22:00.000Z' },
        },
        githubEnvironment('production', githubDeployment(3, 'queued', { sha: 'ffff000011' })),
      ],
      waiting: [githubWaiting(githubRun(7), ['production'])],
    });
    const m = environmentMatrix({ ...none, githubRepositories: [repo] });
    expect(labels(m)).toEqual(['Staging', 'Production']);
    const row = m.rows[0];
    if (!row) throw new Error('no row');
    expect(row).toMatchObject({ kind: 'github', name: 'acme/shop' });
    const [staging, production] = m.columns.map((c) => cellsIn(row, c)[0]);
    expect(staging).toMatchObject({
      live: { text: 'a1b2c3d', full: 'a1b2c3d4e5' },
      health: 'ok',
      healthText: 'Success',
    });
    expect(production).toMatchObject({
      health: 'in-progress',
      healthText: 'Queued',
      waitingForReview: true,
      inProgress: { id: '3', revision: { text: 'ffff000' } },
    });
    expect(production?.live).toBeUndefined();
  });

  it('leaves out a GitHub repository without environments, and has no columns for nothing', () => {
    const m = environmentMatrix({ ...none, githubRepositories: [githubRepository()] });
    expect(m).toEqual({ columns: [], rows: [] });
  });

  it('finds a CodeDeploy deployment by id', () => {
    const g = group('shop-prod', [deployment('d-2', 'Failed', 20), deployment('d-1', 'Succeeded', 10)]);
    expect(findCodeDeployDeployment([g], 'd-1')?.deployment.status).toBe('Succeeded');
    expect(findCodeDeployDeployment([g], 'd-9')).toBeUndefined();
  });
});

describe('what put the live revision there', () => {
  const storeAction = (extra: Partial<ActionDetail> = {}): ActionDetail =>
    action('Deploy', 'Succeeded', {
      category: 'Deploy',
      provider: 'CodeDeploy',
      configuration: { ApplicationName: 'shop', DeploymentGroupName: 'shop-prod' },
      lastStatusChange: at(13),
      ...extra,
    });
  const shipping = (actions: ActionDetail[], executions = [execution('e-1', 'Succeeded', 5)]) =>
    pipeline({ name: 'shop-pipeline', stages: [stage('Deploy', 'e-1', 'Succeeded', actions)], executions });

  it('traces a CodeDeploy cell through the pipeline run that started its live deployment', () => {
    const g = group('shop-prod', [deployment('d-1', 'Succeeded', 10)]);
    const m = environmentMatrix({
      ...none,
      codedeployGroups: [g],
      pipelines: [shipping([storeAction({ externalExecutionId: 'd-1' })])],
    });
    expect(m.rows[0]?.cells[0]).toMatchObject({
      deployedBy: {
        kind: 'pipeline',
        pipeline: { name: 'shop-pipeline' },
        stage: 'Deploy',
        action: 'Deploy',
        executionId: 'e-1',
        executionUrl: expect.stringContaining('/executions/e-1') as unknown,
      },
      commit: { id: 'c-e-1', message: 'commit for e-1' },
    });
  });

  it('does not credit a pipeline whose latest run started another deployment, nor guess a creator then', () => {
    const g = group('shop-prod', [
      deployment('d-2', 'Failed', 20),
      { ...deployment('d-1', 'Succeeded', 10), creator: 'user' },
    ]);
    const cell = environmentMatrix({
      ...none,
      codedeployGroups: [g],
      pipelines: [shipping([storeAction({ status: 'Failed', externalExecutionId: 'd-2' })])],
    }).rows[0]?.cells[0];
    expect(cell?.deployedBy).toBeUndefined();
    // The GitHub revision still names its commit.
    expect(cell?.commit).toEqual({ id: 'abc1234def' });
  });

  it('says who created a CodeDeploy deployment when no pipeline deploys to the group', () => {
    const rollback = { ...deployment('d-1', 'Succeeded', 10), creator: 'codeDeployRollback' };
    const cell = environmentMatrix({ ...none, codedeployGroups: [group('shop-prod', [rollback])] }).rows[0]?.cells[0];
    expect(cell?.deployedBy).toEqual({ kind: 'creator', creator: 'codeDeployRollback', label: 'rollback' });
  });

  it('traces a Beanstalk cell to a succeeded run, not to a failed one or one the environment changed after', () => {
    const ebAction = (extra: Partial<ActionDetail> = {}): ActionDetail =>
      action('Deploy', 'Succeeded', {
        category: 'Deploy',
        provider: 'ElasticBeanstalk',
        configuration: { ApplicationName: 'api', EnvironmentName: 'api-prod' },
        lastStatusChange: '2026-03-01T08:00:00.000Z',
        ...extra,
      });
    const cellWith = (a: ActionDetail, updatedAt = '2026-03-01T08:00:00.000Z') =>
      environmentMatrix({
        ...none,
        beanstalkEnvironments: [beanstalk('api-prod', { updatedAt })],
        pipelines: [shipping([a])],
      }).rows[0]?.cells[0];
    expect(cellWith(ebAction())).toMatchObject({
      deployedBy: { kind: 'pipeline', executionId: 'e-1' },
      commit: { id: 'c-e-1' },
    });
    expect(cellWith(ebAction({ status: 'Failed' }))?.deployedBy).toBeUndefined();
    const later = cellWith(ebAction(), '2026-03-01T09:00:00.000Z');
    expect(later?.deployedBy).toBeUndefined();
    expect(later?.commit).toBeUndefined();
  });

  it('traces a GitHub environment to the workflow run its live deployment reported', () => {
    const run = githubRun(2, 'success', { headSha: 'a1b2c3d4e5', title: 'Ship the cart' });
    const repo = githubRepository({
      runs: [run],
      environments: [
        {
          ...githubEnvironment(
            'staging',
            githubDeployment(2, 'success', { environment: 'staging', sha: 'a1b2c3d4e5' }),
          ),
          live: { sha: 'a1b2c3d4e5', deploymentId: 2, since: at(22) },
        },
        {
          ...githubEnvironment(
            'production',
            githubDeployment(5, 'success', { sha: 'c1', statuses: [{ state: 'success', createdAt: at(52) }] }),
          ),
          live: { sha: 'c1', deploymentId: 5, since: at(52) },
        },
      ],
    });
    const row = environmentMatrix({ ...none, githubRepositories: [repo] }).rows[0];
    const byName = (name: string) => row?.cells.find((c) => c.name === name);
    expect(byName('staging')).toMatchObject({
      commit: { id: 'a1b2c3d4e5', message: 'Ship the cart' },
      deployedBy: {
        kind: 'workflow-run',
        runId: 2,
        runNumber: 2,
        name: 'CI',
        url: run.htmlUrl,
        accountKey: 'gh',
        repository: 'acme/shop',
      },
    });
    // No status names a run: the deployment's creator, and the commit's subject from the branch.
    expect(byName('production')).toMatchObject({
      commit: { id: 'c1', message: 'First commit' },
      deployedBy: { kind: 'creator', creator: 'octocat' },
    });
  });
});

describe('stackRootFailure', () => {
  const event = (logicalId: string, reason: string, at: string) => ({
    at,
    logicalId,
    resourceType: 'AWS::SQS::Queue',
    status: 'UPDATE_FAILED',
    reason,
  });
  it('is the first failure of the operation, passing over the resources cancelled because of it', () => {
    // Newest first, as the source keeps them.
    const failures = [
      event('ApiService', 'Resource update cancelled', '2026-11-28T02:00:02Z'),
      event('PushQueue', 'Invalid value for the parameter MessageRetentionPeriod', '2026-11-28T02:00:01Z'),
    ];
    expect(stackRootFailure({ failures })?.logicalId).toBe('PushQueue');
    // A cancellation alone is still the answer.
    expect(stackRootFailure({ failures: failures.slice(0, 1) })?.logicalId).toBe('ApiService');
    expect(stackRootFailure({ failures: [] })).toBeUndefined();
  });
});
