// CodePipeline's engine: executions move stage by stage and approvals wait
// for a decision. SUPERSEDED and QUEUED hold each stage for one execution
// (a newer arrival replaces an older waiting one, or queues behind it);
// PARALLEL executions never wait for each other.
import { AwsError } from '../errors';
import { type ActionDone, type ActionWorlds, resolveRevisions, runAction } from './pipeline-actions';
import { dequeue, enqueue, isNewest, latestRun } from './pipeline-stages';
import {
  type ActionDef,
  type ActionExecution,
  actionKey,
  type Execution,
  type ExecutionMode,
  isTerminal,
  type Pipeline,
  type StageDef,
  type StageStatus,
} from './pipeline-model';

export class PipelineWorld {
  readonly pipelines = new Map<string, Pipeline>();
  readonly #completions = new WeakMap<ActionExecution, ActionDone>();

  constructor(private readonly worlds: ActionWorlds) {}

  get #ctx(): ActionWorlds['ctx'] {
    return this.worlds.ctx;
  }

  add(
    name: string,
    stages: StageDef[],
    tags: Record<string, string> = {},
    executionMode: ExecutionMode = 'SUPERSEDED',
  ): Pipeline {
    const { account, region, scheduler } = this.#ctx;
    const now = scheduler.now();
    const pipeline: Pipeline = {
      name,
      arn: `arn:aws:codepipeline:${region}:${account}:${name}`,
      version: 1,
      executionMode,
      created: now,
      updated: now,
      roleArn: `arn:aws:iam::${account}:role/service-role/AWSCodePipelineServiceRole-${region}-${name}`,
      artifactBucket: `codepipeline-${region}-${account}`,
      stages,
      tags,
      executions: [],
      holder: new Map(),
      waiting: new Map(),
      latestStage: new Map(),
      latestAction: new Map(),
      tokens: new Map(),
    };
    this.pipelines.set(name, pipeline);
    return pipeline;
  }

  /** UpdatePipeline: a new declaration, one version up. Running executions carry on. */
  update(pipeline: Pipeline, stages: StageDef[], executionMode: ExecutionMode): void {
    pipeline.stages = stages;
    pipeline.executionMode = executionMode;
    pipeline.version += 1;
    pipeline.updated = this.#ctx.scheduler.now();
  }

  start(
    pipeline: Pipeline,
    trigger = { triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:iam::111122223333:user/dev' },
  ): Execution {
    const now = this.#ctx.scheduler.now();
    const execution: Execution = {
      id: this.#ctx.random.uuid(),
      pipelineName: pipeline.name,
      pipelineVersion: pipeline.version,
      executionMode: pipeline.executionMode,
      status: 'InProgress',
      startTime: now,
      lastUpdateTime: now,
      trigger,
      revisions: resolveRevisions(this.worlds, pipeline),
      actionExecutions: [],
      stageIndex: 0,
    };
    pipeline.executions.unshift(execution);
    this.#enterStage(pipeline, execution, 0);
    return execution;
  }

  stop(pipeline: Pipeline, execution: Execution, abandon: boolean, reason: string): void {
    if (execution.status === 'Stopping' && !abandon) {
      throw new AwsError('DuplicatedStopRequestException', 'A stop request for this execution is already in progress.');
    }
    if (isTerminal(execution.status)) {
      throw new AwsError(
        'PipelineExecutionNotStoppableException',
        `Pipeline execution ${execution.id} is not in progress.`,
      );
    }
    execution.stopTrigger = { reason };
    // An execution waiting to enter a stage holds nothing: it just leaves the queue.
    if (dequeue(pipeline, execution.id)) return this.#finishExecution(pipeline, execution, 'Stopped');
    const running = execution.actionExecutions.filter((ae) => ae.status === 'InProgress');
    // Waiting approvals never finish on their own, so a stop abandons them either way.
    if (abandon || running.every((ae) => ae.action.provider === 'Manual')) {
      for (const ae of running) this.#settle(ae, 'Abandoned', {});
      this.#release(pipeline, execution, 'Stopped');
      this.#finishExecution(pipeline, execution, 'Stopped');
    } else {
      execution.status = 'Stopping';
      this.#setStage(pipeline, execution, 'Stopping');
    }
  }

  retryStage(
    pipeline: Pipeline,
    execution: Execution,
    stageName: string,
    mode: 'FAILED_ACTIONS' | 'ALL_ACTIONS',
  ): void {
    const stageIndex = pipeline.stages.findIndex((s) => s.name === stageName);
    const stage = pipeline.stages[stageIndex];
    if (!stage)
      throw new AwsError('StageNotFoundException', `Stage ${stageName} does not exist in pipeline ${pipeline.name}.`);
    if (pipeline.executions[0] !== execution) {
      throw new AwsError(
        'NotLatestPipelineExecutionException',
        `Execution ${execution.id} is not the latest execution of ${pipeline.name}.`,
      );
    }
    const state = pipeline.latestStage.get(stageName);
    if (execution.status !== 'Failed' || state?.executionId !== execution.id || state.status !== 'Failed') {
      throw new AwsError(
        'StageNotRetryableException',
        `Stage ${stageName} cannot be retried: it has not failed in execution ${execution.id}.`,
      );
    }
    const holder = pipeline.holder.get(stageName);
    if (holder !== undefined && holder !== execution.id)
      throw new AwsError('ConflictException', `Stage ${stageName} is in use.`);
    const rerun =
      mode === 'ALL_ACTIONS'
        ? stage.actions
        : stage.actions.filter((a) => latestRun(execution, stageName, a.name)?.status !== 'Succeeded');
    execution.status = 'InProgress';
    delete execution.statusSummary;
    execution.stageIndex = stageIndex;
    pipeline.holder.set(stageName, execution.id);
    this.#setStage(pipeline, execution, 'InProgress');
    this.#runActions(pipeline, execution, rerun, 0);
  }

  /** PutApprovalResult: the token must be the one of the approval waiting now. */
  decide(
    pipeline: Pipeline,
    stageName: string,
    actionName: string,
    token: string,
    approved: boolean,
    summary: string,
    by: string,
  ): number {
    const stage = pipeline.stages.find((s) => s.name === stageName);
    if (!stage)
      throw new AwsError('StageNotFoundException', `Stage ${stageName} does not exist in pipeline ${pipeline.name}.`);
    const action = stage.actions.find((a) => a.name === actionName);
    if (!action || action.provider !== 'Manual') {
      throw new AwsError(
        'ActionNotFoundException',
        `Approval action ${actionName} does not exist in stage ${stageName}.`,
      );
    }
    const ae = pipeline.tokens.get(token);
    const execution = pipeline.executions.find((e) => e.id === ae?.executionId);
    // PARALLEL: each execution has its own approval; elsewhere only the stage's latest one counts.
    const latest =
      execution?.executionMode === 'PARALLEL'
        ? latestRun(execution, stageName, actionName)
        : pipeline.latestAction.get(actionKey(stageName, actionName));
    if (
      !ae ||
      ae !== latest ||
      ae.stageName !== stageName ||
      ae.action.name !== actionName ||
      (ae.status !== 'InProgress' && !ae.decided)
    ) {
      throw new AwsError(
        'InvalidApprovalTokenException',
        `The approval request already received a response or has expired.`,
      );
    }
    if (ae.status !== 'InProgress')
      throw new AwsError(
        'ApprovalAlreadyCompletedException',
        'The approval action has already been approved or rejected.',
      );
    ae.decided = true;
    this.#completions.get(ae)?.(approved ? 'Succeeded' : 'Failed', { summary, by });
    return this.#ctx.scheduler.now();
  }

  #enterStage(pipeline: Pipeline, execution: Execution, index: number): void {
    const stage = pipeline.stages[index];
    execution.stageIndex = index;
    if (!stage) return this.#finishExecution(pipeline, execution, 'Succeeded');
    if (execution.executionMode !== 'PARALLEL') {
      const holder = pipeline.holder.get(stage.name);
      if (holder !== undefined && holder !== execution.id) {
        for (const id of enqueue(pipeline, execution, stage.name)) {
          const superseded = pipeline.executions.find((e) => e.id === id);
          if (superseded) this.#finishExecution(pipeline, superseded, 'Superseded');
        }
        return;
      }
      pipeline.holder.set(stage.name, execution.id);
    }
    this.#setStage(pipeline, execution, 'InProgress');
    this.#runActions(pipeline, execution, stage.actions, 0);
  }

  #runActions(pipeline: Pipeline, execution: Execution, actions: ActionDef[], index: number): void {
    const action = actions[index];
    const stage = pipeline.stages[execution.stageIndex];
    if (!stage) return;
    if (!action) return this.#leaveStage(pipeline, execution, 'Succeeded');
    if (execution.status === 'Stopping') {
      this.#release(pipeline, execution, 'Stopped');
      return this.#finishExecution(pipeline, execution, 'Stopped');
    }
    const now = this.#ctx.scheduler.now();
    const ae: ActionExecution = {
      id: this.#ctx.random.uuid(),
      executionId: execution.id,
      stageName: stage.name,
      action,
      status: 'InProgress',
      startTime: now,
      lastUpdateTime: now,
    };
    execution.actionExecutions.push(ae);
    if (isNewest(pipeline, execution, pipeline.latestAction.get(actionKey(stage.name, action.name))?.executionId))
      pipeline.latestAction.set(actionKey(stage.name, action.name), ae);
    const done = this.#done(pipeline, ae, () => this.#runActions(pipeline, execution, actions, index + 1));
    this.#completions.set(ae, done);
    runAction(this.worlds, pipeline, execution, ae, done);
  }

  /** The completion callback of one action execution; it only counts once. */
  #done(pipeline: Pipeline, ae: ActionExecution, next: () => void): ActionDone {
    return (status, details) => {
      if (ae.status !== 'InProgress') return;
      const execution = pipeline.executions.find((e) => e.id === ae.executionId);
      this.#settle(ae, status, details);
      if (!execution) return;
      if (status === 'Failed') {
        execution.statusSummary = details.error ?? details.summary ?? 'An action in the pipeline failed.';
        return this.#leaveStage(pipeline, execution, 'Failed');
      }
      next();
    };
  }

  #settle(
    ae: ActionExecution,
    status: ActionExecution['status'],
    details: { summary?: string; error?: string; by?: string },
  ): void {
    ae.status = status;
    ae.lastUpdateTime = this.#ctx.scheduler.now();
    if (details.summary !== undefined) ae.summary = details.summary;
    if (details.by !== undefined) ae.updatedBy = details.by;
    if (details.error !== undefined) ae.errorDetails = { code: 'JobFailed', message: details.error };
  }

  #leaveStage(pipeline: Pipeline, execution: Execution, status: 'Succeeded' | 'Failed'): void {
    const index = execution.stageIndex;
    if (execution.status === 'Stopping') {
      this.#release(pipeline, execution, 'Stopped');
      return this.#finishExecution(pipeline, execution, 'Stopped');
    }
    this.#release(pipeline, execution, status);
    if (status === 'Failed') return this.#finishExecution(pipeline, execution, 'Failed');
    this.#enterStage(pipeline, execution, index + 1);
  }

  /** Frees the stage the execution holds and lets the first one still waiting for it in. */
  #release(pipeline: Pipeline, execution: Execution, status: StageStatus): void {
    const stage = pipeline.stages[execution.stageIndex];
    if (!stage) return;
    this.#setStage(pipeline, execution, status);
    if (pipeline.holder.get(stage.name) !== execution.id) return;
    pipeline.holder.delete(stage.name);
    for (const id of pipeline.waiting.get(stage.name) ?? []) {
      const next = pipeline.executions.find((e) => e.id === id);
      dequeue(pipeline, id);
      if (next?.status === 'InProgress') return this.#enterStage(pipeline, next, execution.stageIndex);
    }
  }

  #setStage(pipeline: Pipeline, execution: Execution, status: StageStatus): void {
    const stage = pipeline.stages[execution.stageIndex];
    if (stage && isNewest(pipeline, execution, pipeline.latestStage.get(stage.name)?.executionId))
      pipeline.latestStage.set(stage.name, { executionId: execution.id, status });
    execution.lastUpdateTime = this.#ctx.scheduler.now();
  }

  #finishExecution(pipeline: Pipeline, execution: Execution, status: Execution['status']): void {
    execution.status = status;
    execution.lastUpdateTime = this.#ctx.scheduler.now();
    if (status === 'Superseded') dequeue(pipeline, execution.id);
  }
}
