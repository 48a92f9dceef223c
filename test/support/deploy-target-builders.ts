// Small builders for deploy target resources (a CodeDeploy group, a Beanstalk
// environment, a stack, an ECS service) in the test account's eu-west-1,
// unless another location is given.
import type {
  BeanstalkEnvironment,
  CloudFormationStack,
  CodeDeployDeployment,
  EcsService,
} from '../../src/shared/deployments';
import { deployTargetId, type SnapshotResource } from '../../src/shared/snapshot';
import type { AwsLocation } from '../../src/shared/sources';
import { fetched, location, source } from './snapshot-builders';

/** Deployment group `name` of application `shop`. */
export function codeDeployGroup(
  name: string,
  deployments: CodeDeployDeployment[] = [],
  where: AwsLocation = location,
): SnapshotResource<'codedeploy-group'> {
  const arn = `arn:aws:codedeploy:${where.region}:${where.accountId}:deploymentgroup:shop/${name}`;
  return {
    id: deployTargetId('codedeploy-group', arn),
    kind: 'codedeploy-group',
    source,
    freshness: fetched,
    data: { location: where, group: { arn, application: 'shop', name, computePlatform: 'Server' }, deployments },
  };
}

/** Environment `name` of application `api`: Ready, Green, running api-1.4.2. */
export function beanstalkEnvironment(
  name: string,
  parts: Partial<BeanstalkEnvironment> = {},
): SnapshotResource<'beanstalk-environment'> {
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

export function cloudFormationStack(
  name: string,
  status = 'UPDATE_COMPLETE',
): SnapshotResource<'cloudformation-stack'> {
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

/** Service `name` in cluster `web`, 2/2 running task definition web:42, its rollout completed. */
export function ecsService(name: string, parts: Partial<EcsService> = {}): SnapshotResource<'ecs-service'> {
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
