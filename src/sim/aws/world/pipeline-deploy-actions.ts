// CodePipeline's CloudFormation and ECS deploy actions: the first creates or
// updates its stack and waits for the stack to settle (a rollback fails the
// action); the second rolls a new task definition revision out to its
// service and waits for the rollout to complete (the circuit breaker fails it).
import type { ActionDone, ActionWorlds } from './pipeline-actions';
import { seconds } from './context';
import type { ActionExecution } from './pipeline-model';

export type DeployActionWorlds = Pick<ActionWorlds, 'ctx' | 'cloudformation' | 'ecs'>;

/** ActionMode CREATE_UPDATE: create the stack if it does not exist, update it otherwise. */
export function runStackAction(worlds: DeployActionWorlds, ae: ActionExecution, done: ActionDone): void {
  const { ctx, cloudformation } = worlds;
  const { ActionMode: mode, StackName: name = '' } = ae.action.configuration;
  if (mode !== 'CREATE_UPDATE') {
    return done('Failed', { error: `The simulator runs CloudFormation actions in CREATE_UPDATE mode, not ${mode}.` });
  }
  const existing = cloudformation.stacks.get(name);
  const stack = existing ?? cloudformation.addStack(name);
  ae.externalExecutionUrl = `https://console.aws.amazon.com/cloudformation/home?region=${ctx.region}#/stacks/stackinfo?stackId=${encodeURIComponent(stack.id)}`;
  if (!existing) {
    ctx.scheduler.after(ctx.random.int(30, 90) * seconds, () => done('Succeeded', {}));
    return;
  }
  if (stack.status.endsWith('_IN_PROGRESS')) {
    // CloudFormation's own answer to UpdateStack on a busy stack.
    return done('Failed', { error: `Stack:${stack.id} is in ${stack.status} state and can not be updated.` });
  }
  cloudformation.update(stack, {
    onComplete: (s) =>
      s.status === 'UPDATE_COMPLETE'
        ? done('Succeeded', {})
        : done('Failed', { error: `Stack ${s.name} is in ${s.status} state. ${s.reason ?? ''}`.trim() }),
  });
}

/** Registers the next task definition revision and updates the service with it. */
export function runEcsAction(worlds: DeployActionWorlds, ae: ActionExecution, done: ActionDone): void {
  const { ctx, ecs } = worlds;
  const { ClusterName: cluster = 'default', ServiceName: name = '' } = ae.action.configuration;
  const service = ecs.service(cluster, name);
  if (!service) return done('Failed', { error: `The service ${name} does not exist in the cluster ${cluster}.` });
  ae.externalExecutionUrl = `https://console.aws.amazon.com/ecs/v2/clusters/${cluster}/services/${name}/deployments?region=${ctx.region}`;
  ecs.deploy(service, (deployment) => {
    if (deployment.rolloutState === 'COMPLETED') return done('Succeeded', {});
    const error =
      deployment.rolloutState === 'FAILED'
        ? deployment.rolloutStateReason
        : `ECS deployment ${deployment.id} was replaced by a newer deployment before it completed.`;
    done('Failed', { error });
  });
}
