// GitHub as the UI sees it: watched repositories with their default-branch
// head, open pull requests, Actions runs, jobs and steps, environments with
// what is live where, runs waiting for review, and the account's rate limit.
// Plain serializable data; no Octokit shapes. Titles, messages and comments
// came from users: the UI shows them as text, never as HTML.
import type { Freshness, SourceProblem } from './sources';

/** A status GitHub sent; a value this build does not know is 'unknown' with the raw text kept (RELIABILITY A14). */
export type Known<T extends string> = T | 'unknown';

export const runStatuses = ['queued', 'in_progress', 'waiting', 'requested', 'pending', 'completed'] as const;
export type RunStatus = (typeof runStatuses)[number];

export const runConclusions = [
  'success',
  'failure',
  'cancelled',
  'skipped',
  'neutral',
  'timed_out',
  'action_required',
  'stale',
  'startup_failure',
] as const;
export type RunConclusion = (typeof runConclusions)[number];

export const deploymentStates = [
  'error',
  'failure',
  'inactive',
  'pending',
  'success',
  'queued',
  'in_progress',
] as const;
export type DeploymentState = (typeof deploymentStates)[number];

export interface GitHubRepository {
  /** `owner/name`. */
  fullName: string;
  owner: string;
  name: string;
  private: boolean;
  defaultBranch: string;
  description?: string;
  htmlUrl: string;
  pushedAt?: string;
}

export interface GitHubCommit {
  sha: string;
  /** The first line of the message. */
  subject: string;
  /** A GitHub login when GitHub matched the author to an account, else the git author name. */
  author: string;
  authoredAt?: string;
  htmlUrl: string;
}

/** From the latest review of each reviewer: any "changes requested" wins, then any approval. */
export type ReviewState = 'approved' | 'changes-requested' | 'review-required';

/** Commit statuses and check runs of a commit, combined: failure wins, then pending. */
export type CheckState = 'success' | 'failure' | 'pending' | 'none';

export interface CheckSummary {
  state: CheckState;
  total: number;
  succeeded: number;
  failed: number;
  pending: number;
}

export interface GitHubPullRequest {
  number: number;
  title: string;
  author: string;
  draft: boolean;
  headRef: string;
  headSha: string;
  baseRef: string;
  createdAt: string;
  updatedAt: string;
  htmlUrl: string;
  /** Absent until the pull request's reviews were read. */
  review?: ReviewState;
  /** Absent until the head commit's checks were read. */
  checks?: CheckSummary;
}

export interface GitHubWorkflow {
  id: number;
  name: string;
  path: string;
  state: string;
  htmlUrl: string;
}

export interface GitHubWorkflowRun {
  id: number;
  /** The workflow's name. */
  name: string;
  workflowId: number;
  runNumber: number;
  attempt: number;
  /** The commit message's first line or the pull request title. */
  title: string;
  status: Known<RunStatus>;
  /** Only when `status` is 'unknown'. */
  rawStatus?: string;
  conclusion?: Known<RunConclusion>;
  rawConclusion?: string;
  branch?: string;
  headSha: string;
  event: string;
  actor?: string;
  /** Who started this attempt (a re-run can be started by someone else). */
  triggeringActor?: string;
  createdAt: string;
  startedAt?: string;
  updatedAt: string;
  /** From start to the last update, once completed. */
  durationMs?: number;
  pullRequests: number[];
  htmlUrl: string;
}

export interface GitHubStep {
  number: number;
  name: string;
  status: Known<RunStatus>;
  conclusion?: Known<RunConclusion>;
  startedAt?: string;
  completedAt?: string;
  durationMs?: number;
}

export interface GitHubJob {
  id: number;
  runId: number;
  attempt: number;
  name: string;
  status: Known<RunStatus>;
  rawStatus?: string;
  conclusion?: Known<RunConclusion>;
  rawConclusion?: string;
  startedAt?: string;
  completedAt?: string;
  durationMs?: number;
  runnerName?: string;
  steps: GitHubStep[];
  htmlUrl: string;
}

