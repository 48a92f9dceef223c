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

interface PullRequestEventBase {
  /** The repository as shown: CodeCommit's name, GitHub's `owner/name`. */
  repository: string;
  /** CodeCommit's id, or GitHub's number, as text. */
  pullRequestId: string;
  title: string;
  /** Who opened it, for display: a GitHub login, or the user or session name of a CodeCommit author ARN. */
  author?: string;
  sourceBranch?: string;
  destinationBranch?: string;
  /** What was reviewed: CodeCommit's revision id, or the head commit on GitHub. */
  revisionId: string;
  consoleUrl: string;
}

export interface CodeCommitPullRequestEventData extends PullRequestEventBase {
  provider: 'codecommit';
  location: AwsLocation;
  authorArn?: string;
}

export interface GitHubPullRequestEventData extends PullRequestEventBase {
  provider: 'github';
  /** The workspace's GitHub account the repository was read with. */
  accountKey: string;
  /** `owner/name` as GitHub spells it. */
  fullName: string;
  number: number;
}

/** A pull request of either provider, told apart by `provider`. */
export type PullRequestEventData = CodeCommitPullRequestEventData | GitHubPullRequestEventData;

/** Who approved: CodeCommit approvers' ARNs; empty for GitHub, whose read keeps the verdict, not the reviewers. */
export type PullRequestApprovedData = PullRequestEventData & { approvedBy: string[] };

export type PullRequestMergedData = PullRequestEventData & { mergedBy?: string; mergeCommitId?: string };

/** Where a GitHub event happened. `consoleUrl` is the GitHub page to open, as for every other event. */
interface GitHubEventBase {
  /** The workspace's GitHub account the repository was read with. */
  accountKey: string;
  /** `owner/name` as GitHub spells it. */
  fullName: string;
  consoleUrl: string;
}

export interface WorkflowRunEventData extends GitHubEventBase {
  /** The workflow's name. */
  workflow: string;
  workflowId: number;
  runId: number;
  runNumber: number;
  runAttempt: number;
  /** The commit message's first line or the pull request title. */
  title: string;
  /** The conclusion label ("failure", "timed_out", "unknown (X)"). */
  conclusion: string;
  branch?: string;
  headSha: string;
  /** What started it ("push", "pull_request"…). */
  event: string;
  /** Who started this attempt. */
  actor?: string;
}

export interface WorkflowRunFixedData extends WorkflowRunEventData {
  /** How many failed runs of the workflow on the branch came right before this one (as far as the snapshot remembers). */
  failedBefore: number;
}

/** A run held by environment protection until a reviewer approves: GitHub's "review deployments". */
export interface WorkflowRunWaitingData extends GitHubEventBase {
  workflow: string;
  runId: number;
  runNumber: number;
  runAttempt: number;
  title: string;
  /** The environments that wait for a reviewer now. */
  environments: string[];
  /** Those the token's user may approve, as GitHub says. */
  approvable: string[];
  branch?: string;
  headSha: string;
  actor?: string;
  /** When the first of them started waiting, when GitHub said. */
  waitingSince?: string;
}

export interface DeploymentEventData extends GitHubEventBase {
  environment: string;
  deploymentId: number;
  sha: string;
  ref: string;
  /** The state label ("success", "error", "unknown (X)"). */
  state: string;
  creator?: string;
  /** The latest status's description. */
  description?: string;
  /** The page the deployment reported (a run, a preview): any host, not only GitHub. */
  targetUrl?: string;
}

/** Where a deploy target lives; `consoleUrl` opens it in the AWS console. */
interface DeployTargetEventBase {
  location: AwsLocation;
  consoleUrl: string;
}

export interface CodeDeployEventData extends DeployTargetEventBase {
  application: string;
  group: string;
  deploymentId: string;
  /** The status label ("Failed", "Stopped", "unknown (X)"). */
  status: string;
  creator?: string;
  /** What was deployed: `s3://…`, `owner/repo@commit`. */
  revision?: string;
  commitId?: string;
  /** CodeDeploy's error message for the deployment. */
  error?: string;
  /** The first hook that failed, on which target, and what it said. */
  failedHook?: { target: string; hook: string; message?: string };
}

/** An environment's health moved: a Beanstalk environment's colour, with its causes. */
export interface HealthEventData extends DeployTargetEventBase {
  application: string;
  environment: string;
  /** The health now and before ("Red", "Yellow", "Green"). */
  health: string;
  previous?: string;
  causes: string[];
  versionLabel?: string;
}

export interface StackFailedData extends DeployTargetEventBase {
  stack: string;
  status: string;
  reason?: string;
  /** The newest failing resource of the operation and its reason. */
  failedResource?: { logicalId: string; reason?: string };
}

export interface RolloutFailedData extends DeployTargetEventBase {
  cluster: string;
  service: string;
  reason?: string;
  running: number;
  desired: number;
}

/**
 * Every event kind and its data. Deployments of CodeDeploy and Beanstalk, and
 * environment health, join here when their sources put them in the snapshot
 * (see ResourceKinds in snapshot.ts).
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
  'workflow.run.failed': WorkflowRunEventData;
  'workflow.run.succeeded': WorkflowRunEventData;
  'workflow.run.fixed': WorkflowRunFixedData;
  'workflow.run.waiting': WorkflowRunWaitingData;
  'deployment.succeeded': DeploymentEventData;
  'deployment.failed': DeploymentEventData;
  'codedeploy.deployment.succeeded': CodeDeployEventData;
  'codedeploy.deployment.failed': CodeDeployEventData;
  'environment.health.degraded': HealthEventData;
  'environment.health.recovered': HealthEventData;
  'stack.failed': StackFailedData;
  'service.rollout.failed': RolloutFailedData;
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
  'workflow.run.failed',
  'workflow.run.succeeded',
  'workflow.run.fixed',
  'workflow.run.waiting',
  'deployment.succeeded',
  'deployment.failed',
  'codedeploy.deployment.succeeded',
  'codedeploy.deployment.failed',
  'environment.health.degraded',
  'environment.health.recovered',
  'stack.failed',
  'service.rollout.failed',
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
