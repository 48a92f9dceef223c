// Small builders for hand-made snapshots: each takes the few fields a test
// cares about and fills the rest with plausible values.
import type { Build, BuildStatus } from '../../src/shared/builds';
import type {
  DeploymentState,
  GitHubDeployment,
  GitHubEnvironmentDeployments,
  GitHubPullRequest,
  GitHubRepositoryRead,
  GitHubWaitingRun,
  GitHubWorkflowRun,
  Known,
  RunConclusion,
} from '../../src/shared/github';
import type {
  ActionDetail,
  ActionStatus,
  ExecutionStatus,
  PipelineExecution,
  StageDetail,
  StageStatus,
  WaitingApproval,
} from '../../src/shared/pipelines';
import type { PullRequestInfo, WatchedRepository } from '../../src/shared/repositories';
import {
  buildResource,
  githubRepositoryResource,
  pipelineResource,
  repositoryResource,
  resourceKinds,
  snapshotVersion,
  type AnyResource,
  type ResourceKind,
  type Snapshot,
  type SnapshotResource,
  type SourceStatus,
} from '../../src/shared/snapshot';
import type { AwsLocation, Freshness } from '../../src/shared/sources';
import type { Timers } from '../../src/main/hub/snapshot/coalesce';

export const location: AwsLocation = { accountKey: 'acme', accountId: '111122223333', region: 'eu-west-1' };
export const source = 'aws:acme:eu-west-1';
export const fetched: Freshness = { fetchedAt: '2026-03-01T10:00:00.000Z' };

/** Minutes after 2026-03-01T09:00Z, as ISO text: small numbers keep tests readable. */
export const at = (minutes: number): string => new Date(Date.UTC(2026, 2, 1, 9, minutes)).toISOString();

export function execution(id: string, status: ExecutionStatus, start: number, extra: Partial<PipelineExecution> = {}) {
  return {
    pipelineName: 'web',
    pipelineExecutionId: id,
    status,
    startTime: at(start),
    lastUpdateTime: at(start + 1),
    sourceRevisions: [{ actionName: 'Source', revisionId: `c-${id}`, commitMessage: `commit for ${id}` }],
    consoleUrl: `https://console.aws.amazon.com/codesuite/codepipeline/pipelines/web/executions/${id}`,
    ...extra,
  } satisfies PipelineExecution;
}

export function action(name: string, status?: ActionStatus, extra: Partial<ActionDetail> = {}): ActionDetail {
  return { name, configuration: {}, ...(status ? { status } : {}), ...extra };
}

export function stage(
  name: string,
  executionId: string,
  status: StageStatus,
  actions: ActionDetail[] = [],
): StageDetail {
  return { name, latestExecution: { pipelineExecutionId: executionId, status }, inboundExecutions: [], actions };
}

export function waiting(
  stageName: string,
  actionName: string,
  executionId: string,
  extra: Partial<WaitingApproval> = {},
) {
  return {
    ref: { pipeline: 'web', stage: stageName, action: actionName, pipelineExecutionId: executionId },
    location,
    requestedAt: at(30),
    expiresAt: at(30 + 7 * 24 * 60),
    sourceRevisions: [],
    consoleUrl: `https://console.aws.amazon.com/codesuite/codepipeline/pipelines/web/executions/${executionId}`,
    ...extra,
  } satisfies WaitingApproval;
}

export interface PipelineParts {
  name?: string;
  executions?: PipelineExecution[];
  stages?: StageDetail[];
  waitingApprovals?: WaitingApproval[];
  /** Leave the state out (GetPipelineState not read yet). */
  noState?: boolean;
}

