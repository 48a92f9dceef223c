// Amazon ECS over AWS JSON 1.1 (AmazonEC2ContainerServiceV20141113): the one
// read a deploy target needs, DescribeServices (one cluster, ≤10 services).
import { AwsError, optionalString, stringList } from '../errors';
import type { JsonService } from '../service';
import type { World } from '../world';
import type { EcsDeployment, EcsServiceRecord } from '../world/ecs';
import { date } from './wire';

const maxServices = 10;

export function ecsService(world: World): JsonService {
  const ecs = world.ecs;
  /** A cluster is named by its name or its ARN; ECS uses "default" when none is given. */
  const clusterName = (value: unknown): string => {
    const given = optionalString(value) ?? 'default';
    return given.startsWith('arn:') ? (given.split('/').at(-1) ?? given) : given;
  };
  /** A service is named by its name or its ARN (…:service/cluster/name or the older …:service/name). */
  const serviceName = (value: string): string =>
    value.startsWith('arn:') ? (value.split('/').at(-1) ?? value) : value;

  return {
    name: 'ecs',
    protocol: 'json',
    targetPrefix: 'AmazonEC2ContainerServiceV20141113',
    operations: {
      DescribeServices: (input, context) => {
        if (input.services === undefined) throw new AwsError('InvalidParameterException', 'Services cannot be empty.');
        const names = stringList('services', input.services);
        if (names.length === 0) throw new AwsError('InvalidParameterException', 'Services cannot be empty.');
        if (names.length > maxServices)
          throw new AwsError('InvalidParameterException', `service names can have at most ${maxServices} items.`);
        const cluster = clusterName(input.cluster);
        const services = ecs.clusters.get(cluster);
        if (!services) throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
        const found: EcsServiceRecord[] = [];
        const failures: { arn: string; reason: string }[] = [];
        for (const name of names) {
          const s = services.get(serviceName(name));
          if (s) {
            context.authorize(s.arn);
            found.push(s);
          } else {
            failures.push({ arn: ecs.serviceArn(cluster, serviceName(name)), reason: 'MISSING' });
          }
        }
        return { services: found.map(serviceShape), failures };
      },
    },
  };
}

function serviceShape(s: EcsServiceRecord): unknown {
  const sum = (member: 'running' | 'pending'): number => s.deployments.reduce((n, d) => n + d[member], 0);
  const primary = s.deployments[0];
  return {
    serviceArn: s.arn,
    serviceName: s.name,
    clusterArn: s.clusterArn,
    loadBalancers: [],
    serviceRegistries: [],
    status: 'ACTIVE',
    desiredCount: s.desired,
    runningCount: sum('running'),
    pendingCount: sum('pending'),
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    platformFamily: 'Linux',
    taskDefinition: primary?.taskDefinition,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: false },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    },
    deployments: s.deployments.map(deploymentShape),
    events: s.events.slice(0, 100).map((e) => ({ id: e.id, createdAt: date(e.at), message: e.message })),
    createdAt: date(s.created),
    placementConstraints: [],
    placementStrategy: [],
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'ECS' },
    createdBy: `arn:aws:iam::${s.arn.split(':')[4] ?? ''}:role/CodePipelineServiceRole`,
    enableECSManagedTags: false,
    propagateTags: 'NONE',
    enableExecuteCommand: false,
  };
}

function deploymentShape(d: EcsDeployment): unknown {
  return {
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinition,
    desiredCount: d.desired,
    pendingCount: d.pending,
    runningCount: d.running,
    failedTasks: d.failedTasks,
    createdAt: date(d.created),
    updatedAt: date(d.updated),
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    platformFamily: 'Linux',
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  };
}
