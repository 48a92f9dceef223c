// The Deployments page's model: stages inferred from names, services as rows,
// and per cell what is live, since when, and how healthy it is.
import { describe, expect, it } from 'vitest';
import type {
  BeanstalkEnvironment,
  CloudFormationStack,
  CodeDeployDeployment,
  EcsService,
} from '../../src/shared/deployments';
import {
  cellsIn,
  codeDeployRevisionText,
  columnOf,
  environmentMatrix,
  findCodeDeployDeployment,
  stackHealth,
  stageOf,
  withoutStage,
  type EnvironmentMatrix,
} from '../../src/shared/environments';
import { deployTargetId, type SnapshotResource } from '../../src/shared/snapshot';
import {
  fetched,
  githubDeployment,
  githubEnvironment,
  githubRepository,
  githubRun,
  githubWaiting,
  location,
  source,
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

function group(name: string, deployments: CodeDeployDeployment[]): SnapshotResource<'codedeploy-group'> {
  const arn = `arn:aws:codedeploy:eu-west-1:111122223333:deploymentgroup:shop/${name}`;
  return {
    id: deployTargetId('codedeploy-group', arn),
    kind: 'codedeploy-group',
    source,
    freshness: fetched,
    data: {
      location,
      group: { arn, application: 'shop', name, computePlatform: 'Server' },
      deployments,
    },
  };
}

function beanstalk(name: string, parts: Partial<BeanstalkEnvironment> = {}): SnapshotResource<'beanstalk-environment'> {
  const arn = `arn:aws:elasticbeanstalk:eu-west-1:111122223333:environment/api/${name}`;
  return {
    id: deployTargetId('beanstalk-environment', arn),
    kind: 'beanstalk-environment',
    source,
    freshness: fetched,
    data: {
      location,
      environment: {
        arn,
        id: `e-${name}`,
        application: 'api',
        name,
        status: 'Ready',
        health: 'Green',
        causes: [],
        versionLabel: 'api-1.4.2',
        updatedAt: '2026-03-01T08:00:00.000Z',
        ...parts,
      },
      events: [],
    },
  };
}

function stack(name: string, status: string): SnapshotResource<'cloudformation-stack'> {
  const s: CloudFormationStack = {
    arn: `arn:aws:cloudformation:eu-west-1:111122223333:stack/${name}/0f1e`,
    name,
    status,
    failures: [],
  };
  return {
    id: deployTargetId('cloudformation-stack', s.arn),
    kind: 'cloudformation-stack',
    source,
    freshness: fetched,
    data: { location, stack: s },
  };
}

function ecs(name: string, parts: Partial<EcsService> = {}): SnapshotResource<'ecs-service'> {
  const s: EcsService = {
    arn: `arn:aws:ecs:eu-west-1:111122223333:service/web/${name}`,
    cluster: 'arn:aws:ecs:eu-west-1:111122223333:cluster/web',
    name,
    status: 'ACTIVE',
    desired: 2,
    running: 2,
    pending: 0,
    taskDefinition: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/web:42',
    rollout: { state: 'COMPLETED', updatedAt: '2026-03-01T07:00:00.000Z' },
    deployments: 0,
    ...parts,
  };
  return {
    id: deployTargetId('ecs-service', s.arn),
    kind: 'ecs-service',
    source,
    freshness: fetched,
    data: { location, service: s },
  };
}

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
