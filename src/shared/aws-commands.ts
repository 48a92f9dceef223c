// Inputs of the pipeline and build commands and queries the window sends:
// ids the hub minted into the snapshot (pipeline and build resource ids),
// checked strictly here so that main never acts on a value it did not mint.
import { z } from 'zod';
import type { LogLine, LogState } from './builds';
import type { ActionExecutionDetail } from './pipelines';
import type { ContractError } from './result';

/** `pipeline:<accountKey>:<region>:<name>` as snapshot.ts's pipelineId makes it. */
export const pipelineResourceIdSchema = z
  .string()
  .max(300)
  .regex(/^pipeline:[A-Za-z0-9][A-Za-z0-9._-]{0,63}:[a-z]{2}(-[a-z]+)+-\d{1,2}:[A-Za-z0-9.@_-]{1,100}$/);

/** CodePipeline execution ids are UUIDs; a little looser, for ids yet unseen. */
export const pipelineExecutionIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,100}$/);

/** Stage names as CodePipeline allows them. */
export const stageNameSchema = z.string().regex(/^[A-Za-z0-9.@_-]{1,100}$/);

/** A CodeBuild build ARN: `arn:<partition>:codebuild:<region>:<account>:build/<project>:<id>`. */
export const buildArnSchema = z
  .string()
  .max(400)
  .regex(
    /^arn:aws[a-z-]*:codebuild:[a-z]{2}(-[a-z]+)+-\d{1,2}:\d{12}:build\/[A-Za-z0-9][A-Za-z0-9_-]{0,254}:[A-Za-z0-9-]{1,100}$/,
  );

export const pipelineExecutionInputSchema = z
  .object({ pipelineId: pipelineResourceIdSchema, pipelineExecutionId: pipelineExecutionIdSchema })
  .strict();

export const startPipelineInputSchema = z.object({ pipelineId: pipelineResourceIdSchema }).strict();

export const stopPipelineInputSchema = pipelineExecutionInputSchema
  .extend({
    /** Abandon the actions in progress instead of letting them finish. */
    abandon: z.boolean(),
    /** Shown in the execution history; CodePipeline allows up to 200 characters. */
    reason: z.string().max(200).optional(),
  })
  .strict();

export const retryStageInputSchema = pipelineExecutionInputSchema
  .extend({ stageName: stageNameSchema, retryMode: z.enum(['FAILED_ACTIONS', 'ALL_ACTIONS']) })
  .strict();

export const pipelineExecutionOutputSchema = z.object({ pipelineExecutionId: z.string() });

export const buildInputSchema = z.object({ buildArn: buildArnSchema }).strict();

/** A build's log from line `from` on (0-based); the hub follows a running build's log while it is read. */
export const buildLogInputSchema = buildInputSchema.extend({ from: z.number().int().min(0).max(10_000_000) }).strict();

/** The actions of one pipeline execution (ListActionExecutions). */
export interface ActionExecutionsView {
  pipelineId: string;
  pipelineExecutionId: string;
  actions: ActionExecutionDetail[];
  fetchedAt: string;
}

/** Lines `from`..`from + lines.length` of a build's log, of `total` read so far. */
export interface BuildLogView {
  buildArn: string;
  from: number;
  lines: LogLine[];
  total: number;
  state: LogState;
  /** Lines dropped from the head because the log is longer than the hub keeps (the tail is kept). */
  droppedLines: number;
  /** The last read failed; the lines read before it stay valid. */
  problem?: ContractError;
}

/** Pushed when the hub read more of a log someone is reading, or the log ended. */
export interface BuildLogChanged {
  buildArn: string;
  total: number;
  state: LogState;
}
