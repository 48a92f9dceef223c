// How a GitHub repository is doing, read from the snapshot: the latest run of
// each workflow on the default branch, runs waiting for review, open pull
// requests and what each environment runs. Pure, like project-health.ts,
// whose RunStatus words it reuses so GitHub and AWS read alike.
import type {
  DeploymentState,
  GitHubCommit,
  GitHubRepositoryRead,
  GitHubWorkflowRun,
  Known,
  RunConclusion,
} from './github';
import type { RunStatus } from './project-health';
import type { SnapshotResource } from './snapshot';

/** A workflow run's outcome: anything not completed is still going (a run waiting for review included). */
export function githubRunStatus(run: Pick<GitHubWorkflowRun, 'status' | 'conclusion'>): RunStatus {
  if (run.status === 'unknown') return 'unknown';
  if (run.status !== 'completed') return 'running';
  switch (run.conclusion) {
    case 'success':
    case 'neutral':
      return 'succeeded';
    case 'failure':
    case 'timed_out':
    case 'startup_failure':
      return 'failed';
    case 'cancelled':
    case 'stale':
    case 'action_required':
      return 'stopped';
    case 'skipped':
      return 'skipped';
    default:
      return 'unknown';
  }
}

const conclusionWords: Record<RunConclusion, string> = {
  success: 'Succeeded',
  failure: 'Failed',
  cancelled: 'Cancelled',
  skipped: 'Skipped',
  neutral: 'Neutral',
  timed_out: 'Timed out',
  action_required: 'Action required',
  stale: 'Stale',
  startup_failure: 'Startup failure',
};

/** GitHub's own word for a run, in sentence case: "In progress", "Waiting", "Timed out"; unknown values as they came. */
export function githubRunLabel(
  run: Pick<GitHubWorkflowRun, 'status' | 'rawStatus' | 'conclusion' | 'rawConclusion'>,
): string {
  if (run.status === 'unknown') return `unknown (${run.rawStatus ?? '?'})`;
  if (run.status !== 'completed') return sentence(run.status);
  if (run.conclusion === undefined) return 'Completed';
  if (run.conclusion === 'unknown') return `unknown (${run.rawConclusion ?? '?'})`;
  return conclusionWords[run.conclusion];
}

/** A deployment's state as a run outcome: a deployment that is no longer the newest one live is 'stopped'. */
export function deploymentRunStatus(state: Known<DeploymentState>): RunStatus {
  switch (state) {
    case 'success':
      return 'succeeded';
    case 'failure':
    case 'error':
      return 'failed';
    case 'pending':
    case 'queued':
    case 'in_progress':
      return 'running';
    case 'inactive':
      return 'stopped';
    default:
      return 'unknown';
  }
}

export function deploymentStateLabel(state: Known<DeploymentState>, raw?: string): string {
  return state === 'unknown' ? `unknown (${raw ?? '?'})` : sentence(state);
}

const sentence = (word: string): string => {
  const words = word.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export interface WorkflowHealth {
  resource: SnapshotResource<'github-repository'>;
  workflowId: number;
  /** The workflow's name (the run's when the workflow list lacks it). */
  name: string;
  /** The workflow's newest run on the default branch. */
  latest: GitHubWorkflowRun;
  status: RunStatus;
}

/**
 * The newest run of each workflow on the default branch, by workflow name.
 * Runs of other branches (pull requests, features) do not say how the project is doing.
 */
export function workflowsHealth(resource: SnapshotResource<'github-repository'>): WorkflowHealth[] {
  const { repository, workflows, runs } = resource.data;
  const branch = repository?.defaultBranch;
  const latest = new Map<number, GitHubWorkflowRun>();
  for (const run of runs) {
    if (branch !== undefined && run.branch !== branch) continue;
    if (!latest.has(run.workflowId)) latest.set(run.workflowId, run);
  }
  return [...latest.entries()]
    .map(([workflowId, run]) => ({
      resource,
      workflowId,
      name: workflows.find((w) => w.id === workflowId)?.name ?? run.name,
      latest: run,
      status: githubRunStatus(run),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.workflowId - b.workflowId);
}

/** The environments each waiting run waits for, by run id. */
export function waitingEnvironments(read: Pick<GitHubRepositoryRead, 'waiting'>): Map<number, string[]> {
  return new Map(read.waiting.map((w) => [w.run.id, w.pending.map((p) => p.environment.name)]));
}

/** The default branch's head: the newest commit read, with the branch it is on. */
export function githubHead(read: GitHubRepositoryRead): { branch: string; commit?: GitHubCommit } | undefined {
  const branch = read.repository?.defaultBranch;
  if (branch === undefined) return undefined;
  const commit = read.commits[0];
  return { branch, ...(commit ? { commit } : {}) };
}
