// Runtime schemas of the AWS models as the snapshot persists them (CodePipeline,
// CodeBuild, CodeCommit). Objects strip keys they do not name, so only the
// fields listed here reach the file (RELIABILITY C04); a field added to a
// model must be added here too, or it is not kept across a restart (the
// snapshot-schema unit test fails to compile until it is).
import { z } from 'zod';
import { buildStatuses, environmentVariableTypes, reportStatuses } from './builds';
import {
  actionCategories,
  actionOwners,
  actionStatuses,
  executionModes,
  executionStatuses,
  pipelineTypes,
  safeConfigurationKeys,
  stageStatuses,
  triggerTypes,
} from './pipelines';
import { pullRequestStatuses } from './repositories';
import { errorCodes } from './result';

const text = z.string();
const optionalText = z.string().optional();

/** Known<T>: a value this build knows, or what AWS sent when it does not (RELIABILITY A14). */
export function known<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([z.enum(values), z.object({ unknown: text })]);
}

export const awsLocationSchema = z.object({ accountKey: text, accountId: text, region: text });

export const sourceProblemSchema = z.object({
  code: z.enum(errorCodes),
  message: text,
  missingPermission: optionalText,
  retryAt: optionalText,
  resource: optionalText,
});

export const freshnessSchema = z.object({ fetchedAt: text, problem: sourceProblemSchema.optional() });

const personSchema = z.object({ name: text, email: text });

// Pipelines -----------------------------------------------------------------

const safeKeys: ReadonlySet<string> = new Set(safeConfigurationKeys);

/** Action configuration keeps the keys safe to show only, whatever the source handed in (RELIABILITY A15). */
const configurationSchema = z
  .record(text, text)
  .transform((config) => Object.fromEntries(Object.entries(config).filter(([key]) => safeKeys.has(key))));

export const pipelineSummarySchema = z.object({
  name: text,
  location: awsLocationSchema,
  arn: text,
  version: z.number(),
  pipelineType: known(pipelineTypes).optional(),
  executionMode: known(executionModes).optional(),
  created: optionalText,
  updated: optionalText,
  consoleUrl: text,
});

const errorDetailsSchema = z.object({ code: optionalText, message: optionalText });

export const actionDetailSchema = z.object({
  name: text,
  category: known(actionCategories).optional(),
  owner: known(actionOwners).optional(),
  provider: optionalText,
  runOrder: z.number().optional(),
  configuration: configurationSchema,
  outputArtifacts: z.array(text).optional(),
  timeoutInMinutes: z.number().optional(),
  actionExecutionId: optionalText,
  status: known(actionStatuses).optional(),
  lastStatusChange: optionalText,
  lastUpdatedBy: optionalText,
  summary: optionalText,
  externalExecutionId: optionalText,
  externalExecutionUrl: optionalText,
  errorDetails: errorDetailsSchema.optional(),
  currentRevisionId: optionalText,
  revisionUrl: optionalText,
});

const stageExecutionRefSchema = z.object({ pipelineExecutionId: text, status: known(stageStatuses).optional() });

export const stageDetailSchema = z.object({
  name: text,
  latestExecution: stageExecutionRefSchema.optional(),
  inboundExecutions: z.array(stageExecutionRefSchema),
  transitionEnabled: z.boolean().optional(),
  actions: z.array(actionDetailSchema),
});

export const sourceRevisionSchema = z.object({
  actionName: text,
  revisionId: optionalText,
  revisionSummary: optionalText,
  commitMessage: optionalText,
  providerType: optionalText,
  author: personSchema.optional(),
  revisionUrl: optionalText,
});

export const approvalRefSchema = z.object({
  pipeline: text,
  stage: text,
  action: text,
  pipelineExecutionId: text,
  actionExecutionId: optionalText,
});

export const waitingApprovalSchema = z.object({
  ref: approvalRefSchema,
  location: awsLocationSchema,
  customData: optionalText,
  externalEntityLink: optionalText,
  requestedAt: optionalText,
  expiresAt: optionalText,
  sourceRevisions: z.array(sourceRevisionSchema),
  consoleUrl: text,
});

