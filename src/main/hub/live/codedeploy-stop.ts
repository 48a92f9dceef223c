// Stops a CodeDeploy deployment the user asked to stop from the window. Only
// one the snapshot shows, and shows still running, is sent: its account and
// region are the ones the snapshot read it from, so the window cannot aim the
// call anywhere else. The deployments are read again at once afterwards, so
// CodeDeploy's new status (and a rollback deployment) shows within seconds.
import type { CommandInput, CommandOutput } from '../../../shared/contract';
import { findCodeDeployDeployment, isActiveCodeDeploy } from '../../../shared/environments';
import { enumLabel } from '../../../shared/pipelines';
import { fail, type Result } from '../../../shared/result';
import { resourcesOfKind, type Snapshot } from '../../../shared/snapshot';
import type { Logger } from '../log';
import type { AwsRegion } from './aws-region';
import { deployTaskKey } from './deploy-tasks';

export interface CodeDeployStopContext {
  snapshot: Snapshot;
  /** The live region of a snapshot source id, if the workspace holds it now. */
  region: (source: string) => AwsRegion | undefined;
  nudge: (taskKey: string) => void;
  log: Logger;
}

export async function stopCodeDeployDeployment(
  input: CommandInput<'codedeploy.deployments.stop'>,
  context: CodeDeployStopContext,
): Promise<Result<CommandOutput<'codedeploy.deployments.stop'>>> {
  const { deploymentId, autoRollback } = input;
  const found = findCodeDeployDeployment(resourcesOfKind(context.snapshot, 'codedeploy-group'), deploymentId);
  if (!found) {
    return fail(
      'not-found',
      `Starboard does not know deployment ${deploymentId}: it is not among the deployments it read. Nothing was sent.`,
    );
  }
  const { resource, deployment } = found;
  if (!isActiveCodeDeploy(deployment.status)) {
    return fail(
      'conflict',
      `Deployment ${deploymentId} already finished with status ${enumLabel(deployment.status)}: there is nothing to stop.`,
    );
  }
  const region = context.region(resource.source);
  if (!region || region.location.accountId !== resource.data.location.accountId) {
    return fail(
      'conflict',
      `The account that runs deployment ${deploymentId} is not connected right now. Try again in a moment.`,
    );
  }
  const ids = { deploymentId, autoRollback, source: resource.source };
  context.log.info('stopping a CodeDeploy deployment', ids);
  const result = await region.codedeploy.stop(deploymentId, { autoRollback });
  if (result.ok) context.log.info('CodeDeploy is stopping the deployment', { ...ids, status: result.value.status });
  else context.log.warn('CodeDeploy did not stop the deployment', { ...ids, code: result.error.code });
  // Stopping, or already finished after all: either way the snapshot should catch up now.
  if (result.ok || result.error.code === 'conflict') context.nudge(deployTaskKey(region, 'deployments'));
  return result;
}
