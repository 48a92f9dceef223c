// CloudFormation stacks that CodePipeline deploy actions update: each stack
// has a status and an event history (oldest first; DescribeStackEvents lists
// it newest first). An update runs on the scheduler, step by step as
// CloudFormation reports it, and can fail on one resource (cancelling those
// updating beside it) and roll back.
import { seconds, type WorldContext } from './context';

export const stackResourceType = 'AWS::CloudFormation::Stack';

export interface StackResource {
  logicalId: string;
  type: string;
  physicalId: string;
}

export interface StackEventRecord {
  eventId: string;
  at: number;
  logicalId: string;
  physicalId: string;
  resourceType: string;
  status: string;
  reason?: string;
}

export interface Stack {
  name: string;
  id: string;
  description: string;
  status: string;
  reason?: string;
  created: number;
  lastUpdated?: number;
  resources: StackResource[];
  /** Oldest first; readers reverse. */
  events: StackEventRecord[];
  /** The next update fails like this (a scenario breaking one release its pipeline deploys). */
  failNext?: StackFailure;
}

/** How an update fails: one resource's handler error, and the updates CloudFormation cancels because of it. */
export interface StackFailure {
  logicalId: string;
  reason: string;
  /** Resources updating beside the failing one: each ends UPDATE_FAILED, "Resource update cancelled". */
  cancels?: string[];
}

export interface StackUpdate {
  /** Makes the update fail on this resource (the stack rolls back); without it, the stack's failNext if set. */
  fail?: StackFailure;
  /** Called once, when the stack settles (UPDATE_COMPLETE or UPDATE_ROLLBACK_COMPLETE). */
  onComplete?: (stack: Stack) => void;
}

const defaultResources = [
  { logicalId: 'TaskDefinition', type: 'AWS::ECS::TaskDefinition' },
  { logicalId: 'Service', type: 'AWS::ECS::Service' },
];

export class CloudFormationWorld {
  readonly stacks = new Map<string, Stack>();

  constructor(private readonly ctx: WorldContext) {}

  /** A stack created just now (CREATE_COMPLETE, with its creation events). */
  addStack(
    name: string,
    resources: { logicalId: string; type: string }[] = defaultResources,
    description = `${name} (deployed by CodePipeline)`,
  ): Stack {
    const now = this.ctx.scheduler.now();
    const stack: Stack = {
      name,
      id: `arn:aws:cloudformation:${this.ctx.region}:${this.ctx.account}:stack/${name}/${this.ctx.random.uuid()}`,
      description,
      status: 'CREATE_IN_PROGRESS',
      created: now,
      resources: resources.map((r) => ({ ...r, physicalId: `${name}-${r.logicalId}-${this.ctx.random.hex(12)}` })),
      events: [],
    };
    this.stacks.set(name, stack);
    this.#stackEvent(stack, 'CREATE_IN_PROGRESS', 'User Initiated');
    for (const r of stack.resources) {
      this.#resourceEvent(stack, r, 'CREATE_IN_PROGRESS');
      this.#resourceEvent(stack, r, 'CREATE_IN_PROGRESS', 'Resource creation Initiated');
      this.#resourceEvent(stack, r, 'CREATE_COMPLETE');
    }
    this.#setStatus(stack, 'CREATE_COMPLETE');
    return stack;
  }

  /**
   * Starts an update now: UPDATE_IN_PROGRESS, each resource updated in turn,
   * then UPDATE_COMPLETE; or, when it fails, that resource's UPDATE_FAILED
   * (and the cancelled ones') and the rollback to UPDATE_ROLLBACK_COMPLETE.
   * Takes about two minutes.
   */
  update(stack: Stack, update: StackUpdate = {}): void {
    if (stack.status.endsWith('_IN_PROGRESS')) throw new Error(`stack ${stack.name} is ${stack.status}`);
    const failing = update.fail ?? stack.failNext;
    if (!update.fail) delete stack.failNext;
    const resource = (logicalId: string): StackResource => {
      const found = stack.resources.find((r) => r.logicalId === logicalId);
      if (!found) throw new Error(`stack ${stack.name} has no resource ${logicalId}`);
      return found;
    };
    const failed = failing ? resource(failing.logicalId) : undefined;
    const cancelled = (failing?.cancels ?? []).map(resource);
    stack.lastUpdated = this.ctx.scheduler.now();
    stack.reason = undefined;
    this.#setStatus(stack, 'UPDATE_IN_PROGRESS', 'User Initiated');
    const steps: (() => void)[] = [];
    const settle = (status: string) => () => {
      this.#setStatus(stack, status);
      update.onComplete?.(stack);
    };
    for (const r of stack.resources.filter((r) => !cancelled.includes(r))) {
      steps.push(() => this.#resourceEvent(stack, r, 'UPDATE_IN_PROGRESS'));
      if (r !== failed || !failing) {
        steps.push(() => this.#resourceEvent(stack, r, 'UPDATE_COMPLETE'));
        continue;
      }
      // The cancelled updates were running beside the failing one.
      for (const c of cancelled) steps.push(() => this.#resourceEvent(stack, c, 'UPDATE_IN_PROGRESS'));
      steps.push(() => this.#resourceEvent(stack, r, 'UPDATE_FAILED', failing.reason));
      for (const c of cancelled)
        steps.push(() => this.#resourceEvent(stack, c, 'UPDATE_FAILED', 'Resource update cancelled'));
      const names = [r, ...cancelled].map((x) => x.logicalId).sort();
      steps.push(() =>
        this.#setStatus(
          stack,
          'UPDATE_ROLLBACK_IN_PROGRESS',
          `The following resource(s) failed to update: [${names.join(', ')}]. `,
        ),
      );
      for (const back of stack.resources) {
        steps.push(() => this.#resourceEvent(stack, back, 'UPDATE_IN_PROGRESS'));
        steps.push(() => this.#resourceEvent(stack, back, 'UPDATE_COMPLETE'));
      }
      steps.push(() => this.#setStatus(stack, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS'));
      steps.push(settle('UPDATE_ROLLBACK_COMPLETE'));
      break;
    }
    if (!failed) {
      steps.push(() => this.#setStatus(stack, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'));
      steps.push(settle('UPDATE_COMPLETE'));
    }
    steps.forEach((step, i) => this.ctx.scheduler.after((i + 1) * 10 * seconds, step));
  }

  #setStatus(stack: Stack, status: string, reason?: string): void {
    stack.status = status;
    if (reason !== undefined && status !== 'UPDATE_IN_PROGRESS') stack.reason = reason;
    this.#stackEvent(stack, status, reason);
  }

  #stackEvent(stack: Stack, status: string, reason?: string): void {
    this.#push(stack, { logicalId: stack.name, physicalId: stack.id, resourceType: stackResourceType, status, reason });
  }

  #resourceEvent(stack: Stack, r: StackResource, status: string, reason?: string): void {
    this.#push(stack, { logicalId: r.logicalId, physicalId: r.physicalId, resourceType: r.type, status, reason });
  }

  #push(stack: Stack, event: Omit<StackEventRecord, 'eventId' | 'at'>): void {
    stack.events.push({ eventId: this.ctx.random.uuid(), at: this.ctx.scheduler.now(), ...event });
  }
}
