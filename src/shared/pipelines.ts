// CodePipeline as the UI sees it: pipelines, their stages and actions, the
// executions and the approvals waiting. Plain serializable data: no SDK
// shapes, and never an approval token (tokens stay in main, RELIABILITY P01-P05).
import type { Person } from './repositories';
import type { ContractError } from './result';
import type { AwsLocation } from './sources';

/** A value AWS sent that this build does not know yet; shown as "unknown (X)" (RELIABILITY A14). */
export interface UnknownValue {
  unknown: string;
}
export type Known<T extends string> = T | UnknownValue;

export const pipelineTypes = ['V1', 'V2'] as const;
export const executionModes = ['SUPERSEDED', 'QUEUED', 'PARALLEL'] as const;
export const actionCategories = ['Source', 'Build', 'Test', 'Deploy', 'Approval', 'Invoke', 'Compute'] as const;
export const actionOwners = ['AWS', 'ThirdParty', 'Custom'] as const;
export const executionStatuses = [
  'Cancelled',
  'InProgress',
  'Stopped',
  'Stopping',
  'Succeeded',
  'Superseded',
  'Failed',
] as const;
export const stageStatuses = [
  'Cancelled',
  'Failed',
  'InProgress',
  'Skipped',
  'Stopped',
  'Stopping',
  'Succeeded',
] as const;
export const actionStatuses = ['Abandoned', 'Failed', 'InProgress', 'Succeeded'] as const;
export const triggerTypes = [
  'AutomatedRollback',
  'CloudWatchEvent',
  'CreatePipeline',
  'ManualRollback',
  'PollForSourceChanges',
  'PutActionRevision',
  'StartPipelineExecution',
  'Webhook',
  'WebhookV2',
] as const;

export type PipelineType = (typeof pipelineTypes)[number];
export type ExecutionMode = (typeof executionModes)[number];
export type ActionCategory = (typeof actionCategories)[number];
export type ActionOwner = (typeof actionOwners)[number];
export type ExecutionStatus = (typeof executionStatuses)[number];
export type StageStatus = (typeof stageStatuses)[number];
export type ActionStatus = (typeof actionStatuses)[number];
export type TriggerType = (typeof triggerTypes)[number];

/** The text to show for a known or unknown enum value. */
export function enumLabel(value: Known<string> | undefined): string {
  if (value === undefined) return 'unknown';
  return typeof value === 'string' ? value : `unknown (${value.unknown})`;
}

/** One row of the pipelines list (ListPipelines). No run state: that comes from PipelineDetail. */
export interface PipelineSummary {
  name: string;
  location: AwsLocation;
  arn: string;
  version: number;
  pipelineType?: Known<PipelineType>;
  executionMode?: Known<ExecutionMode>;
  created?: string;
  updated?: string;
  consoleUrl: string;
}

/** A declared action. `configuration` holds only keys safe to show (see safeConfigurationKeys). */
export interface ActionDefinition {
  name: string;
  category?: Known<ActionCategory>;
  owner?: Known<ActionOwner>;
  provider?: string;
  runOrder?: number;
  configuration: Record<string, string>;
  /** Names of the artifacts the action produces (a source action's artifact names its revision). */
  outputArtifacts?: string[];
  /** Manual approvals: how long the request waits before it fails (CodePipeline's default: 7 days). */
  timeoutInMinutes?: number;
}

export interface StageDefinition {
  name: string;
  actions: ActionDefinition[];
}

/** GetPipeline, cached by version. */
export interface PipelineDefinition extends PipelineSummary {
  stages: StageDefinition[];
}

/**
 * Configuration keys shown and used for project discovery. Everything else is
 * dropped: action configuration can carry secrets (CodeBuild
 * EnvironmentVariables in plain text, a GitHub v1 OAuthToken; RELIABILITY A15).
 */
export const safeConfigurationKeys = [
  'ConnectionArn',
  'FullRepositoryId',
  'BranchName',
  'RepositoryName',
  'ProjectName',
  'ApplicationName',
  'DeploymentGroupName',
  'EnvironmentName',
  'CustomData',
  'ExternalEntityLink',
  'S3Bucket',
  'S3ObjectKey',
  // S3 deploy actions name their target this way; CloudFormation says whether it deploys or only plans.
  'BucketName',
  'ObjectKey',
  'ActionMode',
  'StackName',
  'ClusterName',
  'ServiceName',
  'FunctionName',
  'ImageRepositoryName',
  'ImageTag',
  // GitHub (v1) source actions name the repository this way; not secrets (OAuthToken is never kept).
  'Owner',
  'Repo',
] as const;

export interface StageExecutionRef {
  pipelineExecutionId: string;
  status?: Known<StageStatus>;
}

export interface ActionErrorDetails {
  code?: string;
  message?: string;
}

/** An action with its declaration (when the definition is cached) and its latest run. */
export interface ActionDetail extends ActionDefinition {
  actionExecutionId?: string;
  status?: Known<ActionStatus>;
  lastStatusChange?: string;
  lastUpdatedBy?: string;
  summary?: string;
  /** A build id, deployment id, commit…; never shown for approvals (there it can be the token). */
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  errorDetails?: ActionErrorDetails;
  /** Source actions: the revision the latest execution used. */
  currentRevisionId?: string;
  revisionUrl?: string;
}

