// The simulated GitHub world as plain data. Times are epoch milliseconds in
// simulated time; what a run looks like *now* is computed from these records
// by timeline.ts, so the stored world only changes when a request (or a test
// through the control object) changes it.

export interface SimUser {
  id: number;
  login: string;
  name: string;
  type: 'User' | 'Organization';
  createdAt: number;
}

export interface Commit {
  sha: string;
  treeSha: string;
  message: string;
  author: SimUser;
  at: number;
  parents: string[];
}

export interface Review {
  id: number;
  user: SimUser;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';
  body: string;
  commitId: string;
  at: number;
}

export interface PullRequest {
  id: number;
  number: number;
  title: string;
  body: string;
  author: SimUser;
  headRef: string;
  headSha: string;
  baseRef: string;
  createdAt: number;
  updatedAt: number;
  draft: boolean;
  reviews: Review[];
}

/** A legacy commit status (POST /statuses), e.g. one reported by CodePipeline. */
export interface CommitStatus {
  id: number;
  context: string;
  state: 'success' | 'failure' | 'pending' | 'error';
  description: string;
  targetUrl: string;
  creator: SimUser;
  at: number;
}

export interface Workflow {
  id: number;
  name: string;
  path: string;
  createdAt: number;
}

export interface Environment {
  id: number;
  name: string;
  createdAt: number;
  /** Required reviewers; empty means the environment has no review gate. */
  reviewers: SimUser[];
  preventSelfReview: boolean;
  waitTimerMinutes: number;
  reviewRuleId: number;
  branchRuleId: number;
}

export interface StepPlan {
  name: string;
  durationMs: number;
}

/** A job as the workflow file would run it; its ids are fixed when the attempt is created. */
export interface JobPlan {
  id: number;
  name: string;
  /** The environment this job deploys to (a deployment is created when it is reached). */
  environment?: string;
  deploymentId?: number;
  /** Delay between being queued and picked up by a runner. */
  queueMs: number;
  steps: StepPlan[];
  /** Index of the step that fails, if this job is planned to fail. */
  failAtStep?: number;
  /** A job re-used unchanged from the previous attempt by "re-run failed jobs". */
  carried?: CarriedJob;
}

export interface CarriedJob {
  startedAt: number;
  completedAt: number;
  steps: { name: string; startedAt: number; completedAt: number }[];
}

/** A decision on one environment of one attempt (POST pending_deployments). */
export interface EnvironmentReview {
  environment: string;
  state: 'approved' | 'rejected';
  user: SimUser;
  comment: string;
  at: number;
}

export interface RunAttempt {
  number: number;
  actor: SimUser;
  createdAt: number;
  /** Jobs run stage by stage; the jobs inside a stage run in parallel. */
  stages: JobPlan[][];
  reviews: EnvironmentReview[];
  cancelledAt?: number;
  /** Set by the control object: whatever runs at this moment fails. */
  failedAt?: number;
}

export interface WorkflowRun {
  id: number;
  workflowId: number;
  runNumber: number;
  event: 'push' | 'pull_request' | 'workflow_dispatch' | 'schedule';
  headBranch: string;
  headSha: string;
  pullNumbers: number[];
  createdAt: number;
  attempts: RunAttempt[];
}

export interface Repository {
  id: number;
  owner: SimUser;
  name: string;
  private: boolean;
  description: string | null;
  language: string | null;
  defaultBranch: string;
  createdAt: number;
  /** Branch name -> head sha. */
  branches: Map<string, string>;
  /** Newest first per branch is derived by walking parents from the branch head. */
  commits: Map<string, Commit>;
  pulls: PullRequest[];
  statuses: Map<string, CommitStatus[]>;
  workflows: Workflow[];
  runs: WorkflowRun[];
  environments: Environment[];
}

export const fullName = (repo: Repository): string => `${repo.owner.login}/${repo.name}`;

export function latestAttempt(run: WorkflowRun): RunAttempt {
  const attempt = run.attempts[run.attempts.length - 1];
  if (!attempt) throw new Error(`run ${run.id} has no attempts`);
  return attempt;
}

/** The branch's history, newest first (first-parent walk). */
export function history(repo: Repository, headSha: string): Commit[] {
  const out: Commit[] = [];
  let commit = repo.commits.get(headSha);
  while (commit) {
    out.push(commit);
    const parent = commit.parents[0];
    commit = parent === undefined ? undefined : repo.commits.get(parent);
  }
  return out;
}
