// CodeDeploy applications, deployment groups and in-place deployments that
// walk the appspec lifecycle hooks in order on one instance at a time.
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

export interface LifecycleEvent {
  lifecycleEventName: string;
  status: 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown';
  startTime?: number;
  endTime?: number;
}

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
  lastSuccessful?: string;
  lastAttempted?: string;
  /** The next this-many deployments fail at ValidateService. */
  failNext: number;
}

export interface Deployment {
  id: string;
  applicationName: string;
  groupName: string;
  status: DeploymentStatus;
  creator: 'user' | 'autoscaling';
  /** Who asked: CodePipeline deployments are made by the pipeline's role, which CodeDeploy reports as 'user'. */
  viaPipeline: boolean;
  description: string;
  revision: string;
  createTime: number;
  startTime?: number;
  completeTime?: number;
  targets: DeploymentTarget[];
  fails: boolean;
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

  addGroup(applicationName: string, name: string, instanceCount: number): DeploymentGroup {
    const instances = Array.from({ length: instanceCount }, () => `i-0${this.ctx.random.hex(16)}`);
    const group: DeploymentGroup = { applicationName, name, id: this.ctx.random.uuid(), instances, failNext: 0 };
    this.groups.set(groupKey(applicationName, name), group);
    return group;
  }

  group(applicationName: string, name: string): DeploymentGroup | undefined {
    return this.groups.get(groupKey(applicationName, name));
  }

  deploy(
    group: DeploymentGroup,
    options: { viaPipeline: boolean; revision: string; onComplete?: (d: Deployment) => void },
  ): Deployment {
    const now = this.ctx.scheduler.now();
    const fails = group.failNext > 0;
    if (fails) group.failNext -= 1;
    const deployment: Deployment = {
      id: `d-${this.ctx.random.hex(9).toUpperCase()}`,
      applicationName: group.applicationName,
      groupName: group.name,
      status: 'Created',
      creator: 'user',
      viaPipeline: options.viaPipeline,
      description: options.viaPipeline ? 'Deployment by CodePipeline' : 'Manual deployment',
      revision: options.revision,
      createTime: now,
      targets: group.instances.map((targetId) => ({
        targetId,
        status: 'Pending',
        lastUpdatedAt: now,
        events: lifecycleHooks.map((name) => ({ lifecycleEventName: name, status: 'Pending' })),
      })),
      fails,
      ...(options.onComplete ? { onComplete: options.onComplete } : {}),
    };
    this.deployments.set(deployment.id, deployment);
    this.deploymentOrder.push(deployment.id);
    group.lastAttempted = deployment.id;
    this.ctx.scheduler.after(2 * seconds, () => {
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
      const now = this.ctx.scheduler.now();
      const failed = deployment.fails && event.lifecycleEventName === 'ValidateService';
      event.status = failed ? 'Failed' : 'Succeeded';
      event.endTime = now;
      target.lastUpdatedAt = now;
      if (!failed) return this.#runHook(deployment, target, targetIndex, hookIndex + 1);
      target.status = 'Failed';
      for (const later of deployment.targets.slice(targetIndex + 1)) {
        later.status = 'Skipped';
        for (const e of later.events) e.status = 'Skipped';
      }
      this.#finish(deployment, 'Failed');
    });
  }

  #finish(deployment: Deployment, status: 'Succeeded' | 'Failed'): void {
    deployment.status = status;
    deployment.completeTime = this.ctx.scheduler.now();
    const group = this.group(deployment.applicationName, deployment.groupName);
    if (group && status === 'Succeeded') group.lastSuccessful = deployment.id;
    deployment.onComplete?.(deployment);
  }
}

function groupKey(applicationName: string, name: string): string {
  return `${applicationName}/${name}`;
}
