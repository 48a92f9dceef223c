// How a project is doing, read from the snapshot: each pipeline's latest run
// and stage strip, the latest build of each CodeBuild project, open pull
// requests and approvals waiting, with GitHub's workflows alongside (see
// github-health.ts). Pure, so the home page, the project page and (later)
// the tray agree on one answer.
import type { Build } from './builds';
import { workflowsHealth, type WorkflowHealth } from './github-health';
import { enumLabel, type ExecutionStatus, type Known, type PipelineExecution, type StageStatus } from './pipelines';
import { codebuildProjectArn, type ProjectResources } from './project-resources';
import type { CommitInfo, PullRequestInfo } from './repositories';
import type { SnapshotResource } from './snapshot';

/** A run's outcome in the few words the UI shows; 'not-run' for a stage no execution reached yet. */
export type RunStatus = 'failed' | 'running' | 'succeeded' | 'stopped' | 'skipped' | 'not-run' | 'unknown';

export function stageRunStatus(status: Known<StageStatus> | undefined): RunStatus {
  if (status === undefined) return 'not-run';
  switch (status) {
    case 'InProgress':
    case 'Stopping':
      return 'running';
    case 'Failed':
      return 'failed';
    case 'Succeeded':
      return 'succeeded';
    case 'Stopped':
    case 'Cancelled':
      return 'stopped';
    case 'Skipped':
      return 'skipped';
    default:
      return 'unknown';
  }
}

export function executionRunStatus(status: Known<ExecutionStatus> | undefined): RunStatus {
  switch (status) {
    case 'InProgress':
    case 'Stopping':
      return 'running';
    case 'Failed':
      return 'failed';
    case 'Succeeded':
      return 'succeeded';
    case 'Stopped':
    case 'Cancelled':
    case 'Superseded':
      return 'stopped';
    default:
      return 'unknown';
  }
}

export function buildRunStatus(build: Pick<Build, 'status'>): RunStatus {
  switch (build.status) {
    case 'IN_PROGRESS':
      return 'running';
    case 'SUCCEEDED':
      return 'succeeded';
    case 'FAILED':
    case 'FAULT':
    case 'TIMED_OUT':
      return 'failed';
    case 'STOPPED':
      return 'stopped';
    case 'unknown':
      return 'unknown';
  }
}

export interface StageView {
  name: string;
  status: RunStatus;
  /** CodePipeline's word for it ("InProgress", "unknown (X)"), or "Not run yet". */
  label: string;
  /** The status is from an older execution than the pipeline's newest (the newest has not got here yet). */
  previousRun: boolean;
  /** A manual approval in this stage waits for a decision. */
  waitingApproval: boolean;
  /** Executions queued to enter the stage. */
  inbound: number;
}

export interface PipelineHealth {
  resource: SnapshotResource<'pipeline'>;
  /** The newest execution's outcome; 'unknown' until the state was read. */
  status: RunStatus;
  stages: StageView[];
  waitingApprovals: number;
  /** The newest execution, when ListPipelineExecutions has been read and holds it. */
  execution?: PipelineExecution;
}

export function pipelineHealth(resource: SnapshotResource<'pipeline'>): PipelineHealth {
  const { state, executions } = resource.data;
  const stages = state?.stages ?? [];
  // The first stage always takes the newest execution first.
  const newestId = stages[0]?.latestExecution?.pipelineExecutionId ?? executions?.[0]?.pipelineExecutionId;
  const execution = executions?.find((e) => e.pipelineExecutionId === newestId);
  const views: StageView[] = stages.map((stage) => {
    const latest = stage.latestExecution;
    return {
      name: stage.name,
      status: stageRunStatus(latest?.status),
      label: latest ? enumLabel(latest.status) : 'Not run yet',
      previousRun: latest !== undefined && newestId !== undefined && latest.pipelineExecutionId !== newestId,
      waitingApproval: state?.waitingApprovals.some((a) => a.ref.stage === stage.name) ?? false,
      inbound: stage.inboundExecutions.length,
    };
  });
  const inbound = stages.some((s) => s.inboundExecutions.some((e) => e.pipelineExecutionId === newestId));
  return {
    resource,
    status: pipelineStatus(views, inbound, execution, executions?.[0]),
    stages: views,
    waitingApprovals: state?.waitingApprovals.length ?? 0,
    ...(execution ? { execution } : {}),
  };
}

function pipelineStatus(
  stages: StageView[],
  newestQueued: boolean,
  execution: PipelineExecution | undefined,
  newestListed: PipelineExecution | undefined,
): RunStatus {
  if (stages.length === 0) return executionRunStatus(newestListed?.status);
  if (stages.some((s) => s.status === 'running') || newestQueued) return 'running';
  const reached = stages.filter((s) => !s.previousRun && s.status !== 'not-run');
  if (reached.some((s) => s.status === 'failed')) return 'failed';
  if (reached.some((s) => s.status === 'stopped')) return 'stopped';
  if (execution) return executionRunStatus(execution.status);
  if (reached.length > 0 && reached.every((s) => s.status === 'succeeded' || s.status === 'skipped'))
    return 'succeeded';
  return 'unknown';
}

export interface BuildProjectHealth {
  /** The CodeBuild project's name and ARN. */
  project: string;
  arn: string;
  latest: SnapshotResource<'build'>;
  status: RunStatus;
  /** Newest first, the latest included. */
  builds: SnapshotResource<'build'>[];
}

