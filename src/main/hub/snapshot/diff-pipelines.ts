// Pipeline events: executions started and ended, stages failed, and the life
// of each manual approval (requested, then exactly one of decided, expired or
// withdrawn). A part read for the first time (no previous state, no previous
// executions) is a cold start: only what is waiting or failing now, marked as
// current state.
import type { ChangeEvent, ApprovalWithdrawnReason, ExecutionEventData } from '../../../shared/events';
import {
  approvalKey,
  enumLabel,
  type ApprovalRef,
  type ExecutionStatus,
  type PipelineDetail,
  type PipelineExecution,
  type WaitingApproval,
} from '../../../shared/pipelines';
import { resourcesOfKind, type PipelineResource, type Snapshot, type SnapshotResource } from '../../../shared/snapshot';
import { timeOf } from './bounds';
import { changeEvent, isNewerThanKnown, knownValue, locationOf, oneLine, refOf, shortId } from './diff-support';

type Pipeline = SnapshotResource<'pipeline'>;

export function diffPipelines(previous: Snapshot, next: Snapshot): ChangeEvent[] {
  return resourcesOfKind(next, 'pipeline').flatMap((resource) => {
    const before = previous.resources[resource.id];
    const prior = before?.kind === 'pipeline' ? before.data : undefined;
    return [
      ...executionEvents(resource, prior),
      ...stageEvents(resource, prior, next.updatedAt),
      ...approvalEvents(resource, prior, next.updatedAt),
    ];
  });
}

const endings = {
  Succeeded: 'pipeline.execution.succeeded',
  Failed: 'pipeline.execution.failed',
  Stopped: 'pipeline.execution.stopped',
} as const satisfies Partial<Record<ExecutionStatus, ChangeEvent['kind']>>;
type Ending = keyof typeof endings;

const isEnding = (status: ExecutionStatus | undefined): status is Ending =>
  status !== undefined && Object.hasOwn(endings, status);

function executionEvents(resource: Pipeline, prior: PipelineResource | undefined): ChangeEvent[] {
  const { executions } = resource.data;
  if (!executions) return [];
  if (!prior?.executions) {
    const latest = [...executions].sort((a, b) => timeOf(b.startTime) - timeOf(a.startTime))[0];
    return latest && knownValue(latest.status) === 'Failed' ? [executionEvent(resource, latest, 'current-state')] : [];
  }
  const before = new Map(prior.executions.map((e) => [e.pipelineExecutionId, e]));
  const knownStarts = prior.executions.map((e) => e.startTime);
  const events: ChangeEvent[] = [];
  // Oldest first, so a feed reads in the order things happened.
  for (const execution of [...executions].reverse()) {
    const status = knownValue(execution.status);
    const was = before.get(execution.pipelineExecutionId);
    if (was === undefined) {
      if (!isNewerThanKnown(execution.startTime, knownStarts)) continue;
      // One that started and ended between two reads is reported by its end only.
      if (status === 'InProgress') events.push(executionEvent(resource, execution, 'change'));
      else if (isEnding(status)) events.push(executionEvent(resource, execution, 'change'));
    } else if (isEnding(status) && knownValue(was.status) !== status) {
      events.push(executionEvent(resource, execution, 'change'));
    }
  }
  return events;
}

