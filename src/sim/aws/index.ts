// The simulated AWS account: builds the scenario's world, keeps it in step
// with the clock and serves every service on one loopback endpoint.
import type { FaultInjector } from '../faults';
import { Random } from '../random';
import type { ScenarioName, SimHalfOptions } from '../scenarios';
import { type AwsSimControl, createAwsControl } from './control';
import { buildDemo } from './scenarios/demo';
import { addFaults } from './scenarios/faults';
import { buildHostile } from './scenarios/hostile';
import { buildScale } from './scenarios/scale';
import { AwsServer } from './server';
import type { AwsService } from './service';
import { beanstalkService } from './services/beanstalk';
import { cloudFormationService } from './services/cloudformation';
import { codeArtifactService } from './services/codeartifact';
import { codeBuildService } from './services/codebuild';
import { codeCommitService } from './services/codecommit';
import { codeDeployService } from './services/codedeploy';
import { codeGuruReviewerService } from './services/codeguru';
import { codePipelineService } from './services/codepipeline';
import { ecsService } from './services/ecs';
import { logsService } from './services/logs';
import { ssoService } from './services/sso';
import { ssoOidcService } from './services/sso-oidc';
import { stsService } from './services/sts';
import { taggingService } from './services/tagging';
import { World } from './world';
import { days } from './world/context';

export type { AwsSimControl, WaitingApproval } from './control';
export { demoAws } from './scenarios/demo-names';

export type AwsSimOptions = SimHalfOptions;

export interface AwsSim {
  endpoint: string;
  control: AwsSimControl;
  close(): Promise<void>;
}

/** Builds the scenario's world up to the clock's present, without serving it. */
export function buildWorld(
  scenario: ScenarioName,
  seed: number,
  scale: number,
  now: number,
  faults?: FaultInjector,
): World {
  const world = new World(seed, now - 15 * days);
  if (scenario === 'demo' || scenario === 'faults') buildDemo(world, now);
  if (scenario === 'scale') buildScale(world, now, scale);
  if (scenario === 'hostile') buildHostile(world, now);
  if (scenario === 'faults' && faults) addFaults(world, faults);
  world.runUntil(now);
  return world;
}

export function awsServices(world: World): AwsService[] {
  return [
    codePipelineService(world),
    codeBuildService(world),
    codeCommitService(world),
    codeDeployService(world),
    logsService(world),
    beanstalkService(world),
    stsService(world),
    codeArtifactService(world),
    codeGuruReviewerService(world),
    ssoOidcService(world),
    ssoService(world),
    taggingService(world),
    cloudFormationService(world),
    ecsService(world),
  ];
}

export async function startAwsSim(options: AwsSimOptions): Promise<AwsSim> {
  const { clock } = options;
  const world = buildWorld(options.scenario, options.seed, options.scale, clock.now(), options.faults);
  const stopFollowing = clock.onAdvance((now) => world.runUntil(now));
  const server = new AwsServer({
    services: awsServices(world),
    policy: world.policy,
    faults: options.faults,
    requests: options.requests,
    random: new Random(options.seed).fork('aws-request-ids'),
    beforeRequest: () => world.runUntil(clock.now()),
  });
  const endpoint = await server.listen(options.port);
  return {
    endpoint,
    control: createAwsControl(world, clock),
    close: async () => {
      stopFollowing();
      await server.close();
    },
  };
}
