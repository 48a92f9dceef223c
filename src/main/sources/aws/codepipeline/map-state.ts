// GetPipelineState, merged with the cached definition, to the shared
// PipelineDetail; the waiting approvals are read off the same response. The
// approval tokens are returned beside the model, for main only.
import type {
  ActionState,
  GetPipelineStateOutput,
  StageExecution,
  StageState as SdkStageState,
} from '@aws-sdk/client-codepipeline';
import {
  type ActionDefinition,
  type ActionDetail,
  actionStatuses,
  approvalKey,
  type PipelineDefinition,
  type PipelineDetail,
  type SourceRevision,
  type StageDetail,
  type StageExecutionRef,
  stageStatuses,
  type WaitingApproval,
} from '../../../../shared/pipelines';
import { consoleLinks } from '../console-links';
import { compact, enumValue, iso, type MappingContext } from './mapping-context';

/** CodePipeline fails a manual approval after 7 days unless the action sets timeoutInMinutes. */
export const defaultApprovalTimeoutMinutes = 7 * 24 * 60;

export interface MappedState {
  detail: PipelineDetail;
  /** approvalKey(ref) → the token of each waiting approval (SUPERSEDED/QUEUED mode only). */
  tokens: Map<string, string>;
}

export interface StateInputs {
  name: string;
  state: GetPipelineStateOutput;
  definition?: PipelineDefinition;
  /** Source revisions of executions already read, by execution id. */
  revisions: (pipelineExecutionId: string) => SourceRevision[] | undefined;
  fetchedAt: Date;
}

export function mapState(ctx: MappingContext, input: StateInputs): MappedState {
  const { name, state, definition } = input;
  const tokens = new Map<string, string>();
  const waitingApprovals: WaitingApproval[] = [];
  const stages = (state.stageStates ?? []).map((stage): StageDetail => {
    const stageName = stage.stageName ?? '';
    const declared = definition?.stages.find((s) => s.name === stageName);
    const latestExecution = stageExecution(ctx, stage.latestExecution);
    const actions = (stage.actionStates ?? []).map((action) => {
      const declaredAction = declared?.actions.find((a) => a.name === action.actionName);
      const approval = waitingApproval(ctx, input, stageName, latestExecution, action, declaredAction);
      if (approval) {
        waitingApprovals.push(approval.waiting);
        tokens.set(approvalKey(approval.waiting.ref), approval.token);
      }
      return actionDetail(ctx, action, declaredAction);
    });
    return compact({
      name: stageName,
      latestExecution,
      inboundExecutions: inbound(ctx, stage),
      transitionEnabled: stage.inboundTransitionState?.enabled,
      actions,
    });
  });
  const detail: PipelineDetail = compact({
    name,
    location: ctx.location,
    arn: definition?.arn,
    version: state.pipelineVersion ?? definition?.version,
    pipelineType: definition?.pipelineType,
    executionMode: definition?.executionMode,
    fetchedAt: input.fetchedAt.toISOString(),
    definitionOutdated: definition === undefined || definition.version !== state.pipelineVersion,
    stages,
    waitingApprovals,
    consoleUrl: consoleLinks.pipeline(ctx.location.region, name),
  });
  return { detail, tokens };
}

function stageExecution(ctx: MappingContext, raw: StageExecution | undefined): StageExecutionRef | undefined {
  if (raw?.pipelineExecutionId === undefined) return undefined;
  return compact({
    pipelineExecutionId: raw.pipelineExecutionId,
    status: enumValue(ctx, stageStatuses, 'stageStatus', raw.status),
  });
}

function inbound(ctx: MappingContext, stage: SdkStageState): StageExecutionRef[] {
  const all = [...(stage.inboundExecutions ?? []), ...(stage.inboundExecution ? [stage.inboundExecution] : [])];
  const seen = new Set<string>();
  const out: StageExecutionRef[] = [];
  for (const raw of all) {
    const ref = stageExecution(ctx, raw);
    if (ref && !seen.has(ref.pipelineExecutionId)) {
      seen.add(ref.pipelineExecutionId);
      out.push(ref);
    }
  }
  return out;
}

function isApproval(declared: ActionDefinition | undefined, action: ActionState): boolean {
  return declared?.category === 'Approval' || declared?.provider === 'Manual' || !!action.latestExecution?.token;
}

function actionDetail(ctx: MappingContext, action: ActionState, declared: ActionDefinition | undefined): ActionDetail {
  const latest = action.latestExecution;
  return compact({
    ...(declared ?? { name: action.actionName ?? '', configuration: {} }),
    actionExecutionId: latest?.actionExecutionId,
    status: enumValue(ctx, actionStatuses, 'actionStatus', latest?.status),
    lastStatusChange: iso(latest?.lastStatusChange),
    lastUpdatedBy: latest?.lastUpdatedBy,
    summary: latest?.summary,
    // For an approval the external id can be the token itself: never let it out of main.
    externalExecutionId: isApproval(declared, action) ? undefined : latest?.externalExecutionId,
    externalExecutionUrl: latest?.externalExecutionUrl,
    errorDetails: latest?.errorDetails ? compact({ ...latest.errorDetails }) : undefined,
    currentRevisionId: action.currentRevision?.revisionId,
    revisionUrl: action.revisionUrl,
  });
}

function waitingApproval(
  ctx: MappingContext,
  input: StateInputs,
  stageName: string,
  stageExecutionRef: StageExecutionRef | undefined,
  action: ActionState,
  declared: ActionDefinition | undefined,
): { waiting: WaitingApproval; token: string } | undefined {
  const latest = action.latestExecution;
  // SUPERSEDED/QUEUED: the token in the state belongs to the execution holding the stage.
  if (latest?.status !== 'InProgress' || !latest.token || !stageExecutionRef || !action.actionName) return undefined;
  const requestedAt = latest.lastStatusChange;
  const timeout = declared?.timeoutInMinutes ?? defaultApprovalTimeoutMinutes;
  const { pipelineExecutionId } = stageExecutionRef;
  const waiting: WaitingApproval = compact({
    ref: compact({
      pipeline: input.name,
      stage: stageName,
      action: action.actionName,
      pipelineExecutionId,
      actionExecutionId: latest.actionExecutionId,
    }),
    location: ctx.location,
    customData: declared?.configuration.CustomData,
    externalEntityLink: declared?.configuration.ExternalEntityLink,
    requestedAt: iso(requestedAt),
    expiresAt: requestedAt ? new Date(requestedAt.getTime() + timeout * 60_000).toISOString() : undefined,
    sourceRevisions: input.revisions(pipelineExecutionId) ?? [],
    consoleUrl: consoleLinks.pipelineExecution(ctx.location.region, input.name, pipelineExecutionId),
  });
  return { waiting, token: latest.token };
}
