// CodeDeploy applications, deployment groups and in-place deployments that
// walk the appspec lifecycle hooks in order on one instance at a time; a
// deployment can be made to fail at ValidateService (with the script's
// message and log tail, as the agent reports them) and can be stopped, with
// or without a rollback to the group's last good revision. A stop, like
// CodeDeploy's, is asked for first (StopDeployment answers Pending) and takes
// effect a few seconds later, when the agents have been told.
import { seconds, type WorldContext } from './context';

export const lifecycleHooks = [
  'ApplicationStop',
  'DownloadBundle',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'ApplicationStart',
  'ValidateService',
] as const;

export type DeploymentStatus =
  'Created' | 'Queued' | 'InProgress' | 'Baking' | 'Succeeded' | 'Failed' | 'Stopped' | 'Ready';
export type TargetStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown' | 'Ready';

/** What the CodeDeploy agent reports about a hook's script. */
export interface HookDiagnostics {
  errorCode: string;
  scriptName: string;
  message: string;
  logTail: string;
}

export interface LifecycleEvent {
  lifecycleEventName: string;
  status: 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown';
  startTime?: number;
  endTime?: number;
  diagnostics?: HookDiagnostics;
}

/** How a deployment made to fail fails: its ValidateService script's output. */
export interface DeploymentFailure {
  scriptName: string;
  message: string;
  logTail: string;
  /** Which instance fails, in deployment order (those before it succeed); the first when not set. */
  instance?: number;
}

export const defaultFailure: DeploymentFailure = {
  scriptName: 'scripts/validate.sh',
  message: 'Script at specified location: scripts/validate.sh run as user root failed with exit code 7',
  logTail:
    '[stdout]Checking http://localhost:80/health\n' +
    '[stderr]  % Total    % Received % Xferd  Average Speed   Time\n' +
    '[stderr]curl: (7) Failed to connect to localhost port 80 after 0 ms: Connection refused\n',
};

export interface DeploymentTarget {
  targetId: string;
  status: TargetStatus;
  lastUpdatedAt: number;
  events: LifecycleEvent[];
}

export interface DeployApplication {
  name: string;
  id: string;
  created: number;
  tags: Record<string, string>;
}

export interface DeploymentGroup {
  applicationName: string;
  name: string;
  id: string;
  instances: string[];
  tags: Record<string, string>;
  lastSuccessful?: string;
  lastAttempted?: string;
  /** The next this-many deployments fail at ValidateService. */
  failNext: number;
  /** How they fail; the default failure when not set. */
  failWith?: DeploymentFailure;
}

export interface Deployment {
  id: string;
  applicationName: string;
  groupName: string;
  status: DeploymentStatus;
  creator: 'user' | 'autoscaling' | 'codeDeployRollback';
  /** Who asked: CodePipeline deployments are made by the pipeline's role, which CodeDeploy reports as 'user'. */
  viaPipeline: boolean;
  description: string;
  revision: string;
  createTime: number;
  startTime?: number;
  completeTime?: number;
  targets: DeploymentTarget[];
  /** Set when this deployment fails at ValidateService (on the instance the failure names). */
  failure?: DeploymentFailure;
  error?: { code: string; message: string };
  rollback?: { rollbackDeploymentId?: string; rollbackTriggeringDeploymentId?: string; rollbackMessage?: string };
  /** Set by StopDeployment until the stop takes effect: nothing moves on meanwhile. */
  stopping?: { autoRollback: boolean };
  /** The revision as CreateDeployment was given it (S3 or GitHub), echoed back; pipeline deployments have none. */
  location?: Record<string, unknown>;
  onComplete?: (deployment: Deployment) => void;
}

export class CodeDeployWorld {
  readonly applications = new Map<string, DeployApplication>();
  readonly groups = new Map<string, DeploymentGroup>();
  readonly deployments = new Map<string, Deployment>();
  readonly deploymentOrder: string[] = [];

  constructor(private readonly ctx: WorldContext) {}

