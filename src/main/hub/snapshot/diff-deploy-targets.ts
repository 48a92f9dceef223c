// Events of the deploy targets: a CodeDeploy deployment that ended (failed
// with the first failing hook, or succeeded), a Beanstalk environment whose
// health worsened or recovered, a CloudFormation operation that failed, an
// ECS rollout that failed. Cold (a resource not in the previous snapshot),
// only what is wrong now is reported, as current state; nothing "succeeded"
// or "recovered" ever is.
import type { CodeDeployDeployment } from '../../../shared/deployments';
import type { ChangeEvent } from '../../../shared/events';
import type { Known } from '../../../shared/pipelines';
import { resourcesOfKind, type ResourceKind, type Snapshot, type SnapshotResource } from '../../../shared/snapshot';
import { consoleLinks } from '../../sources/aws/console-links';
import { changeEvent, knownValue, locationOf, oneLine, shortId } from './diff-support';

/** The label a Known value shows: the value, or "unknown (X)". */
function label(value: Known<string> | undefined): string {
  if (value === undefined) return 'unknown';
  return typeof value === 'string' ? value : `unknown (${value.unknown})`;
}

/** The same resource in the previous snapshot, when it was there. */
function priorOf<K extends ResourceKind>(previous: Snapshot, resource: SnapshotResource<K>) {
  const before = previous.resources[resource.id];
  return before?.kind === resource.kind ? (before as SnapshotResource<K>) : undefined;
}

// CodeDeploy -------------------------------------------------------------------

const ended = new Set(['Succeeded', 'Failed', 'Stopped']);

export function diffCodeDeploy(previous: Snapshot, next: Snapshot): ChangeEvent[] {
  return resourcesOfKind(next, 'codedeploy-group').flatMap((resource) => {
    const prior = priorOf(previous, resource);
    // No news before the deployments were first listed (the group alone may be known first).
    if (resource.data.deploymentsReadAt === undefined) return [];
    if (prior?.data.deploymentsReadAt === undefined) {
      // Cold: the newest deployment failing is worth attention now.
      const newest = resource.data.deployments[0];
      return newest && knownValue(newest.status) === 'Failed'
        ? [deploymentEvent(resource, newest, 'current-state')]
        : [];
    }
    const before = new Map(prior.data.deployments.map((d) => [d.id, d]));
    const newestKnown = prior.data.deployments[0]?.createdAt ?? '';
    return resource.data.deployments
      .filter((deployment) => {
        const status = knownValue(deployment.status);
        if (status === undefined || !ended.has(status)) return false;
        const was = before.get(deployment.id);
        // Seen running (or not at all, if it is newer than what was known) and now ended.
        if (was) return !ended.has(knownValue(was.status) ?? '');
        return deployment.createdAt >= newestKnown;
      })
      .reverse()
      .map((deployment) => deploymentEvent(resource, deployment, 'change'));
  });
}

function deploymentEvent(
  resource: SnapshotResource<'codedeploy-group'>,
  deployment: CodeDeployDeployment,
  origin: ChangeEvent['origin'],
): ChangeEvent {
  const { location, group } = resource.data;
  const succeeded = knownValue(deployment.status) === 'Succeeded';
  const where = `${group.application}/${group.name}`;
  const hook = failedHook(deployment);
  const why = hook
    ? `: ${hook.hook} failed on ${hook.target}${hook.message ? ` (${oneLine(hook.message, 80)})` : ''}`
    : deployment.error?.message
      ? `: ${oneLine(deployment.error.message, 100)}`
      : '';
  const data = {
    location: locationOf(location),
    consoleUrl: consoleLinks.codedeployDeployment(location.region, deployment.id),
    application: group.application,
    group: group.name,
    deploymentId: deployment.id,
    status: label(deployment.status),
    ...(deployment.creator === undefined ? {} : { creator: deployment.creator }),
    ...(deployment.revision === undefined ? {} : { revision: deployment.revision.location }),
    ...(deployment.revision?.commitId === undefined ? {} : { commitId: deployment.revision.commitId }),
    ...(deployment.error?.message === undefined ? {} : { error: deployment.error.message }),
    ...(hook === undefined ? {} : { failedHook: hook }),
  };
  const at = deployment.completedAt ?? deployment.createdAt;
  return succeeded
    ? changeEvent({
        kind: 'codedeploy.deployment.succeeded',
        idParts: [resource.id, deployment.id],
        resourceId: resource.id,
        origin,
        at,
        summary: `Deployed to ${where} (${shortId(deployment.id)})`,
        data,
      })
    : changeEvent({
        kind: 'codedeploy.deployment.failed',
        idParts: [resource.id, deployment.id],
        resourceId: resource.id,
        origin,
        at,
        summary: `Deployment ${shortId(deployment.id)} to ${where} ${label(deployment.status).toLowerCase()}${why}`,
        data,
      });
}

/** The first failed hook on the first failed target, in lifecycle order. */
function failedHook(deployment: CodeDeployDeployment): FailedHook | undefined {
  for (const target of deployment.targets ?? []) {
    const hook = target.lifecycle.find((event) => knownValue(event.status) === 'Failed');
    if (hook) {
      const message = hook.diagnostics?.message;
      return { target: target.id, hook: hook.name, ...(message === undefined ? {} : { message }) };
    }
  }
  return undefined;
}

interface FailedHook {
  target: string;
  hook: string;
  message?: string;
}

