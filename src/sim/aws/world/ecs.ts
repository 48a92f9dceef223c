// ECS services that CodePipeline deploy actions roll out: each service has
// its deployments (the PRIMARY one and, during a rollout, the ACTIVE one it
// replaces), with ECS's rolloutState and the task counts. Rollouts are
// steered from outside (start, finish, fail) so tests see each state, or, as
// a deploy action makes them, finish by themselves a few minutes later.
import { minutes, type WorldContext } from './context';

export type RolloutState = 'COMPLETED' | 'IN_PROGRESS' | 'FAILED';

export interface EcsDeployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  taskDefinition: string;
  desired: number;
  running: number;
  pending: number;
  failedTasks: number;
  rolloutState: RolloutState;
  rolloutStateReason: string;
  created: number;
  updated: number;
}

export interface EcsServiceRecord {
  cluster: string;
  name: string;
  arn: string;
  clusterArn: string;
  desired: number;
  created: number;
  /** PRIMARY first. */
  deployments: EcsDeployment[];
  revision: number;
  events: { id: string; at: number; message: string }[];
  /** The next this-many deploys fail: the circuit breaker stops them. */
  failNext: number;
}

export const circuitBreakerReason = 'ECS deployment circuit breaker: tasks failed to start.';

export class EcsWorld {
  /** Cluster name → service name → service. */
  readonly clusters = new Map<string, Map<string, EcsServiceRecord>>();
  /** Deployment id → who waits for that rollout to end (a deploy action). */
  readonly #waiting = new Map<string, (deployment: EcsDeployment) => void>();

  constructor(private readonly ctx: WorldContext) {}

  clusterArn(cluster: string): string {
    return `arn:aws:ecs:${this.ctx.region}:${this.ctx.account}:cluster/${cluster}`;
  }

  serviceArn(cluster: string, name: string): string {
    return `arn:aws:ecs:${this.ctx.region}:${this.ctx.account}:service/${cluster}/${name}`;
  }

  service(cluster: string, name: string): EcsServiceRecord | undefined {
    return this.clusters.get(cluster)?.get(name);
  }

  /** A steady service: one PRIMARY deployment, COMPLETED, every task running. */
  addService(cluster: string, name: string, desired = 2): EcsServiceRecord {
    const now = this.ctx.scheduler.now();
    const service: EcsServiceRecord = {
      cluster,
      name,
      arn: this.serviceArn(cluster, name),
      clusterArn: this.clusterArn(cluster),
      desired,
      created: now,
      deployments: [],
      revision: 1,
      events: [],
      failNext: 0,
    };
    const first = this.#deployment(service, 'COMPLETED');
    first.running = desired;
    first.pending = 0;
    first.rolloutStateReason = `ECS deployment ${first.id} completed.`;
    service.deployments = [first];
    const services = this.clusters.get(cluster) ?? new Map<string, EcsServiceRecord>();
    services.set(name, service);
    this.clusters.set(cluster, services);
    this.#event(service, `(service ${name}) has reached a steady state.`);
    return service;
  }

  /**
   * What CodePipeline's ECS deploy action asks for: a new task definition
   * revision rolls out and, a few minutes later, reaches steady state (or the
   * circuit breaker stops it when the service's failNext says so).
   * `onEnd` hears the deployment once it is COMPLETED, FAILED or replaced.
   */
  deploy(service: EcsServiceRecord, onEnd?: (deployment: EcsDeployment) => void): EcsDeployment {
    const fails = service.failNext > 0;
    if (fails) service.failNext -= 1;
    const next = this.startRollout(service);
    if (onEnd) this.#waiting.set(next.id, onEnd);
    this.ctx.scheduler.after(this.ctx.random.int(3, 8) * minutes, () => {
      if (service.deployments[0] !== next || next.rolloutState !== 'IN_PROGRESS') return;
      if (fails) this.failRollout(service);
      else this.finishRollout(service);
    });
    return next;
  }

  /** A new task definition revision rolls out: a new PRIMARY deployment IN_PROGRESS beside the ACTIVE one. */
  startRollout(service: EcsServiceRecord): EcsDeployment {
    const now = this.ctx.scheduler.now();
    const replaced = service.deployments[0];
    service.revision += 1;
    service.deployments = service.deployments.slice(0, 1).map((d) => ({ ...d, status: 'ACTIVE', updated: now }));
    const next = this.#deployment(service, 'IN_PROGRESS');
    next.running = Math.floor(service.desired / 2);
    next.pending = service.desired - next.running;
    service.deployments.unshift(next);
    this.#event(service, `(service ${service.name}) has started ${next.pending + next.running} tasks.`);
    // A rollout still going is replaced: whoever waited for it hears so (it stays IN_PROGRESS).
    if (replaced) this.#ended(replaced);
    return next;
  }

  /** The rollout reaches steady state: the PRIMARY deployment COMPLETED, the old one gone. */
  finishRollout(service: EcsServiceRecord): void {
    const primary = this.#primaryInProgress(service);
    primary.running = service.desired;
    primary.pending = 0;
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
    primary.updated = this.ctx.scheduler.now();
    service.deployments = [primary];
    this.#event(service, `(service ${service.name}) has reached a steady state.`);
    this.#ended(primary);
  }

  /**
   * The deployment circuit breaker stops the rollout (without rollback): the
   * PRIMARY deployment FAILED with ECS's reason, the old tasks keep serving.
   */
  failRollout(service: EcsServiceRecord, reason = circuitBreakerReason): void {
    const primary = this.#primaryInProgress(service);
    primary.failedTasks += primary.pending + primary.running + 1;
    primary.running = 0;
    primary.pending = 0;
    primary.rolloutState = 'FAILED';
    primary.rolloutStateReason = reason;
    primary.updated = this.ctx.scheduler.now();
    this.#event(
      service,
      `(service ${service.name}) (deployment ${primary.id}) deployment failed: tasks failed to start.`,
    );
    this.#ended(primary);
  }

  #ended(deployment: EcsDeployment): void {
    const onEnd = this.#waiting.get(deployment.id);
    this.#waiting.delete(deployment.id);
    onEnd?.(deployment);
  }

  #primaryInProgress(service: EcsServiceRecord): EcsDeployment {
    const primary = service.deployments[0];
    if (primary?.rolloutState !== 'IN_PROGRESS') throw new Error(`service ${service.name} has no rollout in progress`);
    return primary;
  }

  #deployment(service: EcsServiceRecord, rolloutState: RolloutState): EcsDeployment {
    const now = this.ctx.scheduler.now();
    const id = `ecs-svc/${this.ctx.random.int(100_000_000, 999_999_999)}${this.ctx.random.int(100_000_000, 999_999_999)}`;
    return {
      id,
      status: 'PRIMARY',
      taskDefinition: `arn:aws:ecs:${this.ctx.region}:${this.ctx.account}:task-definition/${service.name}:${service.revision}`,
      desired: service.desired,
      running: 0,
      pending: service.desired,
      failedTasks: 0,
      rolloutState,
      rolloutStateReason: `ECS deployment ${id} in progress.`,
      created: now,
      updated: now,
    };
  }

  #event(service: EcsServiceRecord, message: string): void {
    service.events.unshift({ id: this.ctx.random.uuid(), at: this.ctx.scheduler.now(), message });
  }
}
