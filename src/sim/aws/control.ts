// The typed handle tests, benches and the demo use to steer the simulated
// AWS account: make things fail, start things, find approvals, change health.
import type { SimClock } from '../clock';
import type { World } from './world';
import type { BeanstalkEvent, EnhancedHealthStatus, EnvironmentOptions, Health } from './world/beanstalk';
import { defaultFailure, type DeploymentFailure } from './world/codedeploy';
import { actionKey } from './world/pipeline-model';

export interface WaitingApproval {
  pipelineName: string;
  stageName: string;
  actionName: string;
  pipelineExecutionId: string;
  token: string;
}

export interface AwsSimControl {
  /** The whole account, for assertions that go deeper than the wire. */
  readonly world: World;
  /** Moves the shared clock forward; the world catches up at once. */
  advance(ms: number): void;
  /** Makes the next `count` builds of a CodeBuild project fail (with failing test output in its log). */
  failNextBuild(projectName: string, count?: number): void;
  // CodeDeploy.
  /** Makes the next deployment of a CodeDeploy group fail at ValidateService, with this script output if given. */
  failNextDeployment(applicationName: string, deploymentGroupName: string, failure?: Partial<DeploymentFailure>): void;
  /** Starts a deployment of the group (as a user would, outside any pipeline); answers its id. */
  startDeployment(applicationName: string, deploymentGroupName: string, revision?: string): string;
  startPipelineExecution(pipelineName: string): string;
  startBuild(projectName: string): string;
  /** Every manual approval waiting for a decision now, with its current token. */
  waitingApprovals(): WaitingApproval[];
  setEnvironmentHealth(environmentName: string, health: Health, causes?: string[]): void;
  // Elastic Beanstalk: environments that degrade, deploy and log events.
  /** A new environment (Green/Ok); `enhancedHealth: false` gives one with basic health (a colour only). */
  addBeanstalkEnvironment(applicationName: string, environmentName: string, options?: EnvironmentOptions): void;
  /** Yellow (Warning or Degraded) or Red (Severe) with the causes DescribeEnvironmentHealth gives. */
  degradeEnvironment(
    environmentName: string,
    health: 'Yellow' | 'Red',
    causes: string[],
    status?: EnhancedHealthStatus,
  ): void;
  /** Deploys a version label: Updating now, Ready with the new label about five minutes later. */
  deployEnvironmentVersion(environmentName: string, versionLabel: string): void;
  /** Appends one event to the environment's history now. */
  addEnvironmentEvent(environmentName: string, severity: BeanstalkEvent['severity'], message: string): void;
  terminateEnvironment(environmentName: string): void;
  pushCommit(repositoryName: string, branch: string, message: string): string;
  /** The code the MFA device shows now; AssumeRole with SerialNumber accepts only this one. */
  setMfaCode(code: string | undefined): void;
  /** User codes of device sign-ins waiting for the user, oldest first. */
  pendingDeviceAuthorizations(): string[];
  /** Approves a device sign-in (the latest when no code is given), as the user would in the browser. */
  approveDeviceAuthorization(userCode?: string): void;
  /** Denies a device sign-in, as the user would in the browser. */
  denyDeviceAuthorization(userCode?: string): void;
  /** Expires every SSO access token now; with `refreshTokensToo`, refreshing fails as well. */
  expireSsoTokens(refreshTokensToo?: boolean): void;
  // CloudFormation and ECS deploy targets (tests add their own beside the demo's stack and service).
  /** A CREATE_COMPLETE stack with its creation events. */
  addStack(stackName: string): void;
  /** Updates a stack now; with `fail`, that resource fails and the stack rolls back (about two minutes). */
  updateStack(stackName: string, fail?: { logicalId: string; reason: string }): void;
  /** A steady ECS service (one COMPLETED deployment, every task running). */
  addEcsService(cluster: string, service: string, desired?: number): void;
  /** A rollout IN_PROGRESS: a new PRIMARY deployment beside the ACTIVE one. */
  startEcsRollout(cluster: string, service: string): void;
  finishEcsRollout(cluster: string, service: string): void;
  /** The deployment circuit breaker stops the rollout: PRIMARY FAILED with `reason`. */
  failEcsRollout(cluster: string, service: string, reason?: string): void;
}

