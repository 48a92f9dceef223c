// What changed between two snapshots, as typed events: the renderer, the tray
// and notifications react to these. Each event has an id that is the same
// whenever the same thing happens again (across refreshes and restarts), so
// main can deliver it once. Data is project-independent: main adds projects.
import type { ApprovalRef } from './pipelines';
import type { AwsLocation } from './sources';

/**
 * 'change': seen happening between two reads. 'current-state': already true
 * the first time Starboard read the resource (a cold start): worth showing,
 * not news.
 */
export type EventOrigin = 'change' | 'current-state';

interface PipelineEventBase {
  pipeline: string;
  location: AwsLocation;
  consoleUrl: string;
}

export interface ExecutionEventData extends PipelineEventBase {
  executionId: string;
  /** The status label ("Failed", "unknown (X)"). */
  status: string;
  statusSummary?: string;
  stopReason?: string;
  trigger?: string;
  /** What ran: the source actions' revisions and commit messages. */
  revisions: { actionName: string; revisionId?: string; commitMessage?: string }[];
}

export interface StageFailedData extends PipelineEventBase {
  stage: string;
  executionId: string;
  failedActions: { name: string; code?: string; message?: string }[];
}

export interface ApprovalEventData extends PipelineEventBase {
  ref: ApprovalRef;
  requestedAt?: string;
  expiresAt?: string;
  customData?: string;
}

export interface ApprovalDecidedData extends ApprovalEventData {
  outcome: 'approved' | 'rejected';
  by?: string;
  comment?: string;
}

/** Why an approval stopped waiting without a decision or a timeout. */
export type ApprovalWithdrawnReason = 'superseded' | 'stopped' | 'removed';

export interface ApprovalWithdrawnData extends ApprovalEventData {
  reason: ApprovalWithdrawnReason;
}

export interface BuildEventData {
  project: string;
  location: AwsLocation;
  buildId: string;
  arn: string;
  number?: number;
  /** The status label ("FAILED", "unknown (X)"). */
  status: string;
  sourceVersion?: string;
  resolvedSourceVersion?: string;
  initiator?: string;
  /** The phase that did not succeed, for failures. */
  failedPhase?: string;
  consoleUrl: string;
}

export interface BuildFixedData extends BuildEventData {
  /** How many failed builds of the project came right before this one (as far as the snapshot remembers). */
  failedBefore: number;
}

export interface PullRequestEventData {
  repository: string;
  location: AwsLocation;
  pullRequestId: string;
  title: string;
  authorArn?: string;
  sourceBranch?: string;
  destinationBranch?: string;
  revisionId: string;
  consoleUrl: string;
}

export interface PullRequestApprovedData extends PullRequestEventData {
  approvedBy: string[];
}

export interface PullRequestMergedData extends PullRequestEventData {
  mergedBy?: string;
  mergeCommitId?: string;
}

/**
 * Every event kind and its data. Deployments (CodeDeploy, Beanstalk), GitHub
 * workflow runs and environment health join here when their sources put them
 * in the snapshot (see ResourceKinds in snapshot.ts).
 */
export interface EventKinds {
  'pipeline.execution.started': ExecutionEventData;
  'pipeline.execution.succeeded': ExecutionEventData;
  'pipeline.execution.failed': ExecutionEventData;
  'pipeline.execution.stopped': ExecutionEventData;
  'pipeline.stage.failed': StageFailedData;
  'approval.requested': ApprovalEventData;
  'approval.decided': ApprovalDecidedData;
  'approval.expired': ApprovalEventData;
  'approval.withdrawn': ApprovalWithdrawnData;
  'build.failed': BuildEventData;
  'build.succeeded': BuildEventData;
  'build.fixed': BuildFixedData;
  'pullRequest.opened': PullRequestEventData;
  'pullRequest.approved': PullRequestApprovedData;
  'pullRequest.merged': PullRequestMergedData;
}

export type EventKind = keyof EventKinds;

export const eventKinds = [
  'pipeline.execution.started',
  'pipeline.execution.succeeded',
  'pipeline.execution.failed',
  'pipeline.execution.stopped',
  'pipeline.stage.failed',
  'approval.requested',
  'approval.decided',
  'approval.expired',
  'approval.withdrawn',
  'build.failed',
  'build.succeeded',
  'build.fixed',
  'pullRequest.opened',
  'pullRequest.approved',
  'pullRequest.merged',
] as const satisfies readonly EventKind[];

export interface ChangeEventOf<K extends EventKind> {
  /** `<kind>:<what it is about>`, stable across restarts (see eventId). */
  id: string;
  kind: K;
  /** The snapshot resource it is about. */
  resourceId: string;
  origin: EventOrigin;
  /** When it happened as the provider tells it, else when the snapshot saw it (ISO 8601). */
  at: string;
  /** One line for a notification or a feed; plain text, never HTML. */
  summary: string;
  data: EventKinds[K];
}

export type ChangeEvent = { [K in EventKind]: ChangeEventOf<K> }[EventKind];

/** The stable id: the kind, then the parts that name the occurrence, joined with ':'. */
export function eventId(kind: EventKind, ...parts: string[]): string {
  return [kind, ...parts].join(':');
}

/** An event as the hub delivers it: the projects whose members it is about (none when no project claims them). */
export type ProjectEvent = ChangeEvent & { projects: string[] };
