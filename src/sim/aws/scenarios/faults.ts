// The demo account as seen through trouble: throttled operations, resources
// the caller may not read, an expired access key, a malformed answer and a
// slow one.
import type { FaultInjector } from '../../faults';
import { deny } from '../access';
import type { World } from '../world';
import { demoAws as names } from './demo-names';

export function addFaults(world: World, faults: FaultInjector): void {
  const { region, account } = world;
  world.policy.expiredAccessKeys.add(names.expiredAccessKeyId);
  deny(
    world.policy,
    'codepipeline:GetPipelineState',
    `arn:aws:codepipeline:${region}:${account}:${names.paymentsApi.pipeline}`,
  );
  deny(
    world.policy,
    'codebuild:BatchGetBuilds',
    `arn:aws:codebuild:${region}:${account}:project/${names.mobileBackend.buildProject}`,
  );
  faults.add({ service: 'codepipeline', operation: 'ListPipelineExecutions', error: 'throttle', rate: 0.5 });
  faults.add({ service: 'codebuild', operation: 'BatchGetProjects', error: 'throttle', rate: 0.5 });
  faults.add({ service: 'codedeploy', operation: 'BatchGetDeployments', error: 'malformed' });
  faults.add({ service: 'elasticbeanstalk', operation: 'DescribeEvents', latencyMs: 2500 });
}