/** Newest first: by start time, then by build number (a queued build may have no start time yet). */
export function compareBuildsNewestFirst(a: Build, b: Build): number {
  const byStart = (b.startTime ?? '\uffff').localeCompare(a.startTime ?? '\uffff');
  return byStart !== 0 ? byStart : (b.number ?? 0) - (a.number ?? 0);
}

/** Builds grouped per CodeBuild project, each group newest first; projects by name. */
export function buildsByProject(builds: readonly SnapshotResource<'build'>[]): BuildProjectHealth[] {
  const groups = new Map<string, SnapshotResource<'build'>[]>();
  for (const build of builds) {
    const arn = codebuildProjectArn(build.data.location, build.data.project);
    groups.set(arn, [...(groups.get(arn) ?? []), build]);
  }
  return [...groups.entries()]
    .map(([arn, group]) => {
      const sorted = group.sort((a, b) => compareBuildsNewestFirst(a.data, b.data));
      const latest = sorted[0] as SnapshotResource<'build'>;
      return { project: latest.data.project, arn, latest, status: buildRunStatus(latest.data), builds: sorted };
    })
    .sort((a, b) => a.project.localeCompare(b.project) || a.arn.localeCompare(b.arn));
}

export function openPullRequests(repository: SnapshotResource<'repository'>): PullRequestInfo[] {
  return repository.data.pullRequests.filter((pr) => pr.status === 'OPEN' && !pr.merge.isMerged);
}

/** The default branch's head, with the commit's details when the recent commits hold it. */
export function defaultBranchHead(
  repository: SnapshotResource<'repository'>,
): { branch: string; commitId: string; commit?: CommitInfo } | undefined {
  const { defaultBranch, heads, recentCommits } = repository.data;
  const head = heads.find((h) => h.branch === defaultBranch) ?? heads[0];
  if (!head) return undefined;
  const commit = recentCommits.find((c) => c.id === head.commitId);
  return { branch: head.branch, commitId: head.commitId, ...(commit ? { commit } : {}) };
}

export interface ProjectHealth {
  pipelines: PipelineHealth[];
  builds: BuildProjectHealth[];
  /** The latest run of each GitHub workflow on its repository's default branch. */
  workflows: WorkflowHealth[];
  /** CodeCommit's and GitHub's together. */
  openPullRequests: number;
  /** Manual approvals in pipelines, and GitHub runs waiting for review. */
  approvalsWaiting: number;
  /** The worst of the pipelines', latest builds' and workflows' outcomes. */
  overall: RunStatus;
  /** How many pipelines, build projects and workflows are in each state. */
  counts: Record<RunStatus, number>;
}

/** Most urgent first: what the project's overall status shows. */
const urgency: readonly RunStatus[] = ['failed', 'running', 'stopped', 'succeeded', 'skipped', 'not-run', 'unknown'];

export function projectHealth(
  resources: Pick<ProjectResources, 'pipelines' | 'builds' | 'repositories' | 'githubRepositories'>,
): ProjectHealth {
  const pipelines = resources.pipelines.map(pipelineHealth);
  const builds = buildsByProject(resources.builds);
  const workflows = resources.githubRepositories.flatMap(workflowsHealth);
  const counts: Record<RunStatus, number> = {
    failed: 0,
    running: 0,
    succeeded: 0,
    stopped: 0,
    skipped: 0,
    'not-run': 0,
    unknown: 0,
  };
  for (const { status } of [...pipelines, ...builds, ...workflows]) counts[status] += 1;
  const github = resources.githubRepositories.map((r) => r.data);
  return {
    pipelines,
    builds,
    workflows,
    openPullRequests:
      resources.repositories.reduce((n, r) => n + openPullRequests(r).length, 0) +
      github.reduce((n, r) => n + r.pulls.length, 0),
    approvalsWaiting:
      pipelines.reduce((n, p) => n + p.waitingApprovals, 0) + github.reduce((n, r) => n + r.waiting.length, 0),
    overall: urgency.find((status) => counts[status] > 0) ?? 'unknown',
    counts,
  };
}

/**
 * A pipeline that runs only because a manual approval waits for a decision:
 * every stage in progress of its newest run is one with an approval waiting.
 * It waits for a person, not for work, so it reads "Waiting for approval".
 */
export function waitsForApproval(pipeline: Pick<PipelineHealth, 'status' | 'stages'>): boolean {
  if (pipeline.status !== 'running') return false;
  const running = pipeline.stages.filter((s) => s.status === 'running' && !s.previousRun);
  return running.length > 0 && running.every((s) => s.waitingApproval);
}

/**
 * The project's overall status waits for approval when it is 'running' and
 * every running thing is a pipeline waiting at a manual approval (a build or
 * workflow still running keeps it "Running").
 */
export function projectWaitsForApproval(health: Pick<ProjectHealth, 'overall' | 'pipelines' | 'counts'>): boolean {
  if (health.overall !== 'running') return false;
  const waiting = health.pipelines.filter(waitsForApproval).length;
  return waiting > 0 && waiting === health.counts.running;
}

/** Whether the project has anything that runs (a pipeline, a build project, a workflow) to sum up in one status. */
export const hasRuns = (health: Pick<ProjectHealth, 'pipelines' | 'builds' | 'workflows'>): boolean =>
  health.pipelines.length + health.builds.length + health.workflows.length > 0;
