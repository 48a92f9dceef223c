// The shapes of CodePipeline's world: declared pipelines, their executions
// and the action executions inside them.
export type ActionCategory = 'Source' | 'Build' | 'Test' | 'Approval' | 'Deploy';
export type ExecutionStatus =
  'Cancelled' | 'InProgress' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Superseded' | 'Failed';
export type StageStatus = 'Cancelled' | 'InProgress' | 'Failed' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Skipped';
export type ActionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed';
/**
 * How executions share the pipeline (V2): SUPERSEDED lets a newer execution
 * replace an older one waiting at a stage; QUEUED makes them wait in order;
 * PARALLEL runs them independently, each stage open to all.
 */
export type ExecutionMode = 'SUPERSEDED' | 'QUEUED' | 'PARALLEL';
export const executionModes: readonly ExecutionMode[] = ['SUPERSEDED', 'QUEUED', 'PARALLEL'];

export interface ActionDef {
  name: string;
  category: ActionCategory;
  provider: string;
  configuration: Record<string, string>;
  runOrder: number;
  inputArtifacts: string[];
  outputArtifacts: string[];
  /** Manual approvals only; CodePipeline's default is 7 days. */
  timeoutInMinutes?: number;
}

export interface StageDef {
  name: string;
  actions: ActionDef[];
}

export interface Revision {
  actionName: string;
  artifactName: string;
  revisionId: string;
  summary: string;
  created: number;
  url?: string;
}

export interface ActionExecution {
  id: string;
  executionId: string;
  stageName: string;
  action: ActionDef;
  status: ActionStatus;
  startTime: number;
  lastUpdateTime: number;
  updatedBy?: string;
  summary?: string;
  token?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  errorDetails?: { code: string; message: string };
  /** Set when a human (or the scenario's approver) decided, as opposed to expiry. */
  decided?: boolean;
}

export interface Execution {
  id: string;
  pipelineName: string;
  pipelineVersion: number;
  /** The pipeline's mode when the execution started. */
  executionMode: ExecutionMode;
  status: ExecutionStatus;
  statusSummary?: string;
  startTime: number;
  lastUpdateTime: number;
  trigger: { triggerType: string; triggerDetail: string };
  stopTrigger?: { reason: string };
  revisions: Revision[];
  actionExecutions: ActionExecution[];
  /** The stage it is in (or waiting to enter). */
  stageIndex: number;
}

export interface StageState {
  executionId: string;
  status: StageStatus;
}

export interface Pipeline {
  name: string;
  arn: string;
  version: number;
  executionMode: ExecutionMode;
  created: number;
  updated: number;
  roleArn: string;
  artifactBucket: string;
  stages: StageDef[];
  tags: Record<string, string>;
  /** Newest first. */
  executions: Execution[];
  /**
   * Per stage: which execution holds it, and which wait to enter it, oldest
   * first (at most one in SUPERSEDED mode; PARALLEL mode uses neither).
   */
  holder: Map<string, string>;
  waiting: Map<string, string[]>;
  latestStage: Map<string, StageState>;
  /** "stage/action" → latest action execution. */
  latestAction: Map<string, ActionExecution>;
  tokens: Map<string, ActionExecution>;
}

export interface ApprovalDecision {
  status: 'Approved' | 'Rejected';
  summary: string;
  by: string;
  afterMs: number;
}

export const actionKey = (stageName: string, actionName: string): string => `${stageName}/${actionName}`;

export function isTerminal(status: ExecutionStatus): boolean {
  return status !== 'InProgress' && status !== 'Stopping';
}
