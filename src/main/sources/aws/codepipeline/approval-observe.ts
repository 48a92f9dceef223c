// What CodePipeline says about one approval right now: still waiting (with
// its current token), decided, expired, stopped or replaced. Read before every
// PutApprovalResult and after every failed one (RELIABILITY P02-P06).
import {
  type ActionExecutionDetail,
  type CodePipelineClient,
  GetPipelineStateCommand,
  type GetPipelineStateOutput,
  paginateListActionExecutions,
} from '@aws-sdk/client-codepipeline';
import type { ApprovalRef } from '../../../../shared/pipelines';
import { collectPages } from '../batching';
import { mapPages, type SourceResult, tryCall } from './calls';

export type Observation =
  | { kind: 'waiting'; token: string; actionExecutionId?: string }
  | { kind: 'done'; status: string; by?: string; summary?: string; error?: string }
  | { kind: 'superseded'; currentExecutionId?: string }
  | { kind: 'missing' }
  /** PARALLEL mode only: more than one waiting run of the action in the execution. */
  | { kind: 'ambiguous' };

/** Reads the approval's state: GetPipelineState, or ListActionExecutions in PARALLEL mode. */
export async function observeApproval(
  client: CodePipelineClient,
  ref: ApprovalRef,
  parallel: boolean,
): Promise<SourceResult<Observation>> {
  if (parallel) {
    const runs = await tryCall('codepipeline:ListActionExecutions', ref.pipeline, () =>
      collectPages((startingToken) =>
        paginateListActionExecutions(
          { client, startingToken },
          { pipelineName: ref.pipeline, filter: { pipelineExecutionId: ref.pipelineExecutionId } },
        ),
      ),
    ).then((r) => mapPages(r, (page) => page.actionExecutionDetails ?? []));
    return runs.ok ? { ok: true, value: fromActionExecutions(runs.value, ref) } : runs;
  }
  const state = await tryCall('codepipeline:GetPipelineState', ref.pipeline, () =>
    client.send(new GetPipelineStateCommand({ name: ref.pipeline })),
  );
  return state.ok ? { ok: true, value: fromState(state.value, ref) } : state;
}

/** SUPERSEDED/QUEUED: the token is on the action's latest execution, if that belongs to the reviewed execution. */
export function fromState(state: GetPipelineStateOutput, ref: ApprovalRef): Observation {
  const stage = state.stageStates?.find((s) => s.stageName === ref.stage);
  const action = stage?.actionStates?.find((a) => a.actionName === ref.action);
  if (!stage || !action) return { kind: 'missing' };
  const current = stage.latestExecution?.pipelineExecutionId;
  if (current !== ref.pipelineExecutionId) return { kind: 'superseded', currentExecutionId: current };
  const latest = action.latestExecution;
  if (!latest) return { kind: 'missing' };
  if (ref.actionExecutionId !== undefined && latest.actionExecutionId !== ref.actionExecutionId) {
    // The stage ran again in the same execution (a retry): a new request, not the one reviewed.
    return { kind: 'superseded', currentExecutionId: current };
  }
  if (latest.status === 'InProgress' && latest.token) {
    return { kind: 'waiting', token: latest.token, actionExecutionId: latest.actionExecutionId };
  }
  return {
    kind: 'done',
    status: latest.status ?? 'unknown',
    by: latest.lastUpdatedBy,
    summary: latest.summary,
    error: latest.errorDetails?.message,
  };
}

/**
 * PARALLEL: GetPipelineState has no token; ListActionExecutions for the
 * reviewed execution carries it as output.executionResult.externalExecutionId.
 * More than one waiting run is ambiguous and refused.
 */
export function fromActionExecutions(details: ActionExecutionDetail[], ref: ApprovalRef): Observation {
  const runs = details.filter(
    (d) =>
      d.pipelineExecutionId === ref.pipelineExecutionId && d.stageName === ref.stage && d.actionName === ref.action,
  );
  if (runs.length === 0) return { kind: 'missing' };
  const waiting = runs.filter((d) => d.status === 'InProgress');
  if (waiting.length > 1) return { kind: 'ambiguous' };
  const open = waiting[0];
  const token = open?.output?.executionResult?.externalExecutionId;
  if (open && token) {
    if (ref.actionExecutionId !== undefined && open.actionExecutionId !== ref.actionExecutionId) {
      return { kind: 'superseded', currentExecutionId: ref.pipelineExecutionId };
    }
    return { kind: 'waiting', token, actionExecutionId: open.actionExecutionId };
  }
  const newest = [...runs].sort((a, b) => (b.lastUpdateTime?.getTime() ?? 0) - (a.lastUpdateTime?.getTime() ?? 0))[0];
  return {
    kind: 'done',
    status: newest?.status ?? 'unknown',
    by: newest?.updatedBy,
    summary: newest?.output?.executionResult?.externalExecutionSummary,
    error: newest?.output?.executionResult?.errorDetails?.message,
  };
}
