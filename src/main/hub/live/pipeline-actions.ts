// Starts, stops and retries pipeline executions the user asked for from the
// window, and reads one execution's action runs for its page. Only a pipeline
// the snapshot holds is touched, in the account and region the snapshot read
// it from; a command the snapshot shows cannot apply is refused before any
// call. Each command is sent once; the pipeline is read again at once after.
import type { CommandInput, CommandOutput, QueryInput, QueryOutput } from '../../../shared/contract';
import { enumLabel, type PipelineExecution } from '../../../shared/pipelines';
import { fail, ok, type Result } from '../../../shared/result';
import type { SnapshotResource } from '../../../shared/snapshot';
import type { SourceProblem } from '../../../shared/sources';
import type { ActionContext } from './action-context';
import type { AwsRegion } from './aws-region';
import { pipelineTaskKey } from './region-tasks';

type Found = { resource: SnapshotResource<'pipeline'>; region: AwsRegion };

/** The pipeline resource and its live region, or why the command cannot go ahead. */
function findPipeline(pipelineId: string, context: ActionContext): Result<Found> {
  const resource = context.snapshot.resources[pipelineId];
  if (resource?.kind !== 'pipeline') {
    return fail(
      'not-found',
      `Starboard does not know pipeline ${pipelineId}: it is not among the pipelines it read. Nothing was sent.`,
    );
  }
  const region = context.region(resource.source);
  if (!region || region.location.accountId !== resource.data.summary.location.accountId) {
    return fail(
      'conflict',
      `The account that runs pipeline ${resource.data.summary.name} is not connected right now. Try again in a moment.`,
    );
  }
  return ok({ resource, region });
}

/** CodePipeline's refusals that mean "not in that state any more" become conflicts in words; the rest pass as read. */
function commandError(problem: SourceProblem): Result<never> {
  const { code, message, missingPermission, retryAt } = problem;
  const extra = {
    ...(missingPermission !== undefined ? { missingPermission } : {}),
    ...(retryAt !== undefined ? { retryAt } : {}),
  };
  if (message.includes('PipelineExecutionNotStoppableException'))
    return fail(
      'conflict',
      'CodePipeline says this execution can no longer be stopped: it has finished or is stopping already.',
    );
  if (message.includes('StageNotRetryableException'))
    return fail(
      'conflict',
      'CodePipeline says this stage cannot be retried now: it is not failed or a newer run holds it.',
    );
  if (message.includes('NotLatestPipelineExecutionException'))
    return fail(
      'conflict',
      'CodePipeline says a newer execution holds this stage now: only its latest run can be retried.',
    );
  if (message.includes('ConflictException'))
    return fail('conflict', 'CodePipeline refused because of a conflicting change in progress; try again in a moment.');
  return fail(code, message, extra);
}

/** Sends one command, logs its outcome with the ids, and has the pipeline read again when it went through. */
async function send(
  what: string,
  found: Found,
  ids: Record<string, unknown>,
  context: ActionContext,
  call: () => Promise<{ ok: true; value: string } | { ok: false; error: SourceProblem }>,
): Promise<Result<{ pipelineExecutionId: string }>> {
  const { region, resource } = found;
  const fields = { pipeline: resource.data.summary.name, source: resource.source, ...ids };
  context.log.info(`${what}: sending`, fields);
  const result = await call();
  if (!result.ok) {
    context.log.warn(`${what}: CodePipeline refused`, { ...fields, code: result.error.code });
    return commandError(result.error);
  }
  context.log.info(`${what}: sent`, { ...fields, pipelineExecutionId: result.value });
  context.nudge(pipelineTaskKey(region, resource.data.summary.name));
  return ok({ pipelineExecutionId: result.value });
}

export async function startPipeline(
  input: CommandInput<'codepipeline.executions.start'>,
  context: ActionContext,
): Promise<Result<CommandOutput<'codepipeline.executions.start'>>> {
  const found = findPipeline(input.pipelineId, context);
  if (!found.ok) return found;
  const name = found.value.resource.data.summary.name;
  return send('starting a pipeline execution', found.value, {}, context, () =>
    found.value.region.pipelines.startExecution(name),
  );
}

