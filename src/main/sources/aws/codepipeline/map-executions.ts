// Execution history, source revisions and action runs to the shared model.
import type {
  ActionExecutionDetail as SdkActionExecutionDetail,
  GetPipelineExecutionOutput,
  PipelineExecutionSummary,
  SourceRevision as SdkSourceRevision,
} from '@aws-sdk/client-codepipeline';
import {
  actionCategories,
  type ActionExecutionDetail,
  actionStatuses,
  executionModes,
  executionStatuses,
  type LogLink,
  type PipelineDefinition,
  type PipelineExecution,
  type SourceRevision,
  triggerTypes,
} from '../../../../shared/pipelines';
import { consoleLinks } from '../console-links';
import { compact, enumValue, iso, type MappingContext, safeConfiguration } from './mapping-context';

export function mapExecution(
  ctx: MappingContext,
  pipelineName: string,
  raw: PipelineExecutionSummary,
): PipelineExecution | undefined {
  if (raw.pipelineExecutionId === undefined) return undefined;
  return compact({
    pipelineName,
    pipelineExecutionId: raw.pipelineExecutionId,
    status: enumValue(ctx, executionStatuses, 'executionStatus', raw.status),
    statusSummary: raw.statusSummary,
    trigger: raw.trigger
      ? compact({
          type: enumValue(ctx, triggerTypes, 'triggerType', raw.trigger.triggerType),
          detail: raw.trigger.triggerDetail,
        })
      : undefined,
    stopReason: raw.stopTrigger?.reason,
    executionMode: enumValue(ctx, executionModes, 'executionMode', raw.executionMode),
    startTime: iso(raw.startTime),
    lastUpdateTime: iso(raw.lastUpdateTime),
    sourceRevisions: (raw.sourceRevisions ?? []).map(mapRevision),
    consoleUrl: consoleLinks.pipelineExecution(ctx.location.region, pipelineName, raw.pipelineExecutionId),
  });
}

export function mapRevision(raw: SdkSourceRevision): SourceRevision {
  return compact({
    actionName: raw.actionName ?? '',
    revisionId: raw.revisionId,
    revisionUrl: raw.revisionUrl,
    revisionSummary: raw.revisionSummary,
    ...parseRevisionSummary(raw.revisionSummary),
  });
}

/**
 * CodeCommit gives the commit message as the summary; connections
 * (CodeStarSourceConnection) give a JSON document with ProviderType and
 * CommitMessage. Anything else is shown as it came.
 */
export function parseRevisionSummary(summary: string | undefined): { commitMessage?: string; providerType?: string } {
  if (summary === undefined) return {};
  if (summary.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(summary);
      if (typeof parsed === 'object' && parsed !== null) {
        const { CommitMessage, ProviderType } = parsed as { CommitMessage?: unknown; ProviderType?: unknown };
        return compact({
          commitMessage: typeof CommitMessage === 'string' ? CommitMessage : undefined,
          providerType: typeof ProviderType === 'string' ? ProviderType : undefined,
        });
      }
    } catch {
      // Not JSON after all: a commit message that starts with a brace.
    }
  }
  return { commitMessage: summary };
}

/** GetPipelineExecution names artifacts, not actions: the definition says which action produced each. */
export function revisionsOfExecution(
  raw: GetPipelineExecutionOutput,
  definition: PipelineDefinition | undefined,
): SourceRevision[] {
  const producer = new Map<string, string>();
  for (const stage of definition?.stages ?? [])
    for (const action of stage.actions)
      for (const artifact of action.outputArtifacts ?? []) producer.set(artifact, action.name);
  return (raw.pipelineExecution?.artifactRevisions ?? []).map((r) =>
    mapRevision({
      actionName: (r.name && producer.get(r.name)) ?? r.name,
      revisionId: r.revisionId,
      revisionSummary: r.revisionSummary,
      revisionUrl: r.revisionUrl,
    }),
  );
}

export function mapActionExecution(
  ctx: MappingContext,
  raw: SdkActionExecutionDetail,
): ActionExecutionDetail | undefined {
  if (raw.actionExecutionId === undefined || raw.pipelineExecutionId === undefined) return undefined;
  const typeId = raw.input?.actionTypeId;
  const result = raw.output?.executionResult;
  const approval = typeId?.category === 'Approval' || typeId?.provider === 'Manual';
  return compact({
    pipelineExecutionId: raw.pipelineExecutionId,
    actionExecutionId: raw.actionExecutionId,
    stageName: raw.stageName ?? '',
    actionName: raw.actionName ?? '',
    category: enumValue(ctx, actionCategories, 'actionCategory', typeId?.category),
    provider: typeId?.provider,
    status: enumValue(ctx, actionStatuses, 'actionStatus', raw.status),
    startTime: iso(raw.startTime),
    lastUpdateTime: iso(raw.lastUpdateTime),
    updatedBy: raw.updatedBy,
    input: {
      configuration: safeConfiguration(raw.input?.configuration),
      artifacts: (raw.input?.inputArtifacts ?? []).flatMap((a) => (a.name ? [a.name] : [])),
    },
    output: compact({
      artifacts: (raw.output?.outputArtifacts ?? []).flatMap((a) => (a.name ? [a.name] : [])),
      summary: result?.externalExecutionSummary,
      // In PARALLEL mode an approval's externalExecutionId is its token (RELIABILITY P05).
      externalExecutionId: approval ? undefined : result?.externalExecutionId,
      externalExecutionUrl: result?.externalExecutionUrl,
      errorDetails: result?.errorDetails ? compact({ ...result.errorDetails }) : undefined,
    }),
    logLinks: logLinks(ctx, typeId?.provider, approval ? undefined : result?.externalExecutionId, result?.logStreamARN),
  });
}

const logStreamArn = /^arn:aws[a-z-]*:logs:([^:]+):\d*:log-group:(.+):log-stream:(.+)$/;

function logLinks(
  ctx: MappingContext,
  provider: string | undefined,
  externalId: string | undefined,
  logStreamARN: string | undefined,
): LogLink[] {
  const links: LogLink[] = [];
  const stream = logStreamARN ? logStreamArn.exec(logStreamARN) : null;
  if (stream?.[1] && stream[2] && stream[3]) {
    links.push({ label: 'CloudWatch log stream', url: consoleLinks.logStream(stream[1], stream[2], stream[3]) });
  }
  if (provider === 'CodeBuild' && externalId?.includes(':')) {
    links.push({
      label: 'CodeBuild build',
      url: consoleLinks.build(ctx.location.region, ctx.location.accountId, externalId),
    });
  }
  return links;
}
