// The typed handle tests, benches and the demo use to steer the simulated
// AWS account: make things fail, start things, find approvals, change health.
import type { SimClock } from '../clock';
import type { World } from './world';
import type { Health } from './world/beanstalk';
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
  /** Makes the next deployment of a CodeDeploy group fail at ValidateService. */
  failNextDeployment(applicationName: string, deploymentGroupName: string): void;
  startPipelineExecution(pipelineName: string): string;
  startBuild(projectName: string): string;
  /** Every manual approval waiting for a decision now, with its current token. */
  waitingApprovals(): WaitingApproval[];
  setEnvironmentHealth(environmentName: string, health: Health, causes?: string[]): void;
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
  return {
    world,
    advance: (ms) => clock.advance(ms),
    failNextBuild(projectName, count = 1) {
      sync();
      must(world.codebuild.projects.get(projectName), `CodeBuild project ${projectName}`).failNext += count;
    },
    failNextDeployment(applicationName, deploymentGroupName) {
      sync();
      must(
        world.codedeploy.group(applicationName, deploymentGroupName),
        `deployment group ${deploymentGroupName}`,
      ).failNext += 1;
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
  };
}