// Beanstalk ----------------------------------------------------------------------

/** Worse is larger; Grey (no data) is not ranked: it neither degrades nor recovers. */
const colourRank: Record<string, number> = { Green: 0, Yellow: 1, Red: 2 };

export function diffBeanstalk(previous: Snapshot, next: Snapshot): ChangeEvent[] {
  return resourcesOfKind(next, 'beanstalk-environment').flatMap((resource) => {
    const now = knownValue(resource.data.environment.health);
    const rank = now === undefined ? undefined : colourRank[now];
    if (rank === undefined) return [];
    const prior = priorOf(previous, resource);
    if (!prior) return rank > 0 ? [healthEvent(resource, undefined, 'current-state')] : [];
    const was = knownValue(prior.data.environment.health);
    const wasRank = was === undefined ? undefined : colourRank[was];
    if (wasRank === undefined || wasRank === rank) return [];
    return [healthEvent(resource, was, 'change')];
  });
}

function healthEvent(
  resource: SnapshotResource<'beanstalk-environment'>,
  previous: string | undefined,
  origin: ChangeEvent['origin'],
): ChangeEvent {
  const { location, environment } = resource.data;
  const health = label(environment.health);
  const recovered = health === 'Green';
  const cause = environment.causes[0];
  const data = {
    location: locationOf(location),
    consoleUrl: consoleLinks.beanstalkEnvironment(location.region, environment.id),
    application: environment.application,
    environment: environment.name,
    health,
    ...(previous === undefined ? {} : { previous }),
    causes: environment.causes.slice(0, 5),
    ...(environment.versionLabel === undefined ? {} : { versionLabel: environment.versionLabel }),
  };
  const common = {
    // One event per move: the id names the colours on both sides and when the environment last changed.
    idParts: [resource.id, previous ?? 'cold', health, environment.updatedAt ?? resource.freshness.fetchedAt],
    resourceId: resource.id,
    origin,
    at: environment.updatedAt ?? resource.freshness.fetchedAt,
    data,
  };
  return recovered
    ? changeEvent({
        ...common,
        kind: 'environment.health.recovered',
        summary: `${environment.name} is healthy again`,
      })
    : changeEvent({
        ...common,
        kind: 'environment.health.degraded',
        summary: `${environment.name} is ${health === 'Red' ? 'severely degraded' : 'degraded'}${cause ? `: ${oneLine(cause, 100)}` : ''}`,
      });
}

// CloudFormation and ECS ------------------------------------------------------------

/** Statuses that end an operation that did not go through. */
const stackFailed = /(_FAILED|ROLLBACK_COMPLETE)$/;

export function diffStacks(previous: Snapshot, next: Snapshot): ChangeEvent[] {
  return resourcesOfKind(next, 'cloudformation-stack').flatMap((resource) => {
    const { location, stack } = resource.data;
    if (!stackFailed.test(stack.status)) return [];
    const prior = priorOf(previous, resource);
    if (prior && prior.data.stack.status === stack.status && prior.data.stack.updatedAt === stack.updatedAt) return [];
    const failure = stack.failures[0];
    return [
      changeEvent({
        kind: 'stack.failed',
        idParts: [resource.id, stack.status, stack.updatedAt ?? ''],
        resourceId: resource.id,
        origin: prior ? 'change' : 'current-state',
        at: stack.updatedAt ?? resource.freshness.fetchedAt,
        summary: `Stack ${stack.name}: ${stack.status}${failure?.reason ? ` (${failure.logicalId}: ${oneLine(failure.reason, 100)})` : ''}`,
        data: {
          location: locationOf(location),
          consoleUrl: consoleLinks.cloudformationStack(location.region, stack.arn),
          stack: stack.name,
          status: stack.status,
          ...(stack.reason === undefined ? {} : { reason: stack.reason }),
          ...(failure === undefined
            ? {}
            : {
                failedResource: {
                  logicalId: failure.logicalId,
                  ...(failure.reason === undefined ? {} : { reason: failure.reason }),
                },
              }),
        },
      }),
    ];
  });
}

export function diffServices(previous: Snapshot, next: Snapshot): ChangeEvent[] {
  return resourcesOfKind(next, 'ecs-service').flatMap((resource) => {
    const { location, service } = resource.data;
    const rollout = service.rollout;
    if (!rollout || knownValue(rollout.state) !== 'FAILED') return [];
    const prior = priorOf(previous, resource)?.data.service.rollout;
    if (prior && knownValue(prior.state) === 'FAILED' && prior.updatedAt === rollout.updatedAt) return [];
    const cluster = service.cluster.split('/').pop() ?? service.cluster;
    return [
      changeEvent({
        kind: 'service.rollout.failed',
        idParts: [resource.id, rollout.updatedAt ?? resource.freshness.fetchedAt],
        resourceId: resource.id,
        origin: prior ? 'change' : 'current-state',
        at: rollout.updatedAt ?? resource.freshness.fetchedAt,
        summary: `Rollout of ${service.name} failed${rollout.reason ? `: ${oneLine(rollout.reason, 100)}` : ''}`,
        data: {
          location: locationOf(location),
          consoleUrl: consoleLinks.ecsService(location.region, cluster, service.name),
          cluster,
          service: service.name,
          ...(rollout.reason === undefined ? {} : { reason: rollout.reason }),
          running: service.running,
          desired: service.desired,
        },
      }),
    ];
  });
}