  addApplication(name: string, tags: Record<string, string> = {}): DeployApplication {
    const app = { name, id: this.ctx.random.uuid(), created: this.ctx.scheduler.now(), tags };
    this.applications.set(name, app);
    return app;
  }

  addGroup(
    applicationName: string,
    name: string,
    instanceCount: number,
    tags: Record<string, string> = {},
  ): DeploymentGroup {
    const instances = Array.from({ length: instanceCount }, () => `i-0${this.ctx.random.hex(16)}`);
    const group: DeploymentGroup = { applicationName, name, id: this.ctx.random.uuid(), instances, tags, failNext: 0 };
    this.groups.set(groupKey(applicationName, name), group);
    return group;
  }

  group(applicationName: string, name: string): DeploymentGroup | undefined {
    return this.groups.get(groupKey(applicationName, name));
  }

  deploy(
    group: DeploymentGroup,
    options: {
      viaPipeline: boolean;
      revision: string;
      onComplete?: (d: Deployment) => void;
      creator?: Deployment['creator'];
      description?: string;
      location?: Record<string, unknown>;
    },
  ): Deployment {
    const now = this.ctx.scheduler.now();
    const fails = group.failNext > 0 && options.creator !== 'codeDeployRollback';
    if (fails) group.failNext -= 1;
    const deployment: Deployment = {
      id: `d-${this.ctx.random.hex(9).toUpperCase()}`,
      applicationName: group.applicationName,
      groupName: group.name,
      status: 'Created',
      creator: options.creator ?? 'user',
      viaPipeline: options.viaPipeline,
      description: options.description ?? (options.viaPipeline ? 'Deployment by CodePipeline' : 'Manual deployment'),
      revision: options.revision,
      createTime: now,
      targets: group.instances.map((targetId) => ({
        targetId,
        status: 'Pending',
        lastUpdatedAt: now,
        events: lifecycleHooks.map((name) => ({ lifecycleEventName: name, status: 'Pending' })),
      })),
      ...(fails ? { failure: group.failWith ?? defaultFailure } : {}),
      ...(options.location ? { location: options.location } : {}),
      ...(options.onComplete ? { onComplete: options.onComplete } : {}),
    };
    this.deployments.set(deployment.id, deployment);
    this.deploymentOrder.push(deployment.id);
    group.lastAttempted = deployment.id;
    this.ctx.scheduler.after(2 * seconds, () => {
      if (deployment.status !== 'Created' || deployment.stopping) return;
      deployment.status = 'InProgress';
      deployment.startTime = this.ctx.scheduler.now();
      this.#runTarget(deployment, 0);
    });
    return deployment;
  }