export function createAwsControl(world: World, clock: SimClock): AwsSimControl {
  const sync = (): void => world.runUntil(clock.now());
  const must = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the simulated account has no ${what}`);
    return value;
  };
  const center = world.policy.identityCenter;
  const decide = (userCode: string | undefined, state: 'approved' | 'denied'): void => {
    sync();
    must(center.pending(world.now(), userCode), `device sign-in waiting${userCode ? ` for ${userCode}` : ''}`).state =
      state;
  };
  const ecsService = (cluster: string, service: string) => {
    sync();
    return must(world.ecs.service(cluster, service), `ECS service ${cluster}/${service}`);
  };
  const beanstalkEnvironment = (name: string) =>
    must(world.beanstalk.environments.get(name), `Beanstalk environment ${name}`);
  return {
    world,
    advance: (ms) => clock.advance(ms),
    failNextBuild(projectName, count = 1) {
      sync();
      must(world.codebuild.projects.get(projectName), `CodeBuild project ${projectName}`).failNext += count;
    },
    // CodeDeploy.
    failNextDeployment(applicationName, deploymentGroupName, failure) {
      sync();
      const group = must(
        world.codedeploy.group(applicationName, deploymentGroupName),
        `deployment group ${deploymentGroupName}`,
      );
      group.failNext += 1;
      group.failWith = { ...defaultFailure, ...failure };
    },
    startDeployment(applicationName, deploymentGroupName, revision = 'f00dfacef00dfacef00dfacef00dface00000000') {
      sync();
      const group = must(
        world.codedeploy.group(applicationName, deploymentGroupName),
        `deployment group ${deploymentGroupName}`,
      );
      return world.codedeploy.deploy(group, { viaPipeline: false, revision }).id;
    },
    startPipelineExecution(pipelineName) {
      sync();
      return world.pipelines.start(must(world.pipelines.pipelines.get(pipelineName), `pipeline ${pipelineName}`)).id;
    },
    startBuild(projectName) {
      sync();
      return world.codebuild.start(projectName, { initiator: 'dev' }).id;
    },
    waitingApprovals() {
      sync();
      const out: WaitingApproval[] = [];
      for (const pipeline of world.pipelines.pipelines.values()) {
        for (const stage of pipeline.stages) {
          for (const action of stage.actions) {
            const ae = pipeline.latestAction.get(actionKey(stage.name, action.name));
            if (ae?.token !== undefined && ae.status === 'InProgress') {
              out.push({
                pipelineName: pipeline.name,
                stageName: stage.name,
                actionName: action.name,
                pipelineExecutionId: ae.executionId,
                token: ae.token,
              });
            }
          }
        }
      }
      return out;
    },
    setEnvironmentHealth(environmentName, health, causes = []) {
      sync();
      world.beanstalk.setHealth(
        must(world.beanstalk.environments.get(environmentName), `environment ${environmentName}`),
        health,
        causes,
      );
    },
    // Elastic Beanstalk.
    addBeanstalkEnvironment(applicationName, environmentName, options = {}) {
      sync();
      world.beanstalk.addEnvironment(applicationName, environmentName, {}, options);
    },
    degradeEnvironment(environmentName, health, causes, status) {
      sync();
      world.beanstalk.setHealth(beanstalkEnvironment(environmentName), health, causes, status);
    },
    deployEnvironmentVersion(environmentName, versionLabel) {
      sync();
      world.beanstalk.deploy(beanstalkEnvironment(environmentName), versionLabel);
    },
    addEnvironmentEvent(environmentName, severity, message) {
      sync();
      world.beanstalk.event(beanstalkEnvironment(environmentName), severity, message);
    },
    terminateEnvironment(environmentName) {
      sync();
      world.beanstalk.terminate(beanstalkEnvironment(environmentName));
    },
    pushCommit(repositoryName, branch, message) {
      sync();
      const repo = must(world.codecommit.repositories.get(repositoryName), `repository ${repositoryName}`);
      return world.codecommit.commit(repo, branch, message, { name: 'Simulator', email: 'sim@example.com' }).commitId;
    },
    setMfaCode(code) {
      world.policy.mfaCode = code;
    },
    pendingDeviceAuthorizations() {
      sync();
      return center.waiting(world.now()).map((a) => a.userCode);
    },
    approveDeviceAuthorization: (userCode) => decide(userCode, 'approved'),
    denyDeviceAuthorization: (userCode) => decide(userCode, 'denied'),
    expireSsoTokens(refreshTokensToo = false) {
      sync();
      center.expireTokens(world.now(), refreshTokensToo);
    },
    // CloudFormation and ECS deploy targets.
    addStack(stackName) {
      sync();
      world.cloudformation.addStack(stackName);
    },
    updateStack(stackName, fail) {
      sync();
      const stack = must(world.cloudformation.stacks.get(stackName), `stack ${stackName}`);
      world.cloudformation.update(stack, fail ? { fail } : {});
    },
    addEcsService(cluster, service, desired) {
      sync();
      world.ecs.addService(cluster, service, desired);
    },
    startEcsRollout: (cluster, service) => void world.ecs.startRollout(ecsService(cluster, service)),
    finishEcsRollout: (cluster, service) => world.ecs.finishRollout(ecsService(cluster, service)),
    failEcsRollout: (cluster, service, reason) => world.ecs.failRollout(ecsService(cluster, service), reason),
  };
}