function executionEvent(resource: Pipeline, execution: PipelineExecution, origin: ChangeEvent['origin']): ChangeEvent {
  const status = knownValue(execution.status);
  const { name: pipeline, location } = resource.data.summary;
  const data: ExecutionEventData = {
    pipeline,
    location: locationOf(location),
    consoleUrl: execution.consoleUrl,
    executionId: execution.pipelineExecutionId,
    status: enumLabel(execution.status),
    statusSummary: execution.statusSummary,
    stopReason: execution.stopReason,
    trigger: execution.trigger?.type !== undefined ? enumLabel(execution.trigger.type) : undefined,
    revisions: execution.sourceRevisions.map(({ actionName, revisionId, commitMessage }) => ({
      actionName,
      revisionId,
      commitMessage,
    })),
  };
  const kind = isEnding(status) ? endings[status] : 'pipeline.execution.started';
  const commit = data.revisions.find((r) => r.commitMessage !== undefined)?.commitMessage;
  const summary = {
    'pipeline.execution.started': `Pipeline ${pipeline} started${commit ? `: ${oneLine(commit)}` : ''}`,
    'pipeline.execution.succeeded': `Pipeline ${pipeline} succeeded`,
    'pipeline.execution.failed':
      origin === 'current-state'
        ? `Pipeline ${pipeline} is failing: its last execution (${shortId(data.executionId)}) failed`
        : `Pipeline ${pipeline} failed${data.statusSummary ? `: ${oneLine(data.statusSummary)}` : ''}`,
    'pipeline.execution.stopped': `Pipeline ${pipeline} was stopped${data.stopReason ? `: ${oneLine(data.stopReason)}` : ''}`,
  }[kind];
  const at = execution.lastUpdateTime ?? execution.startTime ?? resource.freshness.fetchedAt;
  return changeEvent({
    kind,
    idParts: [resource.id, data.executionId],
    resourceId: resource.id,
    origin,
    at,
    summary,
    data,
  });
}

function stageEvents(resource: Pipeline, prior: PipelineResource | undefined, observedAt: string): ChangeEvent[] {
  const { state } = resource.data;
  // Cold: the failed execution, when there is one, already speaks for the pipeline.
  if (!state || !prior?.state) return [];
  const priorStages = prior.state.stages;
  const events: ChangeEvent[] = [];
  for (const stage of state.stages) {
    const latest = stage.latestExecution;
    if (!latest || knownValue(latest.status) !== 'Failed') continue;
    const was = priorStages.find((s) => s.name === stage.name)?.latestExecution;
    if (was?.pipelineExecutionId === latest.pipelineExecutionId && knownValue(was.status) === 'Failed') continue;
    const failed = stage.actions.filter((a) => knownValue(a.status) === 'Failed');
    // A retried stage fails again in the same execution with new action runs: a new event.
    const attempt = failed.find((a) => a.actionExecutionId !== undefined)?.actionExecutionId;
    const first = failed[0];
    const reason = first
      ? `: ${first.name}${first.errorDetails?.message ? ` (${oneLine(first.errorDetails.message)})` : ''}`
      : '';
    events.push(
      changeEvent({
        kind: 'pipeline.stage.failed',
        idParts: [resource.id, stage.name, latest.pipelineExecutionId, ...(attempt ? [attempt] : [])],
        resourceId: resource.id,
        origin: 'change',
        at: first?.lastStatusChange ?? observedAt,
        summary: `Pipeline ${state.name}: stage ${stage.name} failed${reason}`,
        data: {
          pipeline: state.name,
          location: locationOf(state.location),
          consoleUrl: state.consoleUrl,
          stage: stage.name,
          executionId: latest.pipelineExecutionId,
          failedActions: failed.map((a) => ({
            name: a.name,
            code: a.errorDetails?.code,
            message: a.errorDetails?.message,
          })),
        },
      }),
    );
  }
  return events;
}

type ApprovalEnd =
  | { kind: 'waiting' }
  | { kind: 'decided'; outcome: 'approved' | 'rejected'; by: string; comment?: string; at?: string }
  | { kind: 'expired'; at?: string }
  | { kind: 'withdrawn'; reason: ApprovalWithdrawnReason };

