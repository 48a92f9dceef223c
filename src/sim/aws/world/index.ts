// The simulated AWS account: every service's state, driven by one
// scheduler so that the whole account is a function of (scenario, seed,
// scale, clock, commands received).
import { Random } from '../../random';
import { type AccessPolicy, newAccessPolicy } from '../access';
import { BeanstalkWorld } from './beanstalk';
import { Catalog } from './catalog';
import { CloudFormationWorld } from './cloudformation';
import { CodeBuildWorld } from './codebuild';
import { CodeCommitWorld } from './codecommit';
import { CodeDeployWorld } from './codedeploy';
import type { WorldContext } from './context';
import { EcsWorld } from './ecs';
import { LogStore } from './logs';
import type { ApprovalDecision, Execution, Pipeline } from './pipeline-model';
import { PipelineWorld } from './pipelines';
import { Scheduler } from './scheduler';

export class World {
  readonly ctx: WorldContext;
  readonly policy: AccessPolicy;
  readonly codebuild: CodeBuildWorld;
  readonly codecommit: CodeCommitWorld;
  readonly codedeploy: CodeDeployWorld;
  readonly beanstalk: BeanstalkWorld;
  readonly cloudformation: CloudFormationWorld;
  readonly ecs: EcsWorld;
  readonly pipelines: PipelineWorld;
  readonly catalog = new Catalog();
  /** The scenario's stand-in reviewer for approvals (history is decided; the present waits). */
  approver: (pipeline: Pipeline, execution: Execution) => ApprovalDecision | undefined = () => undefined;

  constructor(seed: number, start: number, account = '111122223333', region = 'us-east-1') {
    this.policy = newAccessPolicy(account, region);
    this.ctx = {
      scheduler: new Scheduler(start),
      random: new Random(seed).fork('aws-world'),
      account,
      region,
      logs: new LogStore(account, region),
    };
    this.codebuild = new CodeBuildWorld(this.ctx);
    this.codecommit = new CodeCommitWorld(this.ctx);
    this.codedeploy = new CodeDeployWorld(this.ctx);
    this.beanstalk = new BeanstalkWorld(this.ctx);
    this.cloudformation = new CloudFormationWorld(this.ctx);
    this.ecs = new EcsWorld(this.ctx);
    this.pipelines = new PipelineWorld({
      ctx: this.ctx,
      codebuild: this.codebuild,
      codecommit: this.codecommit,
      codedeploy: this.codedeploy,
      beanstalk: this.beanstalk,
      cloudformation: this.cloudformation,
      ecs: this.ecs,
      approver: (pipeline, execution) => this.approver(pipeline, execution),
    });
  }

  get account(): string {
    return this.ctx.account;
  }

  get region(): string {
    return this.ctx.region;
  }

  now(): number {
    return this.ctx.scheduler.now();
  }

  /** Schedules a scenario step at an absolute time. */
  at(time: number, run: () => void): void {
    this.ctx.scheduler.at(time, run);
  }

  /** Runs everything due up to `time`. */
  runUntil(time: number): void {
    this.ctx.scheduler.runUntil(time);
  }
}