export interface GitHubReviewer {
  kind: 'user' | 'team';
  /** A login, or a team's slug. */
  name: string;
}

export interface GitHubEnvironment {
  id: number;
  name: string;
  htmlUrl: string;
  /** Users and teams who must approve a deployment here; empty when none must. */
  reviewers: GitHubReviewer[];
  waitTimerMinutes: number;
  preventSelfReview: boolean;
}

export interface GitHubDeploymentStatus {
  state: Known<DeploymentState>;
  rawState?: string;
  description?: string;
  createdAt: string;
  /** The run or page the deployment reported. */
  targetUrl?: string;
}

export interface GitHubDeployment {
  id: number;
  environment: string;
  sha: string;
  ref: string;
  creator?: string;
  createdAt: string;
  /** The latest status's state, or 'pending' before any status. */
  state: Known<DeploymentState>;
  /** Newest first. */
  statuses: GitHubDeploymentStatus[];
}

/** One environment, its newest deployment, and the commit that is live there. */
export interface GitHubEnvironmentDeployments {
  environment: GitHubEnvironment;
  latest?: GitHubDeployment;
  /** The newest deployment that succeeded (may be older than `latest`). */
  live?: { sha: string; deploymentId: number; since: string };
}

export interface GitHubPendingDeployment {
  environment: { id: number; name: string };
  waitTimerMinutes: number;
  waitStartedAt?: string;
  /** GitHub's word on whether the token's user may approve (reviewer, and not blocked by prevent-self-review). */
  currentUserCanApprove: boolean;
  reviewers: GitHubReviewer[];
}

/** A run that waits for review, with what it waits for. */
export interface GitHubWaitingRun {
  run: GitHubWorkflowRun;
  pending: GitHubPendingDeployment[];
}

/** Everything read about one watched repository; the data is the last good copy when `problem` is set. */
export interface GitHubRepositoryRead extends Freshness {
  accountKey: string;
  fullName: string;
  repository?: GitHubRepository;
  /** The default branch, newest first: `commits[0]` is its head. */
  commits: GitHubCommit[];
  pulls: GitHubPullRequest[];
  workflows: GitHubWorkflow[];
  /** Recent runs of every workflow, newest first. */
  runs: GitHubWorkflowRun[];
  environments: GitHubEnvironmentDeployments[];
  waiting: GitHubWaitingRun[];
  /** Per-item problems (one pull request's checks, one environment's deployments…). */
  problems: SourceProblem[];
}

export type GitHubTokenKind = 'classic' | 'fine-grained' | 'oauth' | 'app-user' | 'app-installation' | 'unknown';

export interface GitHubIdentity {
  login: string;
  name?: string;
  tokenKind: GitHubTokenKind;
  /** Classic and OAuth tokens: the scopes GitHub reports. Fine-grained tokens have permissions instead, not listed. */
  scopes?: string[];
}

/** The account's primary rate limit as GitHub last reported it, and whether Starboard holds back. */
export interface GitHubRateLimit {
  limit?: number;
  remaining?: number;
  used?: number;
  /** When the primary window resets (ISO 8601). */
  resetAt?: string;
  /** No request is sent for this account before this time (ISO 8601). */
  blockedUntil?: string;
  blockedBy?: 'primary' | 'secondary';
  /** ≥ 1: how much longer than usual the scheduler should wait between refreshes. */
  slowDown: number;
}

export interface GitHubRequestCounts {
  /** Requests that left Starboard (API calls only; log downloads are counted apart). */
  sent: number;
  /** 2xx answers with a body. */
  ok: number;
  /** 304 answers: served from the ETag cache, free of the primary limit. */
  notModified: number;
  failed: number;
  /** Requests not sent because the account was rate-limited. */
  refused: number;
  logDownloads: number;
}
