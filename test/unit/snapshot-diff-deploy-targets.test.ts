// Deploy targets' events: a CodeDeploy deployment that ended (with its first
// failed hook), a Beanstalk environment that degraded or recovered, a failed
// CloudFormation operation, a failed ECS rollout; cold, only what is wrong
// now, as current state. And the snapshot keeps these kinds across a restart.
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/main/hub/snapshot/diff';
import type {
  BeanstalkEnvironment,
  CodeDeployDeployment,
  CloudFormationStack,
  EcsService,
} from '../../src/shared/deployments';
import type { ChangeEvent } from '../../src/shared/events';
import { deployTargetId, type AnyResource, type SnapshotResource } from '../../src/shared/snapshot';
import { parseSnapshot } from '../../src/shared/snapshot-schema';
import { fetched, location, snapshot, source } from '../support/snapshot-builders';

const groupArn = 'arn:aws:codedeploy:eu-west-1:111122223333:deploymentgroup:shop/prod';
const envArn = 'arn:aws:elasticbeanstalk:eu-west-1:111122223333:environment/api/api-prod';
const stackArn = 'arn:aws:cloudformation:eu-west-1:111122223333:stack/shop-infra/0f1e';
const serviceArn = 'arn:aws:ecs:eu-west-1:111122223333:service/web/shop';

function deployment(id: string, status: CodeDeployDeployment['status'], minute: number): CodeDeployDeployment {
  return {
    id,
    application: 'shop',
    group: 'prod',
    status,
    createdAt: `2026-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`,
    revision: { type: 'GitHub', location: 'acme/shop@abc1234', commitId: 'abc1234' },
  };
}

function group(deployments: CodeDeployDeployment[], listed = true): SnapshotResource<'codedeploy-group'> {
  return {
    id: deployTargetId('codedeploy-group', groupArn),
    kind: 'codedeploy-group',
    source,
    freshness: fetched,
    data: {
      location,
      group: { arn: groupArn, application: 'shop', name: 'prod', computePlatform: 'Server' },
      deployments,
      ...(listed ? { deploymentsReadAt: fetched.fetchedAt } : {}),
    },
  };
}

function environment(parts: Partial<BeanstalkEnvironment>): SnapshotResource<'beanstalk-environment'> {
  return {
    id: deployTargetId('beanstalk-environment', envArn),
    kind: 'beanstalk-environment',
    source,
    freshness: fetched,
    data: {
      location,
      environment: {
        arn: envArn,
        id: 'e-abc123',
        application: 'api',
        name: 'api-prod',
        status: 'Ready',
        health: 'Green',
        causes: [],
        versionLabel: 'v42',
        updatedAt: '2026-03-01T09:50:00.000Z',
        ...parts,
      },
      events: [],
    },
  };
}

function stack(parts: Partial<CloudFormationStack>): SnapshotResource<'cloudformation-stack'> {
  return {
    id: deployTargetId('cloudformation-stack', stackArn),
    kind: 'cloudformation-stack',
    source,
    freshness: fetched,
    data: {
      location,
      stack: { arn: stackArn, name: 'shop-infra', status: 'UPDATE_COMPLETE', failures: [], ...parts },
    },
  };
}

function service(parts: Partial<EcsService>): SnapshotResource<'ecs-service'> {
  return {
    id: deployTargetId('ecs-service', serviceArn),
    kind: 'ecs-service',
    source,
    freshness: fetched,
    data: {
      location,
      service: {
        arn: serviceArn,
        cluster: 'arn:aws:ecs:eu-west-1:111122223333:cluster/web',
        name: 'shop',
        status: 'ACTIVE',
        desired: 3,
        running: 3,
        pending: 0,
        deployments: 1,
        ...parts,
      },
    },
  };
}

const diff = (before: AnyResource[] | undefined, after: AnyResource[]): ChangeEvent[] =>
  diffSnapshots(before === undefined ? undefined : snapshot(before), snapshot(after));
const told = (events: ChangeEvent[]) => events.map((e) => `${e.origin} ${e.kind} ${e.summary}`);