export function pipeline(parts: PipelineParts = {}): SnapshotResource<'pipeline'> {
  const name = parts.name ?? 'web';
  const consoleUrl = `https://console.aws.amazon.com/codesuite/codepipeline/pipelines/${name}/view`;
  return pipelineResource(
    {
      summary: { name, location, arn: `arn:aws:codepipeline:eu-west-1:111122223333:${name}`, version: 1, consoleUrl },
      ...(parts.noState
        ? {}
        : {
            state: {
              name,
              location,
              fetchedAt: fetched.fetchedAt,
              definitionOutdated: false,
              stages: parts.stages ?? [],
              waitingApprovals: parts.waitingApprovals ?? [],
              consoleUrl,
            },
          }),
      ...(parts.executions ? { executions: parts.executions } : {}),
    },
    fetched,
  );
}

export function build(
  project: string,
  number: number,
  status: BuildStatus,
  extra: Partial<Build> = {},
): SnapshotResource<'build'> {
  const id = `${project}:${String(number).padStart(4, '0')}`;
  return buildResource(
    {
      id,
      arn: `arn:aws:codebuild:eu-west-1:111122223333:build/${id}`,
      location,
      project,
      number,
      status,
      complete: status !== 'IN_PROGRESS',
      phases: [],
      startTime: at(number * 10),
      ...(status !== 'IN_PROGRESS' ? { endTime: at(number * 10 + 5) } : {}),
      consoleUrl: `https://console.aws.amazon.com/codesuite/codebuild/projects/${project}/build/${id}`,
      environmentVariables: [],
      exportedVariableNames: [],
      ...extra,
    },
    fetched,
  );
}

export function pullRequest(id: string, extra: Partial<PullRequestInfo> = {}): PullRequestInfo {
  return {
    id,
    repository: 'shop',
    title: `Change number ${id}`,
    status: 'OPEN',
    revisionId: `rev-${id}-1`,
    created: at(Number(id)),
    approval: { state: 'pending', approvedBy: [], rules: [{ name: 'two', approvalsNeeded: 2, satisfied: false }] },
    merge: { isMerged: false },
    consoleUrl: `https://console.aws.amazon.com/codesuite/codecommit/repositories/shop/pull-requests/${id}`,
    ...extra,
  };
}

export function repository(pullRequests: PullRequestInfo[], extra: Partial<WatchedRepository> = {}) {
  return repositoryResource({
    repository: 'shop',
    location,
    defaultBranch: 'main',
    heads: [{ branch: 'main', commitId: 'c1' }],
    recentCommits: [],
    branches: ['main'],
    pullRequests,
    problems: [],
    consoleUrl: 'https://console.aws.amazon.com/codesuite/codecommit/repositories/shop/browse',
    ...fetched,
    ...extra,
  });
}

export const githubAccount = 'gh';
const githubRepo = 'https://github.com/acme/shop';

/** A run of workflow CI (id 1) on main, created at minute `id * 10`; no conclusion means in progress. */
export function githubRun(
  id: number,
  conclusion?: RunConclusion,
  extra: Partial<GitHubWorkflowRun> = {},
): GitHubWorkflowRun {
  return {
    id,
    name: 'CI',
    workflowId: 1,
    runNumber: id,
    attempt: 1,
    title: `Commit number ${id}`,
    status: conclusion ? 'completed' : 'in_progress',
    ...(conclusion ? { conclusion } : {}),
    branch: 'main',
    headSha: `sha-${id}`,
    event: 'push',
    actor: 'octocat',
    createdAt: at(id * 10),
    updatedAt: at(id * 10 + 5),
    pullRequests: [],
    htmlUrl: `${githubRepo}/actions/runs/${id}`,
    ...extra,
  };
}

/** An open pull request into main, created at minute `number`. */
export function githubPull(number: number, extra: Partial<GitHubPullRequest> = {}): GitHubPullRequest {
  return {
    number,
    title: `Change number ${number}`,
    author: 'octocat',
    draft: false,
    headRef: `feature-${number}`,
    headSha: `head-${number}`,
    baseRef: 'main',
    createdAt: at(number),
    updatedAt: at(number + 1),
    htmlUrl: `${githubRepo}/pull/${number}`,
    review: 'review-required',
    ...extra,
  };
}