export interface StageDetail {
  name: string;
  latestExecution?: StageExecutionRef;
  /** Executions waiting to enter (one in SUPERSEDED mode, several in QUEUED/PARALLEL). */
  inboundExecutions: StageExecutionRef[];
  transitionEnabled?: boolean;
  actions: ActionDetail[];
}

/** What GetPipelineState says now, merged with the cached definition. */
export interface PipelineDetail {
  name: string;
  location: AwsLocation;
  arn?: string;
  version?: number;
  pipelineType?: Known<PipelineType>;
  executionMode?: Known<ExecutionMode>;
  /** When GetPipelineState answered (ISO 8601). */
  fetchedAt: string;
  /** The state's pipeline version differs from the cached definition: read the definition again. */
  definitionOutdated: boolean;
  stages: StageDetail[];
  waitingApprovals: WaitingApproval[];
  consoleUrl: string;
}

export interface SourceRevision {
  actionName: string;
  revisionId?: string;
  /** The raw summary AWS gives (for connections a JSON document). */
  revisionSummary?: string;
  /** The commit message, parsed out of the summary. */
  commitMessage?: string;
  /** For connections: GitHub, Bitbucket, GitLab… */
  providerType?: string;
  /**
   * CodeCommit sources only, read from the commit (BatchGetCommits). A
   * connection's summary names no author, so GitHub and the like have none.
   */
  author?: Person;
  revisionUrl?: string;
}

export interface PipelineExecution {
  pipelineName: string;
  pipelineExecutionId: string;
  status?: Known<ExecutionStatus>;
  statusSummary?: string;
  trigger?: { type?: Known<TriggerType>; detail?: string };
  stopReason?: string;
  executionMode?: Known<ExecutionMode>;
  startTime?: string;
  lastUpdateTime?: string;
  sourceRevisions: SourceRevision[];
  consoleUrl: string;
}

export interface LogLink {
  label: string;
  url: string;
}

/** One action run (ListActionExecutions). */
export interface ActionExecutionDetail {
  pipelineExecutionId: string;
  actionExecutionId: string;
  stageName: string;
  actionName: string;
  category?: Known<ActionCategory>;
  provider?: string;
  status?: Known<ActionStatus>;
  startTime?: string;
  lastUpdateTime?: string;
  updatedBy?: string;
  input: { configuration: Record<string, string>; artifacts: string[] };
  output: {
    artifacts: string[];
    summary?: string;
    /** Omitted for approvals: in PARALLEL mode it is the approval token. */
    externalExecutionId?: string;
    externalExecutionUrl?: string;
    errorDetails?: ActionErrorDetails;
  };
  logLinks: LogLink[];
}

/** The approval as the user reviewed it: one action of one execution. */
export interface ApprovalRef {
  pipeline: string;
  stage: string;
  action: string;
  pipelineExecutionId: string;
  /** The action execution the user saw; a re-run of the stage makes a new one. */
  actionExecutionId?: string;
}

export interface WaitingApproval {
  ref: ApprovalRef;
  location: AwsLocation;
  customData?: string;
  externalEntityLink?: string;
  requestedAt?: string;
  /** requestedAt + the action's timeoutInMinutes (default 7 days). */
  expiresAt?: string;
  /** What would ship: the execution's source revisions, when known. */
  sourceRevisions: SourceRevision[];
  consoleUrl: string;
}

export type ApprovalDecision = 'approve' | 'reject';

/** Why a decision was not (or may not have been) applied. */
export type ApprovalFailureReason =
  | 'superseded' // a newer execution (or a re-run of the stage) holds the action now
  | 'decided' // someone already approved or rejected it
  | 'expired' // the request timed out
  | 'stopped' // the execution was stopped and the action abandoned
  | 'not-waiting' // the action is not waiting for a decision
  | 'ambiguous' // PARALLEL mode: more than one waiting run of the action
  | 'outcome-unknown' // the request may or may not have reached AWS and the state does not show it
  | 'invalid-summary'
  | 'request-failed';

export interface ApprovalProblem extends ContractError {
  reason: ApprovalFailureReason;
  /** For 'decided': who decided, what they wrote and how. */
  decidedBy?: string;
  decidedSummary?: string;
  decidedStatus?: Known<ActionStatus>;
  /** For 'superseded': the execution that holds the action now. */
  currentExecutionId?: string;
}

export interface ApprovalSent {
  decision: ApprovalDecision;
  /** When AWS recorded it (ISO 8601). */
  decidedAt?: string;
  /** True when the answer was lost and the state showed our decision afterwards. */
  reconciled: boolean;
}

export type ApprovalOutcome = { ok: true; value: ApprovalSent } | { ok: false; error: ApprovalProblem };

/** Stable key of an approval ref, e.g. for single flight or an id map. */
export function approvalKey(ref: ApprovalRef): string {
  return [ref.pipeline, ref.stage, ref.action, ref.pipelineExecutionId].join('/');
}