/** How an approval that left the waiting list ended, read from the action in the new state (as approval-observe reads it). */
export function approvalEnd(state: PipelineDetail, ref: ApprovalRef): ApprovalEnd {
  const stage = state.stages.find((s) => s.name === ref.stage);
  const action = stage?.actions.find((a) => a.name === ref.action);
  if (!stage || !action) return { kind: 'withdrawn', reason: 'removed' };
  const sameRun =
    stage.latestExecution?.pipelineExecutionId === ref.pipelineExecutionId &&
    (ref.actionExecutionId === undefined || action.actionExecutionId === ref.actionExecutionId);
  if (!sameRun) return { kind: 'withdrawn', reason: 'superseded' };
  const status = knownValue(action.status);
  const at = action.lastStatusChange;
  if ((status === 'Succeeded' || status === 'Failed') && action.lastUpdatedBy !== undefined) {
    const outcome = status === 'Succeeded' ? 'approved' : 'rejected';
    return { kind: 'decided', outcome, by: action.lastUpdatedBy, comment: action.summary, at };
  }
  if (status === 'Failed') return { kind: 'expired', at };
  if (status === 'Abandoned') return { kind: 'withdrawn', reason: 'stopped' };
  // Still in progress (or a status this build does not know): not over yet as far as we can tell.
  return { kind: 'waiting' };
}

const withdrawnText: Record<ApprovalWithdrawnReason, string> = {
  superseded: 'a newer run holds the action now',
  stopped: 'the execution was stopped',
  removed: 'the action is no longer in the pipeline',
};

function approvalEvents(resource: Pipeline, prior: PipelineResource | undefined, observedAt: string): ChangeEvent[] {
  const { state } = resource.data;
  if (!state) return [];
  const base = (w: WaitingApproval) => ({
    pipeline: w.ref.pipeline,
    location: locationOf(w.location),
    consoleUrl: w.consoleUrl,
    ref: refOf(w.ref),
    requestedAt: w.requestedAt,
    expiresAt: w.expiresAt,
    customData: w.customData,
  });
  const idParts = ({ ref }: WaitingApproval) => [resource.id, ref.stage, ref.action, ref.pipelineExecutionId];
  const what = ({ ref }: WaitingApproval) => `${ref.stage} / ${ref.action} in ${ref.pipeline}`;
  const common = (w: WaitingApproval) => ({ idParts: idParts(w), resourceId: resource.id });
  const requested = (w: WaitingApproval, origin: ChangeEvent['origin']): ChangeEvent =>
    changeEvent({
      kind: 'approval.requested',
      ...common(w),
      origin,
      at: w.requestedAt ?? observedAt,
      summary: `${w.ref.pipeline} waits for approval at ${w.ref.stage} / ${w.ref.action}`,
      data: base(w),
    });

  if (!prior?.state) return state.waitingApprovals.map((w) => requested(w, 'current-state'));
  const before = new Set(prior.state.waitingApprovals.map((w) => approvalKey(w.ref)));
  const now = new Set(state.waitingApprovals.map((w) => approvalKey(w.ref)));
  const events = state.waitingApprovals
    .filter((w) => !before.has(approvalKey(w.ref)))
    .map((w) => requested(w, 'change'));
  for (const w of prior.state.waitingApprovals.filter((p) => !now.has(approvalKey(p.ref)))) {
    const end = approvalEnd(state, w.ref);
    if (end.kind === 'decided') {
      const who = end.by.split('/').pop() ?? end.by;
      events.push(
        changeEvent({
          kind: 'approval.decided',
          ...common(w),
          origin: 'change',
          at: end.at ?? observedAt,
          summary: `${what(w)} was ${end.outcome} by ${who}`,
          data: { ...base(w), outcome: end.outcome, by: end.by, comment: end.comment },
        }),
      );
    } else if (end.kind === 'expired') {
      const summary = `The approval of ${what(w)} expired without an answer`;
      events.push(
        changeEvent({
          kind: 'approval.expired',
          ...common(w),
          origin: 'change',
          at: end.at ?? observedAt,
          summary,
          data: base(w),
        }),
      );
    } else if (end.kind === 'withdrawn') {
      const summary = `The approval of ${what(w)} no longer waits: ${withdrawnText[end.reason]}`;
      const data = { ...base(w), reason: end.reason };
      events.push(
        changeEvent({ kind: 'approval.withdrawn', ...common(w), origin: 'change', at: observedAt, summary, data }),
      );
    }
  }
  return events;
}