/** The execution as the snapshot shows it: in the history, or only in a stage's state (just started). */
export function executionStatusInSnapshot(
  resource: SnapshotResource<'pipeline'>,
  pipelineExecutionId: string,
): PipelineExecution['status'] | 'absent' {
  const listed = resource.data.executions?.find((e) => e.pipelineExecutionId === pipelineExecutionId);
  if (listed) return listed.status;
  const stages = resource.data.state?.stages ?? [];
  const running = stages.some(
    (s) =>
      (s.latestExecution?.pipelineExecutionId === pipelineExecutionId &&
        (s.latestExecution.status === 'InProgress' || s.latestExecution.status === 'Stopping')) ||
      s.inboundExecutions.some((e) => e.pipelineExecutionId === pipelineExecutionId),
  );
  return running ? 'InProgress' : 'absent';
}

export async function stopPipeline(
  input: CommandInput<'codepipeline.executions.stop'>,
  context: ActionContext,
): Promise<Result<CommandOutput<'codepipeline.executions.stop'>>> {
  const { pipelineId, pipelineExecutionId, abandon, reason } = input;
  const found = findPipeline(pipelineId, context);
  if (!found.ok) return found;
  const { resource, region } = found.value;
  const name = resource.data.summary.name;
  const status = executionStatusInSnapshot(resource, pipelineExecutionId);
  if (status === 'absent') {
    return fail('not-found', `Starboard does not know execution ${pipelineExecutionId} of ${name}. Nothing was sent.`);
  }
  if (status !== 'InProgress' && status !== 'Stopping') {
    return fail(
      'conflict',
      `Execution ${pipelineExecutionId} of ${name} is ${enumLabel(status)}, not running: there is nothing to stop.`,
    );
  }
  return send('stopping a pipeline execution', found.value, { pipelineExecutionId, abandon }, context, () =>
    region.pipelines.stopExecution(name, pipelineExecutionId, {
      abandon,
      ...(reason !== undefined && reason !== '' ? { reason } : {}),
    }),
  );
}

/** A stage's latest run can be retried when it failed or was stopped. */
const retryable = new Set(['Failed', 'Stopped']);

export async function retryStage(
  input: CommandInput<'codepipeline.stages.retry'>,
  context: ActionContext,
): Promise<Result<CommandOutput<'codepipeline.stages.retry'>>> {
  const { pipelineId, pipelineExecutionId, stageName, retryMode } = input;
  const found = findPipeline(pipelineId, context);
  if (!found.ok) return found;
  const { resource, region } = found.value;
  const name = resource.data.summary.name;
  const stage = resource.data.state?.stages.find((s) => s.name === stageName);
  if (!stage) {
    return fail('not-found', `Pipeline ${name} has no stage ${stageName} that Starboard read. Nothing was sent.`);
  }
  const latest = stage.latestExecution;
  if (latest?.pipelineExecutionId !== pipelineExecutionId) {
    return fail(
      'conflict',
      `Stage ${stageName} of ${name} last ran for another execution${latest ? ` (${latest.pipelineExecutionId})` : ''}: only its latest run can be retried.`,
    );
  }
  if (typeof latest.status !== 'string' || !retryable.has(latest.status)) {
    return fail(
      'conflict',
      `Stage ${stageName} of ${name} is ${enumLabel(latest.status)}: only a failed or stopped stage can be retried.`,
    );
  }
  return send('retrying a pipeline stage', found.value, { pipelineExecutionId, stageName, retryMode }, context, () =>
    region.pipelines.retryStage(name, stageName, pipelineExecutionId, retryMode),
  );
}

export async function pipelineActionExecutions(
  input: QueryInput<'codepipeline.actionExecutions'>,
  context: ActionContext,
): Promise<Result<QueryOutput<'codepipeline.actionExecutions'>>> {
  const { pipelineId, pipelineExecutionId } = input;
  const found = findPipeline(pipelineId, context);
  if (!found.ok) return found;
  const { resource, region } = found.value;
  const read = await region.pipelines.actionExecutions(resource.data.summary.name, pipelineExecutionId);
  if (!read.ok) {
    const { code, message, missingPermission, retryAt } = read.error;
    return fail(code, message, {
      ...(missingPermission !== undefined ? { missingPermission } : {}),
      ...(retryAt !== undefined ? { retryAt } : {}),
    });
  }
  return ok({
    pipelineId,
    pipelineExecutionId,
    actions: read.value,
    fetchedAt: new Date(context.now()).toISOString(),
  });
}