describe('CodeDeploy', () => {
  const failedAtValidate: CodeDeployDeployment = {
    ...deployment('d-FAILED01', 'Failed', 30),
    completedAt: '2026-03-01T09:40:00.000Z',
    targets: [
      {
        id: 'i-0aaa',
        kind: 'instance',
        status: 'Succeeded',
        lifecycle: [{ name: 'ValidateService', status: 'Succeeded' }],
      },
      {
        id: 'i-0bbb',
        kind: 'instance',
        status: 'Failed',
        lifecycle: [
          { name: 'Install', status: 'Succeeded' },
          {
            name: 'ValidateService',
            status: 'Failed',
            diagnostics: { errorCode: 'ScriptFailed', message: 'curl: (7) Failed to connect to localhost port 80' },
          },
        ],
      },
    ],
  };

  it('reports a deployment seen running that failed, naming the hook, the target and its message', () => {
    const events = diff([group([deployment('d-FAILED01', 'InProgress', 30)])], [group([failedAtValidate])]);
    expect(told(events)).toEqual([
      'change codedeploy.deployment.failed Deployment d-FAILED to shop/prod failed: ValidateService failed on i-0bbb (curl: (7) Failed to connect to localhost port 80)',
    ]);
    expect(events[0]?.data).toMatchObject({
      deploymentId: 'd-FAILED01',
      commitId: 'abc1234',
      failedHook: { target: 'i-0bbb', hook: 'ValidateService' },
      consoleUrl:
        'https://eu-west-1.console.aws.amazon.com/codesuite/codedeploy/deployments/d-FAILED01?region=eu-west-1',
    });
  });

  it('reports a new deployment that already succeeded, but not old history coming into view', () => {
    const before = [group([deployment('d-2', 'Succeeded', 20)])];
    const after = [
      group([deployment('d-3', 'Succeeded', 25), deployment('d-2', 'Succeeded', 20), deployment('d-1', 'Failed', 10)]),
    ];
    expect(told(diff(before, after))).toEqual(['change codedeploy.deployment.succeeded Deployed to shop/prod (d-3)']);
  });

  it('says nothing twice, nothing for a deployment still running, and cold only that the newest failed', () => {
    const failed = [group([failedAtValidate])];
    expect(diff(failed, failed)).toEqual([]);
    expect(diff(undefined, [group([deployment('d-4', 'InProgress', 50)])])).toEqual([]);
    expect(diff(undefined, [group([deployment('d-5', 'Succeeded', 50)])])).toEqual([]);
    expect(diff(undefined, failed).map((e) => `${e.origin} ${e.kind}`)).toEqual([
      'current-state codedeploy.deployment.failed',
    ]);
  });

  it('reports no history when the deployments are listed after the group was known alone', () => {
    const history = [group([deployment('d-9', 'Succeeded', 40), deployment('d-8', 'Succeeded', 30)])];
    expect(diff([group([], false)], history)).toEqual([]);
    expect(diff(undefined, [group([failedAtValidate], false)])).toEqual([]);
  });

  it('labels a status this build does not know', () => {
    const odd = { ...deployment('d-6', { unknown: 'Paused' }, 55) };
    expect(diff([group([deployment('d-5', 'Succeeded', 50)])], [group([odd])])).toEqual([]);
  });
});

describe('Beanstalk health', () => {
  it('reports an environment that degrades, with its first cause, and one that recovers', () => {
    const degraded = environment({
      health: 'Red',
      healthStatus: 'Severe',
      causes: ['100.0 % of the requests are failing with HTTP 5xx.'],
      updatedAt: '2026-03-01T09:55:00.000Z',
    });
    expect(told(diff([environment({})], [degraded]))).toEqual([
      'change environment.health.degraded api-prod is severely degraded: 100.0 % of the requests are failing with HTTP 5xx.',
    ]);
    expect(told(diff([degraded], [environment({ updatedAt: '2026-03-01T09:58:00.000Z' })]))).toEqual([
      'change environment.health.recovered api-prod is healthy again',
    ]);
  });

  it('is quiet when the colour holds or is Grey, and cold reports only what is unhealthy', () => {
    expect(diff([environment({ health: 'Yellow' })], [environment({ health: 'Yellow' })])).toEqual([]);
    expect(diff([environment({})], [environment({ health: 'Grey' })])).toEqual([]);
    expect(diff(undefined, [environment({})])).toEqual([]);
    expect(told(diff(undefined, [environment({ health: 'Yellow', causes: [] })]))).toEqual([
      'current-state environment.health.degraded api-prod is degraded',
    ]);
  });
});

describe('CloudFormation and ECS', () => {
  it('reports a rolled-back stack update once, with the failed resource and its reason', () => {
    const rolledBack = stack({
      status: 'UPDATE_ROLLBACK_COMPLETE',
      updatedAt: '2026-03-01T09:45:00.000Z',
      failures: [
        {
          at: '2026-03-01T09:44:00.000Z',
          logicalId: 'WebBucket',
          resourceType: 'AWS::S3::Bucket',
          status: 'UPDATE_FAILED',
          reason: 'Bucket name already exists',
        },
      ],
    });
    expect(told(diff([stack({})], [rolledBack]))).toEqual([
      'change stack.failed Stack shop-infra: UPDATE_ROLLBACK_COMPLETE (WebBucket: Bucket name already exists)',
    ]);
    expect(diff([rolledBack], [rolledBack])).toEqual([]);
  });

  it('reports a failed ECS rollout with its reason, once', () => {
    const failed = service({
      running: 1,
      rollout: {
        state: 'FAILED',
        reason: 'ECS deployment circuit breaker: tasks failed to start.',
        updatedAt: '2026-03-01T09:47:00.000Z',
      },
    });
    const events = diff([service({ rollout: { state: 'IN_PROGRESS' } })], [failed]);
    expect(told(events)).toEqual([
      'change service.rollout.failed Rollout of shop failed: ECS deployment circuit breaker: tasks failed to start.',
    ]);
    expect(events[0]?.data).toMatchObject({ cluster: 'web', running: 1, desired: 3 });
    expect(diff([failed], [failed])).toEqual([]);
  });
});

it('keeps every deploy target kind across a restart, and drops fields the schema does not name', () => {
  const resources = [
    group([{ ...deployment('d-7', 'Succeeded', 59), secret: 'x' } as CodeDeployDeployment]),
    environment({ health: { unknown: 'Purple' } }),
    stack({}),
    service({ rollout: { state: 'COMPLETED' } }),
  ];
  const written = JSON.parse(JSON.stringify(snapshot(resources))) as unknown;
  const parsed = parseSnapshot(written);
  if ('error' in parsed) throw new Error(parsed.error);
  expect(parsed.dropped).toEqual([]);
  expect(Object.keys(parsed.snapshot.resources).sort()).toEqual(resources.map((r) => r.id).sort());
  const kept = parsed.snapshot.resources[deployTargetId('codedeploy-group', groupArn)];
  expect(JSON.stringify(kept)).not.toContain('secret');
  const env = parsed.snapshot.resources[deployTargetId('beanstalk-environment', envArn)];
  expect(env?.kind === 'beanstalk-environment' && env.data.environment.health).toEqual({ unknown: 'Purple' });
});
