// ListPipelines and GetPipeline responses to the shared pipeline model.
import type { GetPipelineOutput, PipelineSummary as SdkPipelineSummary } from '@aws-sdk/client-codepipeline';
import {
  actionCategories,
  actionOwners,
  executionModes,
  type PipelineDefinition,
  type PipelineSummary,
  pipelineTypes,
} from '../../../../shared/pipelines';
import type { AwsLocation } from '../../../../shared/sources';
import { consoleLinks } from '../console-links';
import { compact, enumValue, iso, type MappingContext, safeConfiguration } from './mapping-context';

/** CodePipeline ARNs are not in ListPipelines; they follow one pattern. */
export function pipelineArn(location: AwsLocation, name: string): string {
  return `arn:aws:codepipeline:${location.region}:${location.accountId}:${name}`;
}

export function mapSummary(ctx: MappingContext, raw: SdkPipelineSummary): PipelineSummary | undefined {
  if (raw.name === undefined) return undefined;
  return compact({
    name: raw.name,
    location: ctx.location,
    arn: pipelineArn(ctx.location, raw.name),
    version: raw.version ?? 0,
    pipelineType: enumValue(ctx, pipelineTypes, 'pipelineType', raw.pipelineType),
    executionMode: enumValue(ctx, executionModes, 'executionMode', raw.executionMode),
    created: iso(raw.created),
    updated: iso(raw.updated),
    consoleUrl: consoleLinks.pipeline(ctx.location.region, raw.name),
  });
}

export function mapDefinition(ctx: MappingContext, raw: GetPipelineOutput): PipelineDefinition | undefined {
  const p = raw.pipeline;
  if (p?.name === undefined) return undefined;
  return compact({
    name: p.name,
    location: ctx.location,
    arn: raw.metadata?.pipelineArn ?? pipelineArn(ctx.location, p.name),
    version: p.version ?? 0,
    // V1 pipelines predate the field: its absence means V1 and SUPERSEDED.
    pipelineType: enumValue(ctx, pipelineTypes, 'pipelineType', p.pipelineType ?? 'V1'),
    executionMode: enumValue(ctx, executionModes, 'executionMode', p.executionMode ?? 'SUPERSEDED'),
    created: iso(raw.metadata?.created),
    updated: iso(raw.metadata?.updated),
    consoleUrl: consoleLinks.pipeline(ctx.location.region, p.name),
    stages: (p.stages ?? []).map((stage) => ({
      name: stage.name ?? '',
      actions: (stage.actions ?? []).map((action) =>
        compact({
          name: action.name ?? '',
          category: enumValue(ctx, actionCategories, 'actionCategory', action.actionTypeId?.category),
          owner: enumValue(ctx, actionOwners, 'actionOwner', action.actionTypeId?.owner),
          provider: action.actionTypeId?.provider,
          runOrder: action.runOrder,
          configuration: safeConfiguration(action.configuration),
          outputArtifacts: action.outputArtifacts?.flatMap((a) => (a.name ? [a.name] : [])),
          timeoutInMinutes: action.timeoutInMinutes,
        }),
      ),
    })),
  });
}