  /** OneAtATime: each instance runs every hook before the next instance starts. */
  #runTarget(deployment: Deployment, index: number): void {
    const target = deployment.targets[index];
    if (!target) return this.#finish(deployment, 'Succeeded');
    target.status = 'InProgress';
    target.lastUpdatedAt = this.ctx.scheduler.now();
    this.#runHook(deployment, target, index, 0);
  }

  #runHook(deployment: Deployment, target: DeploymentTarget, targetIndex: number, hookIndex: number): void {
    const event = target.events[hookIndex];
    if (!event) {
      target.status = 'Succeeded';
      target.lastUpdatedAt = this.ctx.scheduler.now();
      return this.#runTarget(deployment, targetIndex + 1);
    }
    event.status = 'InProgress';
    event.startTime = this.ctx.scheduler.now();
    this.ctx.scheduler.after(this.ctx.random.int(2, 20) * seconds, () => {
      if (deployment.status !== 'InProgress' || deployment.stopping) return;
      const now = this.ctx.scheduler.now();
      const fails =
        event.lifecycleEventName === 'ValidateService' && targetIndex === (deployment.failure?.instance ?? 0);
      const failure = fails ? deployment.failure : undefined;
      event.status = failure ? 'Failed' : 'Succeeded';
      event.endTime = now;
      event.diagnostics = failure
        ? {
            errorCode: 'ScriptFailed',
            scriptName: failure.scriptName,
            message: failure.message,
            logTail: failure.logTail,
          }
        : { errorCode: 'Success', scriptName: '', message: 'Succeeded', logTail: '' };
      target.lastUpdatedAt = now;
      if (!failure) return this.#runHook(deployment, target, targetIndex, hookIndex + 1);
      target.status = 'Failed';
      for (const later of deployment.targets.slice(targetIndex + 1)) {
        later.status = 'Skipped';
        for (const e of later.events) e.status = 'Skipped';
      }
      // The deployment says only that too few instances succeeded; the script's own words are on its hook.
      deployment.error = {
        code: 'HEALTH_CONSTRAINTS',
        message:
          'The overall deployment failed because too many individual instances failed deployment, too few ' +
          'healthy instances are available for deployment, or some instances in your deployment group are ' +
          'experiencing problems.',
      };
      this.#finish(deployment, 'Failed');
    });
  }

  /**
   * StopDeployment: the deployment holds where it is at once and is stopped
   * `stopDelay` later (CodeDeploy answers Pending meanwhile). Asked again
   * while stopping, nothing more happens.
   */
  requestStop(deployment: Deployment, autoRollback: boolean): void {
    if (deployment.stopping) return;
    deployment.stopping = { autoRollback };
    this.ctx.scheduler.after(stopDelay, () => {
      delete deployment.stopping;
      this.stop(deployment, autoRollback);
    });
  }

  /**
   * The stop taking effect: unfinished hooks and instances are skipped, and with
   * `autoRollback` a rollback deployment of the group's last good revision starts.
   */
  stop(deployment: Deployment, autoRollback: boolean): Deployment | undefined {
    const now = this.ctx.scheduler.now();
    for (const target of deployment.targets) {
      if (target.status !== 'Pending' && target.status !== 'InProgress') continue;
      target.status = 'Skipped';
      target.lastUpdatedAt = now;
      for (const e of target.events) {
        if (e.status === 'InProgress') e.endTime = now;
        if (e.status === 'Pending' || e.status === 'InProgress') e.status = 'Skipped';
      }
    }
    deployment.error = { code: 'MANUAL_STOP', message: 'The deployment was stopped by a user.' };
    const group = this.group(deployment.applicationName, deployment.groupName);
    const good = group?.lastSuccessful === undefined ? undefined : this.deployments.get(group.lastSuccessful);
    let rollback: Deployment | undefined;
    if (autoRollback && group && good) {
      rollback = this.deploy(group, {
        viaPipeline: false,
        revision: good.revision,
        ...(good.location ? { location: good.location } : {}),
        creator: 'codeDeployRollback',
        description: `Rollback of ${deployment.id}`,
      });
      rollback.rollback = {
        rollbackTriggeringDeploymentId: deployment.id,
        rollbackMessage: `Deployment ${rollback.id} is a rollback of ${deployment.id}.`,
      };
      deployment.rollback = {
        rollbackDeploymentId: rollback.id,
        rollbackMessage: `Deployment stopped; rolled back by ${rollback.id}.`,
      };
    } else if (autoRollback) {
      deployment.rollback = { rollbackMessage: 'No deployment to roll back to: the group has no successful one.' };
    }
    this.#finish(deployment, 'Stopped');
    return rollback;
  }

  #finish(deployment: Deployment, status: 'Succeeded' | 'Failed' | 'Stopped'): void {
    deployment.status = status;
    deployment.completeTime = this.ctx.scheduler.now();
    const group = this.group(deployment.applicationName, deployment.groupName);
    if (group && status === 'Succeeded') group.lastSuccessful = deployment.id;
    deployment.onComplete?.(deployment);
  }
}

/** How long CodeDeploy takes from StopDeployment to a Stopped deployment. */
export const stopDelay = 3 * seconds;

function groupKey(applicationName: string, name: string): string {
  return `${applicationName}/${name}`;
}