/** A deployment of sha-<id> created at minute `id * 10`, its one status in `state`. */
export function githubDeployment(
  id: number,
  state: Known<DeploymentState>,
  extra: Partial<GitHubDeployment> = {},
): GitHubDeployment {
  return {
    id,
    environment: 'production',
    sha: `sha-${id}`,
    ref: 'main',
    creator: 'octocat',
    createdAt: at(id * 10),
    state,
    statuses: [{ state, createdAt: at(id * 10 + 2), targetUrl: `${githubRepo}/actions/runs/${id}` }],
    ...extra,
  };
}

/** An environment gated by one reviewer, with its newest deployment when given. */
export function githubEnvironment(
  name: string,
  latest?: GitHubDeployment,
  id = name.length,
): GitHubEnvironmentDeployments {
  return {
    environment: {
      id,
      name,
      htmlUrl: `${githubRepo}/deployments/${name}`,
      reviewers: [{ kind: 'user', name: 'boss' }],
      waitTimerMinutes: 0,
      preventSelfReview: false,
    },
    ...(latest ? { latest } : {}),
  };
}

/** A run waiting for review in these environments (the token's user may approve each). */
export function githubWaiting(run: GitHubWorkflowRun, environments: string[]): GitHubWaitingRun {
  return {
    run: { ...run, status: 'waiting' },
    pending: environments.map((name) => ({
      environment: { id: name.length, name },
      waitTimerMinutes: 0,
      waitStartedAt: run.updatedAt,
      currentUserCanApprove: true,
      reviewers: [{ kind: 'user', name: 'boss' }],
    })),
  };
}

/** acme/shop read with account `gh`: one commit on main, workflow CI, and nothing else unless given. */
export function githubRepository(parts: Partial<GitHubRepositoryRead> = {}): SnapshotResource<'github-repository'> {
  return githubRepositoryResource({
    accountKey: githubAccount,
    fullName: 'acme/shop',
    repository: {
      fullName: 'acme/shop',
      owner: 'acme',
      name: 'shop',
      private: true,
      defaultBranch: 'main',
      htmlUrl: githubRepo,
    },
    commits: [{ sha: 'c1', subject: 'First commit', author: 'octocat', htmlUrl: `${githubRepo}/commit/c1` }],
    pulls: [],
    workflows: [
      { id: 1, name: 'CI', path: '.github/workflows/ci.yml', state: 'active', htmlUrl: `${githubRepo}/actions` },
    ],
    runs: [],
    environments: [],
    waiting: [],
    problems: [],
    ...fetched,
    ...parts,
  });
}

/**
 * A snapshot of these resources. Every kind listed in `read` (default: all)
 * counts as read once for the test source, so the diff treats it as warm.
 */
export function snapshot(resources: AnyResource[], read: readonly ResourceKind[] = resourceKinds): Snapshot {
  const status: SourceStatus = { id: source, kinds: Object.fromEntries(read.map((k) => [k, fetched])) };
  return {
    version: snapshotVersion,
    updatedAt: fetched.fetchedAt,
    resources: Object.fromEntries(resources.map((r) => [r.id, r])),
    sources: read.length > 0 ? { [source]: status } : {},
  };
}

export interface FakeTimers extends Timers {
  /** Moves the clock and runs every timer that falls due, in order. */
  advance: (ms: number) => void;
  readonly waiting: number;
}

/** A clock and timers that move only when told, for the snapshot store's write coalescing. */
export function fakeTimers(start = Date.parse('2026-03-01T10:00:00Z')): FakeTimers {
  let now = start;
  let nextId = 0;
  const due = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout: (callback, ms) => {
      nextId += 1;
      due.set(nextId, { at: now + ms, callback });
      return nextId;
    },
    clearTimeout: (handle) => due.delete(handle as number),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const [id, timer] = [...due].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
        if (id === undefined || timer === undefined || timer.at > end) break;
        due.delete(id);
        now = timer.at;
        timer.callback();
      }
      now = end;
    },
    get waiting() {
      return due.size;
    },
  };
}