export const pipelineDetailSchema = z.object({
  name: text,
  location: awsLocationSchema,
  arn: optionalText,
  version: z.number().optional(),
  pipelineType: known(pipelineTypes).optional(),
  executionMode: known(executionModes).optional(),
  fetchedAt: text,
  definitionOutdated: z.boolean(),
  stages: z.array(stageDetailSchema),
  waitingApprovals: z.array(waitingApprovalSchema),
  consoleUrl: text,
});

export const pipelineExecutionSchema = z.object({
  pipelineName: text,
  pipelineExecutionId: text,
  status: known(executionStatuses).optional(),
  statusSummary: optionalText,
  trigger: z.object({ type: known(triggerTypes).optional(), detail: optionalText }).optional(),
  stopReason: optionalText,
  executionMode: known(executionModes).optional(),
  startTime: optionalText,
  lastUpdateTime: optionalText,
  sourceRevisions: z.array(sourceRevisionSchema),
  consoleUrl: text,
});

export const pipelineResourceSchema = z.object({
  summary: pipelineSummarySchema,
  state: pipelineDetailSchema.optional(),
  executions: z.array(pipelineExecutionSchema).optional(),
});

// Builds --------------------------------------------------------------------

const buildStatusSchema = z.enum([...buildStatuses, 'unknown']);

export const buildPhaseSchema = z.object({
  type: text,
  status: buildStatusSchema.optional(),
  rawStatus: optionalText,
  startTime: optionalText,
  endTime: optionalText,
  durationSeconds: z.number().optional(),
  reasons: z.array(z.object({ code: optionalText, message: text })),
});

export const testSummarySchema = z.object({
  total: z.number(),
  passed: z.number(),
  failed: z.number(),
  skipped: z.number(),
  durationMs: z.number(),
  status: z.enum([...reportStatuses, 'unknown']),
  rawStatus: optionalText,
  reports: z.number(),
});

export const buildSchema = z.object({
  id: text,
  arn: text,
  location: awsLocationSchema,
  project: text,
  status: buildStatusSchema,
  rawStatus: optionalText,
  number: z.number().optional(),
  currentPhase: optionalText,
  complete: z.boolean(),
  phases: z.array(buildPhaseSchema),
  initiator: optionalText,
  sourceVersion: optionalText,
  resolvedSourceVersion: optionalText,
  startTime: optionalText,
  endTime: optionalText,
  log: z.object({ group: text, stream: text, consoleUrl: text }).optional(),
  consoleUrl: text,
  /** Names and types only: a value is never carried, so none is read back either. */
  environmentVariables: z.array(z.object({ name: text, type: z.enum([...environmentVariableTypes, 'unknown']) })),
  exportedVariableNames: z.array(text),
  tests: testSummarySchema.optional(),
});

// Repositories ---------------------------------------------------------------

export const commitInfoSchema = z.object({
  id: text,
  subject: text,
  message: text,
  author: personSchema,
  date: optionalText,
  parents: z.array(text),
  consoleUrl: text,
});

export const pullRequestSchema = z.object({
  id: text,
  repository: text,
  title: text,
  description: optionalText,
  authorArn: optionalText,
  status: z.enum([...pullRequestStatuses, 'unknown']),
  rawStatus: optionalText,
  sourceBranch: optionalText,
  destinationBranch: optionalText,
  sourceCommit: optionalText,
  destinationCommit: optionalText,
  revisionId: text,
  created: optionalText,
  lastActivity: optionalText,
  approval: z.object({
    state: z.enum(['approved', 'pending', 'no-rules']),
    approvedBy: z.array(text),
    rules: z.array(z.object({ name: text, approvalsNeeded: z.number(), satisfied: z.boolean() })),
  }),
  merge: z.object({
    isMerged: z.boolean(),
    mergedBy: optionalText,
    mergeCommitId: optionalText,
    mergeOption: optionalText,
  }),
  consoleUrl: text,
});

export const watchedRepositorySchema = freshnessSchema.extend({
  repository: text,
  location: awsLocationSchema,
  defaultBranch: optionalText,
  heads: z.array(z.object({ branch: text, commitId: text })),
  recentCommits: z.array(commitInfoSchema),
  branches: z.array(text),
  pullRequests: z.array(pullRequestSchema),
  problems: z.array(sourceProblemSchema),
  consoleUrl: text,
});
