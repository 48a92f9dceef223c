// ECS's SDK shapes turned into the shared model at the edge: the service's
// counts, and the rollout of its PRIMARY deployment.
import type { Deployment as SdkDeployment, Service as SdkService } from '@aws-sdk/client-ecs';
import { ecsRolloutStates as rolloutStates, type EcsService } from '../../../../shared/deployments';
import type { Known } from '../../../../shared/pipelines';
import { iso, optional } from '../model-edge';

type RolloutState = (typeof rolloutStates)[number];

/** The cluster's name from a service's clusterArn (…:cluster/name), or the name asked for. */
export function clusterOf(service: SdkService, asked: string): string {
  return service.clusterArn?.split('/').at(-1) ?? asked;
}

export function toEcsService(service: SdkService, cluster: string): EcsService {
  const deployments = service.deployments ?? [];
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  const rollout = primary ? toRollout(primary) : undefined;
  return {
    arn: service.serviceArn ?? '',
    cluster: clusterOf(service, cluster),
    name: service.serviceName ?? '',
    status: service.status ?? 'unknown',
    desired: service.desiredCount ?? 0,
    running: service.runningCount ?? 0,
    pending: service.pendingCount ?? 0,
    ...optional('taskDefinition', primary?.taskDefinition ?? service.taskDefinition),
    ...(rollout ? { rollout } : {}),
    deployments: deployments.filter((d) => d !== primary && d.status !== 'INACTIVE').length,
  };
}

/** Services with the older deployment controller (no circuit breaker) send no rolloutState: none is shown. */
function toRollout(deployment: SdkDeployment): EcsService['rollout'] {
  const raw = deployment.rolloutState;
  if (raw === undefined) return undefined;
  // A state this build does not know is kept as { unknown: raw } (RELIABILITY A14).
  const state: Known<RolloutState> = (rolloutStates as readonly string[]).includes(raw) ? raw : { unknown: raw };
  return {
    state,
    ...optional('reason', deployment.rolloutStateReason),
    ...optional('updatedAt', iso(deployment.updatedAt)),
  };
}
